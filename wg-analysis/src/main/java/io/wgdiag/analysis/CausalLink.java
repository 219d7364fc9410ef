package io.wgdiag.analysis;

import org.immutables.value.Value;

/**
 * One row of the causal model: a cause code, a symptom code it can explain, where it can explain
 * it, and why, in the field guide's words. See {@link CausalModel}.
 */
@Value.Immutable
public abstract class CausalLink {

  /** The code of the cause, e.g. {@code udp.buffer-errors}. */
  @Value.Parameter
  public abstract String cause();

  /** The code of the symptom it can explain, e.g. {@code path.loss}. */
  @Value.Parameter
  public abstract String symptom();

  /** Where the cause can explain the symptom. */
  @Value.Parameter
  public abstract Scope scope();

  /** Why, in one sentence a reader can check against the field guide. */
  @Value.Parameter
  public abstract String reason();

  /**
   * Whether the cause takes the symptom's severity when it absorbs a worse one: a policy route (a
   * warning) that leaves the tunnel carrying nothing (critical) is itself critical. Without it a
   * cause absorbs only symptoms no worse than itself.
   */
  @Value.Default
  public boolean promotes() {
    return false;
  }

  /** A link. */
  public static CausalLink of(String cause, String symptom, Scope scope, String reason) {
    return ImmutableCausalLink.of(cause, symptom, scope, reason);
  }

  /** A link by which the cause takes the symptom's severity ({@link #promotes()}). */
  public static CausalLink promoting(String cause, String symptom, Scope scope, String reason) {
    return ImmutableCausalLink.of(cause, symptom, scope, reason).withPromotes(true);
  }
}
