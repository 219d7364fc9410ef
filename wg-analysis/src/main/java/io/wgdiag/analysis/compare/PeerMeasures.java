package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The handshake age of the tunnel peer, from wg show. */
final class PeerMeasures {
  private PeerMeasures() {}


  /**
   * Seconds since the tunnel peer's latest handshake, in the last {@code wg show} captured;
   * infinite when it never completed one. The peer is the one whose AllowedIPs hold the peer
   * address of {@code bundle.properties} (local host), else the interface's only peer; with several
   * peers and no address, the freshest. The dump form's epoch is aged against the capture time.
   */
  static Optional<Reading> handshakeAge(HostSnapshot host, Case kase) {
    Optional<Fact<WgShow>> show = host.latest(WgShow.class);
    if (show.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> iface = host.host() == Host.LOCAL ? kase.tunnelInterface() : Optional.empty();
    Optional<String> peerAddress = host.host() == Host.LOCAL ? kase.peerTunnelAddress() : Optional.empty();
    Optional<Instant> now = kase.captureTime().flatMap(PeerMeasures::instant);
    List<WgPeer> peers = new ArrayList<>();
    for (WgInterface i : show.get().value().interfaces()) {
      if (iface.isEmpty() || i.name().isEmpty() || i.name().equals(iface.get())) {
        peers.addAll(i.peers());
      }
    }
    List<WgPeer> chosen = peers;
    if (peerAddress.isPresent()) {
      List<WgPeer> holding = peers.stream().filter(p -> p.allowedIps().stream().anyMatch(a -> holds(a, peerAddress.get()))).toList();
      chosen = holding.isEmpty() ? peers : holding;
    }
    double best = Double.NaN;
    WgPeer which = null;
    for (WgPeer p : chosen) {
      double age;
      if (!p.hasHandshake()) {
        age = Double.POSITIVE_INFINITY;
      } else {
        Optional<Duration> d = now.isPresent() ? p.handshakeAge(now.get()) : p.latestHandshakeAge();
        if (d.isEmpty()) {
          continue; // an epoch with no capture time to age it against
        }
        age = d.get().toMillis() / 1000.0;
      }
      if (which == null || age < best) {
        best = age;
        which = p;
      }
    }
    if (which == null) {
      return Optional.empty();
    }
    String text = Double.isInfinite(best) ? "never" : Format.seconds(best) + " ago";
    return Optional.of(Reading.of(best, text + " (peer " + abbreviate(which.publicKey()) + ")", "wg show",
        show.get().sourceOf(which.line()).toString()));
  }

  private static boolean holds(IpPrefix prefix, String address) {
    return IpPrefix.parse(address).map(prefix::contains).orElse(false);
  }

  private static String abbreviate(String key) {
    return key.length() > 8 ? key.substring(0, 8) + "…" : key;
  }

  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
