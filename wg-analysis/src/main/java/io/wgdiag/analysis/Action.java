package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * A fix and how to verify and roll it back: exact commands, in order.
 *
 * <pre>{@code
 * Action.builder()
 *     .description("Lower wg0's MTU to the measured path MTU minus WireGuard's 60 bytes")
 *     .addApply("ip link set dev wg0 mtu 1320")
 *     .addVerify("ping -M do -s 1292 -c 3 10.60.0.10")
 *     .addRollback("ip link set dev wg0 mtu 1420")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Action {

  /** What the action does and why, in one sentence. */
  public abstract String description();

  /** The commands that apply the fix. */
  public abstract ImmutableList<String> apply();

  /** The commands that show whether it worked. */
  public abstract ImmutableList<String> verify();

  /** The commands that undo it. */
  public abstract ImmutableList<String> rollback();

  /** A builder. */
  public static ImmutableAction.Builder builder() {
    return ImmutableAction.builder();
  }
}
