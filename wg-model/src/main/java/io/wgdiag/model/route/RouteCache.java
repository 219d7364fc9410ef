package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The {@code cache} line older kernels print under a cloned (cached) route of {@code ip route show
 * cache} or {@code ip route show table all}: IPv4 route-cache entries (kernels before 3.6) and
 * IPv6 clones such as a learned path MTU. The route's own metrics on that line ({@code mtu 1400},
 * {@code advmss}, {@code hoplimit}, {@code rtt}) go to the {@link Route} as on any route line.
 *
 * <pre>{@code
 * 10.60.0.10 from 192.0.2.7 dev eth0
 *     cache  expires 588sec mtu 1400 advmss 1460 hoplimit 64
 * local 192.0.2.7 from 10.60.0.10 dev lo src 192.0.2.7
 *     cache <local>  iif eth0
 * }</pre>
 */
@Value.Immutable
public abstract class RouteCache {

  /** The route-cache flags printed in angle brackets ({@code local}, {@code brd}, {@code mc}, {@code redirected}, ...). */
  public abstract ImmutableList<String> flags();

  /**
   * The time until the entry expires, in seconds ({@code expires 588sec}); negative for an entry
   * past its expiry that the kernel has not removed yet ({@code expires -1sec}).
   */
  public abstract OptionalLong expiresSeconds();

  /** The error the entry records, as the kernel's negative errno ({@code error -113}). */
  public abstract OptionalLong error();

  /** The users holding the entry ({@code users 1}, with {@code -s}), a count. */
  public abstract OptionalLong users();

  /** The times the entry was used ({@code used 12}, with {@code -s}), a count. */
  public abstract OptionalLong used();

  /** The time since the entry was last used, in seconds ({@code age 31sec}, with {@code -s}). */
  public abstract OptionalLong ageSeconds();

  /** The IP ID as printed ({@code ipid 0x6e1b}). */
  public abstract Optional<String> ipId();

  /** A builder. */
  public static ImmutableRouteCache.Builder builder() {
    return ImmutableRouteCache.builder();
  }
}
