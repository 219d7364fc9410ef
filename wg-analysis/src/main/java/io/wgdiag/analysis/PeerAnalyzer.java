package io.wgdiag.analysis;

import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Is the peer alive and stable? Codes {@code peer.no-handshake}, {@code peer.stale-handshake},
 * {@code peer.endpoint-changed}, {@code peer.keepalive-missing} and {@code peer.one-way}; see
 * docs/analysis.md.
 */
final class PeerAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "peer";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.PEER_NO_HANDSHAKE, Codes.PEER_STALE_HANDSHAKE, Codes.PEER_ENDPOINT_CHANGED,
        Codes.PEER_KEEPALIVE_MISSING, Codes.PEER_ONE_WAY);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    boolean any = false;
    for (HostSnapshot host : ctx.hosts()) {
      List<Fact<WgShow>> shows = host.facts(WgShow.class);
      if (shows.isEmpty()) {
        continue;
      }
      any = true;
      Tunnel t = Tunnel.of(host, ctx.kase());
      Fact<WgShow> last = shows.get(shows.size() - 1);
      // in time, a bundle's unphased setup `wg show` comes before its before/ and after/ snapshots
      Fact<WgShow> earliest = earliest(shows);
      Fact<WgShow> latest = latest(shows);
      Optional<Instant> now = ctx.kase().captureTime().flatMap(PeerAnalyzer::instant);
      for (WgInterface i : last.value().interfaces()) {
        if (t.ifaceKnown && !i.name().isEmpty() && !i.name().equals(t.iface)) {
          continue;
        }
        for (WgPeer p : i.peers()) {
          handshake(ctx, host, last, i, p, now);
          Optional<WgPeer> first = earliest.value().iface(i.name()).flatMap(x -> x.peer(p.publicKey()));
          WgPeer current = latest.value().iface(i.name()).flatMap(x -> x.peer(p.publicKey())).orElse(p);
          boolean changed = first.isPresent() && shows.size() > 1 && first.get().endpoint().isPresent() && current.endpoint().isPresent()
              && !first.get().endpoint().equals(current.endpoint());
          if (changed) {
            ctx.report(Finding.builder()
                .code(Codes.PEER_ENDPOINT_CHANGED)
                .subject(p.publicKey())
                .severity(p.persistentKeepaliveSeconds().isPresent() ? Severity.INFO : Severity.WARNING)
                .confidence(0.85)
                .category(Category.PEER)
                .host(host.host())
                .title("Peer " + p.publicKey() + " moved from " + first.get().endpoint().get() + " to " + current.endpoint().get())
                .explanation("The peer's endpoint changed between captures: roaming, NAT rebinding or a middlebox rewriting "
                    + "state. Expect loss and jitter while it moves.")
                .decision("If unexpected, suspect NAT timeouts or firewall state; set PersistentKeepalive on the roaming side.")
                .addEvidence(Evidence.of(earliest.sourceOf(first.get().line()), "endpoint " + first.get().endpoint().get()))
                .addEvidence(Evidence.of(latest.sourceOf(current.line()), "endpoint " + current.endpoint().get()))
                .build());
          }
          boolean natted = p.endpoint().map(e -> e.isPrivate()).orElse(false);
          if ((changed || natted) && p.persistentKeepaliveSeconds().isEmpty() && p.hasHandshake()) {
            ctx.report(Finding.builder()
                .code(Codes.PEER_KEEPALIVE_MISSING)
                .subject(p.publicKey())
                .severity(Severity.INFO)
                .confidence(0.6)
                .category(Category.PEER)
                .host(host.host())
                .title("Peer " + p.publicKey() + (changed ? " roams" : " sits behind NAT (" + p.endpoint().get() + ")")
                    + " but has no PersistentKeepalive")
                .explanation("Without keepalives, NAT and firewall state for the tunnel expires when it is idle; the next "
                    + "packets are lost until a new handshake.")
                .decision("Set PersistentKeepalive = 25 on the side behind NAT.")
                .addEvidence(Evidence.of(last.sourceOf(p.line()), "peer " + p.publicKey() + ": no persistent keepalive"))
                .addActions(Action.builder()
                    .description("Send a keepalive every 25 seconds")
                    .addApply("wg set " + t.iface + " peer " + p.publicKey() + " persistent-keepalive 25")
                    .addVerify("wg show " + t.iface + " persistent-keepalive")
                    .addRollback("wg set " + t.iface + " peer " + p.publicKey() + " persistent-keepalive 0")
                    .build())
                .build());
          }
          oneWay(ctx, host, shows, i, p);
        }
      }
    }
    if (!any) {
      ctx.notAssessed("WireGuard peer health (handshake, endpoint, counters)", "no wg show output", "wg show", "wg show all dump");
    }
  }

  private void handshake(AnalysisContext ctx, HostSnapshot host, Fact<WgShow> f, WgInterface i, WgPeer p, Optional<Instant> now) {
    if (!p.hasHandshake()) {
      if (p.endpoint().isEmpty()) {
        return; // a server waiting for a roaming client: not an error by itself
      }
      ctx.report(Finding.builder()
          .code(Codes.PEER_NO_HANDSHAKE)
                .subject(p.publicKey())
          .severity(Severity.CRITICAL)
          .confidence(0.9)
          .category(Category.PEER)
          .host(host.host())
          .title("Peer " + p.publicKey() + " at " + p.endpoint().get() + " has never completed a handshake")
          .explanation("No handshake means no session: nothing passes through the tunnel to this peer. Typical causes: "
              + "wrong endpoint address or port, a firewall dropping UDP, mismatched keys.")
          .decision("Verify the endpoint and port, that UDP reaches it (tcpdump on both ends), and the keys; nothing else "
              + "matters until the handshake completes.")
          .addEvidence(Evidence.of(f.sourceOf(p.line()), "peer " + p.publicKey() + ": endpoint " + p.endpoint().get()
              + ", no latest handshake, " + p.txBytes() + " B sent, " + p.rxBytes() + " B received"))
          .addActions(Action.builder()
              .description("Watch whether handshake packets reach the peer and come back")
              .addApply("tcpdump -ni any udp port " + p.endpoint().get().port() + " -c 10")
              .addVerify("wg show " + (i.name().isEmpty() ? "all" : i.name()) + " latest-handshakes")
              .build())
          .build());
      return;
    }
    Optional<Duration> age = now.isPresent() ? p.handshakeAge(now.get()) : p.latestHandshakeAge();
    if (age.isEmpty()) {
      return;
    }
    long s = age.get().getSeconds();
    if (s <= ctx.config().staleHandshakeSeconds()) {
      ctx.ruledOut("a fresh handshake", host.host(), Evidence.of(f.sourceOf(p.line()), "peer " + p.publicKey()
          + ": latest handshake " + s + " s ago (limit " + ctx.config().staleHandshakeSeconds() + " s)"));
      return;
    }
    ctx.report(Finding.builder()
        .code(Codes.PEER_STALE_HANDSHAKE)
                .subject(p.publicKey())
        .severity(Severity.WARNING)
        .confidence(0.75)
        .category(Category.PEER)
        .host(host.host())
        .title("Peer " + p.publicKey() + "'s latest handshake was " + s + " s ago (over " + ctx.config().staleHandshakeSeconds() + " s)")
        .explanation("WireGuard rekeys every 2 minutes while traffic flows and rejects sessions older than 180 s: a stale "
            + "handshake while traffic is expected means the session is dead or the path drops handshakes (NAT timeout, "
            + "roaming, firewall state).")
        .decision("Suspect NAT timeouts, roaming or firewall state; set PersistentKeepalive and check the endpoint.")
        .addEvidence(Evidence.of(f.sourceOf(p.line()), "latest handshake " + s + " s ago"))
        .build());
  }

  /** The first snapshot in time: an unphased one (a bundle's setup) when the bundle also has phases. */
  private static Fact<WgShow> earliest(List<Fact<WgShow>> shows) {
    return shows.stream().filter(f -> f.phase() == Phase.UNNAMED).findFirst().orElse(shows.get(0));
  }

  /** The last snapshot in time: the last phased one when there are phases, else the last unphased one. */
  private static Fact<WgShow> latest(List<Fact<WgShow>> shows) {
    Fact<WgShow> last = shows.get(shows.size() - 1);
    for (Fact<WgShow> f : shows) {
      if (f.phase() != Phase.UNNAMED) {
        last = f;
      }
    }
    return last;
  }

  private void oneWay(AnalysisContext ctx, HostSnapshot host, List<Fact<WgShow>> shows, WgInterface i, WgPeer p) {
    if (!p.hasHandshake()) {
      return;
    }
    Fact<WgShow> last = shows.get(shows.size() - 1);
    long rx = p.rxBytes();
    long tx = p.txBytes();
    String window = "totals";
    if (shows.size() > 1) {
      Optional<WgPeer> first = shows.get(0).value().iface(i.name()).flatMap(x -> x.peer(p.publicKey()));
      if (first.isEmpty()) {
        return;
      }
      rx -= first.get().rxBytes();
      tx -= first.get().txBytes();
      window = "between captures";
    }
    // the human form rounds to two decimals: treat a counter that did not move by 1 KiB as flat
    long flat = p.transferExact() ? 0 : 1024;
    boolean sendsOnly = tx > 16 * 1024 && rx <= flat;
    boolean receivesOnly = rx > 16 * 1024 && tx <= flat;
    if (!sendsOnly && !receivesOnly) {
      if (shows.size() > 1 && tx > flat && rx > flat) {
        ctx.ruledOut("transfer counters move both ways", host.host(), Evidence.of(last.sourceOf(p.line()), "peer "
            + p.publicKey() + ": " + Fmt.bytes(tx) + " sent, " + Fmt.bytes(rx) + " received (" + window + ")"));
      }
      return;
    }
    ctx.report(Finding.builder()
        .code(Codes.PEER_ONE_WAY)
                .subject(p.publicKey())
        .direction(sendsOnly ? Direction.sentBy(host.host()) : Direction.receivedBy(host.host()))
        .severity(Severity.WARNING)
        .confidence(shows.size() > 1 ? 0.8 : 0.55)
        .category(Category.PEER)
        .host(host.host())
        .title("Traffic to peer " + p.publicKey() + " flows one way: " + Fmt.bytes(tx) + " sent, " + Fmt.bytes(rx) + " received (" + window + ")")
        .explanation("One direction of the tunnel carries traffic and the other nothing: a path, firewall or NAT failure in "
            + "one direction. Performance problems are secondary.")
        .decision("Capture UDP on the WireGuard port at both ends (tcpdump) to see where the other direction dies.")
        .addEvidence(Evidence.of(last.sourceOf(p.line()), "transfer: " + Fmt.bytes(rx) + " received, " + Fmt.bytes(tx) + " sent (" + window + ")"))
        .build());
  }

  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
