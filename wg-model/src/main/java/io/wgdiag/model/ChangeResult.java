package io.wgdiag.model;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * What a state-changing command printed: {@code ip link set dev wg0 mtu 1380}, {@code iptables -A
 * ...}, {@code tc qdisc replace ...}. These print nothing on success; anything printed (such as
 * {@code RTNETLINK answers: File exists}) is kept as a message.
 */
@Value.Immutable
@WgStyle
public abstract class ChangeResult {

  /** The lines the command printed, in order; empty on success. */
  public abstract ImmutableList<String> messages();

  /** Whether the command printed nothing, which is how these commands report success. */
  @Value.Derived
  public boolean succeeded() {
    return messages().isEmpty();
  }

  /** A builder. */
  public static ImmutableChangeResult.Builder builder() {
    return ImmutableChangeResult.builder();
  }
}
