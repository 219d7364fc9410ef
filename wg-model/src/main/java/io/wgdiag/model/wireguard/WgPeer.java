package io.wgdiag.model.wireguard;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One WireGuard peer, from {@code wg show} or {@code wg show dump}.
 *
 * <pre>{@code
 * peer: q0D...redacted...xw=
 *   endpoint: 203.0.113.44:51820
 *   allowed ips: 10.60.0.10/32, 10.20.0.0/16
 *   latest handshake: 28 seconds ago
 *   transfer: 18.42 GiB received, 25.11 GiB sent
 *   persistent keepalive: every 25 seconds
 * }</pre>
 *
 * <p>The preshared key is never stored: only whether one is set.
 */
@Value.Immutable
public abstract class WgPeer {

  /** The peer's public key as printed (an opaque token: pasted output often redacts it). */
  @Value.Parameter
  public abstract String publicKey();

  /** Whether a preshared key is set (its value is never kept). */
  @Value.Parameter
  @Value.Default
  public boolean hasPresharedKey() {
    return false;
  }

  /** The endpoint, absent before the peer is first heard from. */
  @Value.Parameter
  public abstract Optional<Endpoint> endpoint();

  /** The AllowedIPs, in printed order; empty for {@code (none)}. */
  @Value.Parameter
  public abstract ImmutableList<IpPrefix> allowedIps();

  /**
   * The age of the latest handshake as {@code wg show} prints it ({@code 28 seconds ago}, {@code
   * Now} = zero), when that form was read. Resolution: one second.
   */
  @Value.Parameter
  public abstract Optional<Duration> latestHandshakeAge();

  /** The latest handshake in Unix seconds, when {@code wg show dump} printed it (0, never, is absent). */
  @Value.Parameter
  public abstract OptionalLong latestHandshakeEpochSeconds();

  /**
   * Whether {@code wg show} printed "(System clock wound backward; connection problems may
   * ensue.)" instead of an age: a handshake exists but its age is unknown.
   */
  @Value.Parameter
  @Value.Default
  public boolean clockWoundBackward() {
    return false;
  }

  /** Bytes received from this peer (WireGuard message bytes). */
  @Value.Parameter
  @Value.Default
  public long rxBytes() {
    return 0;
  }

  /** Bytes sent to this peer (WireGuard message bytes). */
  @Value.Parameter
  @Value.Default
  public long txBytes() {
    return 0;
  }

  /**
   * Whether {@link #rxBytes()} and {@link #txBytes()} are exact (dump) or rounded from {@code
   * 18.42 GiB} (human form, within 0.005 of the printed unit).
   */
  @Value.Parameter
  @Value.Default
  public boolean transferExact() {
    return true;
  }

  /** The persistent keepalive interval in seconds; absent when off. */
  @Value.Parameter
  public abstract OptionalInt persistentKeepaliveSeconds();

  /** Whether any handshake has completed. */
  public boolean hasHandshake() {
    return latestHandshakeAge().isPresent() || latestHandshakeEpochSeconds().isPresent() || clockWoundBackward();
  }

  /** The handshake age at {@code now} (for the dump form), or as printed; empty if unknown or never. */
  public Optional<Duration> handshakeAge(Instant now) {
    if (latestHandshakeAge().isPresent()) {
      return latestHandshakeAge();
    }
    OptionalLong e = latestHandshakeEpochSeconds();
    return e.isPresent() ? Optional.of(Duration.ofSeconds(Math.max(0, now.getEpochSecond() - e.getAsLong()))) : Optional.empty();
  }

  /** The 1-based line of the {@code peer:} line (or dump line) in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Parameter
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableWgPeer.Builder builder() {
    return ImmutableWgPeer.builder();
  }
}
