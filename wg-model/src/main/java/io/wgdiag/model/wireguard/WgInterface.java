package io.wgdiag.model.wireguard;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One WireGuard interface and its peers.
 *
 * <pre>{@code
 * interface: wg0
 *   public key: 2r4...redacted...Kk=
 *   private key: (hidden)
 *   listening port: 51820
 *   fwmark: 0xca6c
 * }</pre>
 *
 * <p>The private key is never stored: only whether one is set.
 */
@Value.Immutable
public abstract class WgInterface {

  /** The interface name; empty when {@code wg show wg0 dump} did not print it. */
  public abstract String name();

  /** The interface's public key, if set. */
  public abstract Optional<String> publicKey();

  /** Whether a private key is set (its value is never kept). */
  @Value.Default
  public boolean hasPrivateKey() {
    return false;
  }

  /** The UDP listening port; absent when not set (0). */
  public abstract OptionalInt listenPort();

  /** The fwmark; absent when off (0). */
  public abstract OptionalLong fwmark();

  /** The peers, in printed order (the human form sorts them by latest handshake). */
  public abstract ImmutableList<WgPeer> peers();

  /** The peer with {@code publicKey}, if present. */
  public Optional<WgPeer> peer(String publicKey) {
    return Optional.ofNullable(peerIndex().get(publicKey));
  }

  /** The peers by public key (the first of a key printed twice), built once on first lookup. */
  @Value.Lazy
  com.google.common.collect.ImmutableMap<String, WgPeer> peerIndex() {
    java.util.Map<String, WgPeer> byKey = new java.util.HashMap<>(peers().size() * 2);
    for (WgPeer p : peers()) {
      byKey.putIfAbsent(p.publicKey(), p);
    }
    return com.google.common.collect.ImmutableMap.copyOf(byKey);
  }

  /** The 1-based line of the {@code interface:} line (or dump line) in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableWgInterface.Builder builder() {
    return ImmutableWgInterface.builder();
  }
}
