package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * A symptom folded into the finding that explains it: what it was, on which end, and the causal
 * model's reason for the link. Its evidence stays with it, so nothing the analysis saw is lost.
 */
@Value.Immutable
public abstract class Absorbed {

  /** The symptom's code. */
  public abstract String code();

  /** The end it was seen on. */
  public abstract Host host();

  /** Its title, with its key number. */
  public abstract String title();

  /** Why the cause explains it (the causal model's reason, with the scope). */
  public abstract String reason();

  /** The symptom's own evidence. */
  public abstract ImmutableList<Evidence> evidence();

  /** A builder. */
  public static ImmutableAbsorbed.Builder builder() {
    return ImmutableAbsorbed.builder();
  }
}
