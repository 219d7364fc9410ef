package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code top -b -n N}: one iteration per screen (possibly cut by {@code | head}). */
@Value.Immutable
public abstract class TopReport {

  /** The iterations, in printed order. */
  public abstract ImmutableList<TopIteration> iterations();

  /** The last iteration (the freshest figures). */
  @View
  public Optional<TopIteration> last() {
    return iterations().isEmpty() ? Optional.empty() : Optional.of(iterations().get(iterations().size() - 1));
  }

  /** A builder. */
  public static ImmutableTopReport.Builder builder() {
    return ImmutableTopReport.builder();
  }
}
