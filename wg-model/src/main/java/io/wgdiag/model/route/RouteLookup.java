package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The route the kernel picks for one address, from {@code ip route get}:
 *
 * <pre>{@code
 * 10.60.0.10 dev wg0 src 10.60.0.1 uid 1000
 *     cache expires 583sec mtu 1380
 * }</pre>
 */
@Value.Immutable
public abstract class RouteLookup {

  /** The address looked up. */
  @Value.Parameter
  public abstract String destination();

  /** The route type when printed ({@code local}, {@code unreachable}, ...); unicast otherwise. */
  @Value.Parameter
  @Value.Default
  public String type() {
    return "unicast";
  }

  /** The source the lookup was made for ({@code from}), IPv6 and {@code ip route get ... from}. */
  @Value.Parameter
  public abstract Optional<String> from();

  /** The gateway ({@code via}). */
  @Value.Parameter
  public abstract Optional<String> gateway();

  /** The output device ({@code dev}). */
  @Value.Parameter
  public abstract Optional<String> device();

  /** The table ({@code table}). */
  @Value.Parameter
  public abstract Optional<String> table();

  /** The source address the kernel would use ({@code src}). */
  @Value.Parameter
  public abstract Optional<String> source();

  /** The uid the lookup was made for. */
  @Value.Parameter
  public abstract OptionalLong uid();

  /** The metric (IPv6). */
  @Value.Parameter
  public abstract OptionalLong metric();

  /** The path MTU in bytes from a cached PMTU exception or a route metric ({@code mtu N}). */
  @Value.Parameter
  public abstract OptionalInt mtuBytes();

  /** Whether that MTU is locked ({@code mtu lock N}). */
  @Value.Parameter
  @Value.Default
  public boolean mtuLocked() {
    return false;
  }

  /** Whether the kernel printed a {@code cache} line (an IPv4 cloned route). */
  @Value.Parameter
  @Value.Default
  public boolean cached() {
    return false;
  }

  /** Seconds until a cached PMTU exception expires ({@code expires 583sec}). */
  @Value.Parameter
  public abstract OptionalLong expiresSeconds();

  /** Flags on the cache line ({@code <redirected>}) and route flags. */
  @Value.Parameter
  public abstract ImmutableList<String> flags();

  /** Other keywords as printed. */
  @Value.Parameter
  public abstract ImmutableMap<String, String> other();

  /** The error when the lookup failed ({@code RTNETLINK answers: Network is unreachable}). */
  @Value.Parameter
  public abstract Optional<String> error();

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableRouteLookup.Builder builder() {
    return ImmutableRouteLookup.builder();
  }
}
