package io.wgdiag.model.ping;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One echo reply: {@code 64 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=23.4 ms}.
 */
@Value.Immutable
public abstract class PingReply {

  /** The ICMP bytes received (payload + 8), as printed before {@code bytes from}. */
  public abstract int bytes();

  /** The address (or name) the reply came from. */
  public abstract String from();

  /** The ICMP sequence number ({@code icmp_seq=}, busybox {@code seq=}). */
  public abstract int seq();

  /** The reply's TTL (IPv6: hop limit). */
  public abstract OptionalInt ttl();

  /** The round-trip time in milliseconds; absent when the payload was too small to carry a timestamp. */
  public abstract OptionalDouble timeMillis();

  /** Whether the reply was a duplicate ({@code (DUP!)}). */
  @Value.Default
  public boolean duplicate() {
    return false;
  }

  /** Whether the reply was truncated ({@code (truncated)}) or carried wrong data bytes. */
  @Value.Default
  public boolean damaged() {
    return false;
  }

  /** The {@code -D} receive timestamp in Unix seconds with microseconds, if printed. */
  public abstract OptionalDouble timestampSeconds();

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutablePingReply.Builder builder() {
    return ImmutablePingReply.builder();
  }
}
