package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One route of {@code ip route show}: {@code default via 192.0.2.1 dev eth0 proto static metric
 * 100}, {@code blackhole 10.9.0.0/16}, {@code 10.60.0.0/24 dev wg0 scope link mtu lock 1380}.
 */
@Value.Immutable
public abstract class Route {

  /** The route type: {@code unicast} (not printed), local, broadcast, blackhole, unreachable, prohibit, throw, multicast, anycast, nat. */
  @Value.Parameter
  @Value.Default
  public String type() {
    return "unicast";
  }

  /** The destination: {@code default}, a prefix {@code 10.60.0.0/24}, or a host address. */
  @Value.Parameter
  public abstract String destination();

  /** Whether this is a default route (or {@code 0.0.0.0/0}, {@code ::/0}). */
  public boolean isDefault() {
    return destination().equals("default") || destination().equals("0.0.0.0/0") || destination().equals("::/0");
  }

  /** The gateway ({@code via}). */
  @Value.Parameter
  public abstract Optional<String> gateway();

  /** The output device ({@code dev}). */
  @Value.Parameter
  public abstract Optional<String> device();

  /** The table ({@code table}); absent means main for {@code ip route show}. */
  @Value.Parameter
  public abstract Optional<String> table();

  /** The routing protocol ({@code proto}: kernel, static, boot, bgp, a number). */
  @Value.Parameter
  public abstract Optional<String> protocol();

  /** The scope ({@code scope}: link, host, global). */
  @Value.Parameter
  public abstract Optional<String> scope();

  /** The preferred source address ({@code src}). */
  @Value.Parameter
  public abstract Optional<String> source();

  /** The metric (priority). */
  @Value.Parameter
  public abstract OptionalLong metric();

  /** The IPv6 router preference ({@code pref low|medium|high}). */
  @Value.Parameter
  public abstract Optional<String> preference();

  /** The route MTU in bytes ({@code mtu N} or {@code mtu lock N}). */
  @Value.Parameter
  public abstract OptionalInt mtuBytes();

  /**
   * Whether the MTU is locked ({@code mtu lock N}): PMTU discovery will not change it. Only the text
   * form shows the lock ({@code ip -j} drops it), so it is left out of equality.
   */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public boolean mtuLocked() {
    return false;
  }

  /** Other route metrics as printed ({@code advmss 1360}, {@code initcwnd 10}, {@code rtt 12ms}); lock shown as {@code lock N}. */
  @Value.Parameter
  public abstract ImmutableMap<String, String> metrics();

  /** Flags: onlink, linkdown, dead, offload, ... */
  @Value.Parameter
  public abstract ImmutableList<String> flags();

  /** The paths of a multipath route. */
  @Value.Parameter
  public abstract ImmutableList<Nexthop> nexthops();

  /** Keywords and values this parser does not interpret (newer iproute2), kept as printed. */
  @Value.Parameter
  public abstract ImmutableMap<String, String> other();

  /**
   * The {@code cache} line of a cloned route (older kernels' route cache, IPv6 clones), or of a
   * {@code route -C} row; absent for a route of a table.
   */
  public abstract Optional<RouteCache> cache();

  /** Whether this route is a cache entry rather than a route of a table. */
  @io.wgdiag.model.View
  public boolean isCached() {
    return cache().isPresent();
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableRoute.Builder builder() {
    return ImmutableRoute.builder();
  }
}
