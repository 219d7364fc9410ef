package io.wgdiag.model.nic;

import java.util.Optional;
import org.immutables.value.Value;

/** One offload feature line of {@code ethtool -k}: {@code generic-receive-offload: on [fixed]}. */
@Value.Immutable
public abstract class EthtoolFeature {

  /** The feature name, e.g. {@code generic-receive-offload}. */
  public abstract String name();

  /** Whether it is on. */
  public abstract boolean enabled();

  /** Whether the driver fixes it ({@code [fixed]}): it cannot be changed. */
  @Value.Default
  public boolean fixed() {
    return false;
  }

  /** What was requested when it differs from the state ({@code [requested on]}). */
  public abstract Optional<Boolean> requested();

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableEthtoolFeature.Builder builder() {
    return ImmutableEthtoolFeature.builder();
  }
}
