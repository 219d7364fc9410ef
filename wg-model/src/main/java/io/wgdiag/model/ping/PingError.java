package io.wgdiag.model.ping;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A probe that came back as an error instead of a reply:
 *
 * <pre>{@code
 * ping: local error: message too long, mtu=1420
 * From 192.0.2.254 icmp_seq=1 Frag needed and DF set (mtu = 1300)
 * From fe80::1%eth0 icmp_seq=1 Packet too big: mtu=1280
 * From 10.60.0.1 icmp_seq=3 Destination Host Unreachable
 * }</pre>
 */
@Value.Immutable
public abstract class PingError {

  /** What kind of error. */
  public enum Kind {
    /** {@code ping: local error: message too long, mtu=N}: the sending host's own MTU refused the packet. */
    LOCAL_MESSAGE_TOO_LONG,
    /** {@code Frag needed and DF set (mtu = N)}: a router on the path reported a smaller MTU (IPv4). */
    FRAG_NEEDED,
    /** {@code Packet too big: mtu=N}: a router on the path reported a smaller MTU (IPv6). */
    PACKET_TOO_BIG,
    /** {@code Destination Host/Net/Port Unreachable} and the other ICMP unreachable codes. */
    UNREACHABLE,
    /** {@code Time to live exceeded}. */
    TTL_EXCEEDED,
    /** Any other error line ({@code ping: sendmsg: ...}, {@code ping: unknown host ...}). */
    OTHER
  }

  /** The kind. */
  public abstract Kind kind();

  /** The sequence number it refers to, when printed. */
  public abstract OptionalInt seq();

  /** The MTU in bytes the error reports (local error, frag needed, packet too big). */
  public abstract OptionalInt mtuBytes();

  /** The address that reported it ({@code From X}), absent for local errors. */
  public abstract Optional<String> from();

  /** The error text as printed after the address and sequence. */
  public abstract String text();

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutablePingError.Builder builder() {
    return ImmutablePingError.builder();
  }
}
