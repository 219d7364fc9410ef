package io.wgdiag.model.qdisc;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import org.immutables.value.Value;

/** The qdiscs {@code tc [-s] qdisc show [dev X]} printed, in order. */
@Value.Immutable
public abstract class QdiscReport {

  /** The qdiscs. */
  @Value.Parameter
  public abstract ImmutableList<Qdisc> qdiscs();

  /** The root qdiscs. */
  @View
  public ImmutableList<Qdisc> roots() {
    return qdiscs().stream().filter(Qdisc::root).collect(ImmutableList.toImmutableList());
  }

  /** The qdiscs of {@code device} (or those without a device, when the command named one). */
  public ImmutableList<Qdisc> onDevice(String device) {
    return qdiscs().stream().filter(q -> q.device().map(d -> d.equals(device)).orElse(true))
        .collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableQdiscReport.Builder builder() {
    return ImmutableQdiscReport.builder();
  }
}
