package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * A check that ran and found the tunnel fine, with the evidence that says so: "the route to the
 * peer uses the tunnel", "the CPU has headroom". The field guide's third story: ruling out CPU and
 * routing "eliminated half the usual speculation in five minutes".
 */
@Value.Immutable
public abstract class RuledOut {

  /** The check, e.g. {@code route to the peer uses the tunnel}. */
  public abstract String check();

  /** The end it concerns. */
  public abstract Host host();

  /** The facts behind it, each with its source. */
  public abstract ImmutableList<Evidence> evidence();

  /** A builder. */
  public static ImmutableRuledOut.Builder builder() {
    return ImmutableRuledOut.builder();
  }
}
