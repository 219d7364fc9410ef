package io.wgdiag.analysis;

import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.model.tcp.SsReport;
import io.wgdiag.model.tcp.TcpSocket;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checklist A, steps 1-2: does the tunnel carry traffic at all? Code {@code tunnel.no-traffic}; see
 * docs/analysis.md.
 *
 * <p>Traffic was offered through the tunnel when pings went to a tunnel address, iperf3 ran to
 * one, or a TCP socket to one sits in SYN-SENT. It came back when a ping through the tunnel was
 * answered, iperf3 moved bytes, or the WireGuard receive counter rose. Offered and nothing back is
 * a dead tunnel: every throughput, loss and queueing figure of the case is then meaningless, and
 * the finding names the likely causes in order (no handshake, stale handshake, one way, an
 * AllowedIPs gap, the route, an endpoint that went away), each with its evidence. Runs after the
 * routing and peer analyzers, whose findings it cites.
 */
final class ConnectivityAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "connectivity";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.TUNNEL_NO_TRAFFIC);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (HostSnapshot host : ctx.hosts()) {
      check(ctx, Tunnel.of(host, ctx.kase()));
    }
  }

  private void check(AnalysisContext ctx, Tunnel t) {
    Host h = t.host.host();
    List<Evidence> offered = new ArrayList<>();
    List<Evidence> answered = new ArrayList<>();
    // what the load phase showed on its own: a tunnel dead during the load and alive for later
    // probes still failed the test that was run
    List<Evidence> loadOffered = new ArrayList<>();
    List<Evidence> loadAnswered = new ArrayList<>();
    for (Fact<PingResult> f : t.host.facts(PingResult.class)) {
      PingResult r = f.value();
      Optional<String> target = r.destination();
      if (target.isEmpty() || !t.isTunnelDestination(target.get()) || t.isUnderlayPing(f)) {
        continue;
      }
      long sent = r.transmitted().orElse(0);
      long got = r.received().orElse(r.uniqueReplies());
      if (got > 0) {
        add(f, answered, loadAnswered, Evidence.of(f.source(), "ping to " + target.get() + " through the tunnel: " + got + " of "
            + sent + " answered"));
      } else if (sent > 0 && r.errors().isEmpty()) {
        add(f, offered, loadOffered, Evidence.of(f.source(), "ping to " + target.get() + " through the tunnel: 0 of " + sent
            + " answered"));
      }
    }
    for (Fact<IperfResult> f : t.host.facts(IperfResult.class)) {
      IperfResult r = f.value();
      Optional<String> server = r.server();
      if (server.isPresent() && !t.isTunnelDestination(server.get())) {
        continue;
      }
      long bytes = r.summary("receiver").map(IperfInterval::bytes).orElse(r.summary("sender").map(IperfInterval::bytes).orElse(0L));
      if (bytes > 0) {
        add(f, answered, loadAnswered, Evidence.of(f.source(), "iperf3 moved " + Fmt.bytes(bytes) + " through the tunnel"));
      } else if (r.error().isPresent()) {
        add(f, offered, loadOffered, Evidence.of(f.source(), "iperf3 failed: " + r.error().get()));
      } else {
        add(f, offered, loadOffered, Evidence.of(f.source(), "iperf3 through the tunnel moved 0 bytes"));
      }
    }
    for (Fact<SsReport> f : t.host.facts(SsReport.class)) {
      for (TcpSocket s : f.value().sockets()) {
        if (!t.isTunnelDestination(s.peerAddress())) {
          continue;
        }
        if (s.state().orElse("").toUpperCase(java.util.Locale.ROOT).startsWith("SYN-SENT")) {
          add(f, offered, loadOffered, Evidence.of(f.sourceOf(s.line()), "TCP to " + s.peerAddress() + ":" + s.peerPort()
              + " stuck in SYN-SENT (" + s.segsOut().orElse(0) + " segments out, none answered)"));
        } else if (s.bytesAcked().orElse(0) > 1) {
          add(f, answered, loadAnswered, Evidence.of(f.sourceOf(s.line()), "TCP to " + s.peerAddress() + ":" + s.peerPort()
              + " acknowledged " + Fmt.bytes(s.bytesAcked().getAsLong())));
        }
      }
    }
    Optional<CounterWindow<WgShow>> wg = CounterWindow.of(t.host, WgShow.class);
    long rx = -1;
    long tx = -1;
    if (wg.isPresent() && wg.get().isDelta()) {
      rx = wg.get().delta(w -> sum(w, t, false));
      tx = wg.get().delta(w -> sum(w, t, true));
      if (rx > 1024 && tx > 1024) {
        answered.add(Evidence.of(wg.get().to().source(), "WireGuard counters moved both ways: " + Fmt.bytes(tx) + " sent, "
            + Fmt.bytes(rx) + " received (" + wg.get().evidence() + ")"));
      }
    }
    // dead during the load (when the load phase has evidence of its own), else dead throughout
    boolean deadUnderLoad = !loadOffered.isEmpty() && loadAnswered.isEmpty();
    boolean dead = deadUnderLoad || loadOffered.isEmpty() && loadAnswered.isEmpty() && answered.isEmpty() && !offered.isEmpty();
    if (!dead) {
      if (!answered.isEmpty()) {
        ctx.ruledOut("the tunnel carries traffic", h, answered.subList(0, Math.min(3, answered.size())).toArray(new Evidence[0]));
      }
      return;
    }
    if (deadUnderLoad) {
      offered = new ArrayList<>(loadOffered);
    }
    boolean aliveLater = deadUnderLoad && !answered.isEmpty();
    if (rx >= 0) {
      offered.add(Evidence.of(wg.get().to().source(), "WireGuard counters: " + Fmt.bytes(tx) + " sent, " + Fmt.bytes(rx)
          + " received (" + wg.get().evidence() + ")"));
    }
    List<LikelyCause> causes = likelyCauses(ctx, t, tx, rx);
    Evidence underlay = underlayAnswers(t);
    String first = causes.isEmpty() ? "no cause identified yet" : causes.get(0).cause();
    ImmutableFinding.Builder b = Finding.builder()
        .code(Codes.TUNNEL_NO_TRAFFIC)
        .severity(Severity.CRITICAL)
        .confidence(Math.min(0.95, 0.6 + 0.1 * offered.size()))
        .category(Category.CONNECTIVITY)
        .host(h)
        .title((aliveLater ? "The tunnel carried nothing during the load" : "The tunnel carries nothing")
            + ": traffic was offered and nothing came back (likely: " + first + ")")
        .explanation("Pings, connections or a load test went into the tunnel and no reply came out, "
            + "so every throughput, loss and queueing figure of this case measures a dead tunnel. "
            + (aliveLater ? "It answered again at other times (" + answered.get(0).source() + ": " + answered.get(0).fact()
                + "): the outage was temporary, as after a NAT rebinding or an address change. " : "")
            + (underlay == null ? "No underlay ping says whether the peer's endpoint answers outside the tunnel."
                : "Outside the tunnel: " + underlay.fact() + "."))
        .decision("Restore connectivity first (checklist A, steps 1-2): check the likely causes below in order; nothing "
            + "else matters until the tunnel carries traffic both ways.")
        .evidence(offered)
        .likelyCauses(causes)
        .addActions(Action.builder()
            .description("Watch the tunnel's UDP packets at both ends while a ping runs through it")
            .addApply("tcpdump -ni any udp port " + listenPortOf(t) + " -c 20   # on both ends",
                "ping -c 5 " + ctx.peerAddressFor(h))
            .addVerify("wg show " + t.iface + " latest-handshakes", "wg show " + t.iface + " transfer   # both counters rise")
            .build());
    if (underlay != null) {
      b.addEvidence(underlay);
    }
    ctx.report(b.build());
  }

  private static void add(Fact<?> f, List<Evidence> all, List<Evidence> load, Evidence e) {
    all.add(e);
    if (f.phase() == Phase.DURING) {
      load.add(e);
    }
  }

  private static long sum(WgShow w, Tunnel t, boolean tx) {
    long total = 0;
    for (WgPeer p : w.allPeers()) {
      total += tx ? p.txBytes() : p.rxBytes();
    }
    return total;
  }

  private static String listenPortOf(Tunnel t) {
    return t.wgInterface.flatMap(i -> i.listenPort().isPresent() ? Optional.of(String.valueOf(i.listenPort().getAsInt()))
        : Optional.empty()).orElse("51820");
  }

  /** What the underlay pings say, if any were taken: the endpoint answers outside the tunnel, or not. */
  private static @org.jspecify.annotations.Nullable Evidence underlayAnswers(Tunnel t) {
    for (Fact<PingResult> f : t.host.facts(PingResult.class)) {
      if (!t.isUnderlayPing(f) || Tunnel.isDfProbe(f.capture()) || !f.value().hasSummary()) {
        continue;
      }
      PingResult r = f.value();
      String target = r.destination().orElse("the peer's endpoint");
      long got = r.received().orElse(0);
      return Evidence.of(f.source(), got > 0 ? "the underlay answers: " + got + " of " + r.transmitted().orElse(0)
          + " pings to " + target + " came back" : "the underlay does not answer either: 0 of " + r.transmitted().orElse(0)
          + " pings to " + target + " came back");
    }
    return null;
  }

  /** The candidates, in the guide's order, each only where the evidence supports it. */
  private List<LikelyCause> likelyCauses(AnalysisContext ctx, Tunnel t, long tx, long rx) {
    Host h = t.host.host();
    List<LikelyCause> out = new ArrayList<>();
    Optional<Fact<WgShow>> show = t.host.latest(WgShow.class);
    Optional<Instant> now = ctx.kase().captureTime().flatMap(PeerAnalyzer::instant);
    for (WgPeer p : t.peers()) {
      Source src = show.map(s -> s.sourceOf(p.line())).orElse(new Source("wg show", 0));
      if (!p.hasHandshake()) {
        out.add(LikelyCause.builder().code(Codes.PEER_NO_HANDSHAKE).cause("no handshake")
            .explanation("peer " + p.publicKey() + p.endpoint().map(e -> " at " + e).orElse("") + " has never completed a "
                + "handshake: wrong endpoint or port, UDP blocked, or mismatched keys")
            .addEvidence(Evidence.of(src, "peer " + p.publicKey() + ": no latest handshake")).build());
        continue;
      }
      Optional<Duration> age = now.isPresent() ? p.handshakeAge(now.get()) : p.latestHandshakeAge();
      if (age.isPresent() && age.get().getSeconds() > ctx.config().staleHandshakeSeconds()) {
        out.add(LikelyCause.builder().code(Codes.PEER_STALE_HANDSHAKE).cause("stale handshake")
            .explanation("the latest handshake with " + p.publicKey() + " was " + age.get().getSeconds() + " s ago, past "
                + "REJECT_AFTER_TIME (180 s): the session is dead and rekeying does not get through")
            .addEvidence(Evidence.of(src, "latest handshake " + age.get().getSeconds() + " s ago")).build());
      }
    }
    List<LikelyCause> specific = out;
    List<LikelyCause> generic = new ArrayList<>();
    // one way: this end sends and gets nothing back; the other end's counters say where it died
    if (tx > 1024 && rx <= 1024) {
      ImmutableLikelyCause.Builder c = LikelyCause.builder().code(Codes.PEER_ONE_WAY).cause("one way");
      String other = "";
      Optional<HostSnapshot> peer = ctx.kase().host(h == Host.LOCAL ? Host.REMOTE : Host.LOCAL);
      if (peer.isPresent()) {
        Optional<CounterWindow<WgShow>> ow = CounterWindow.of(peer.get(), WgShow.class);
        if (ow.isPresent() && ow.get().isDelta()) {
          long orx = ow.get().delta(w -> sum(w, t, false));
          long otx = ow.get().delta(w -> sum(w, t, true));
          c.addEvidence(Evidence.of(ow.get().to().source(), "the other end: " + Fmt.bytes(orx) + " received, " + Fmt.bytes(otx)
              + " sent (" + ow.get().evidence() + ")"));
          other = orx > 1024 && otx > 1024
              ? "; the other end received it and sent " + Fmt.bytes(otx) + " back that never arrived: the return path drops it"
              : orx <= 1024 ? "; the other end received nothing either: it dies on the way out (endpoint, path or firewall)"
                  : "; the other end received it and sent nothing back: its replies leave another way (routing) or are refused";
        }
      }
      generic.add(c.explanation("this end sent " + Fmt.bytes(tx) + " into the tunnel and received " + Fmt.bytes(rx) + other).build());
    }
    // an AllowedIPs gap on the way out: the destination is in no peer's AllowedIPs
    for (String dest : t.givenPeerAddress().stream().toList()) {
      boolean covered = t.peers().stream().anyMatch(p -> p.allowedIps().stream().anyMatch(a -> a.contains(dest)));
      if (!t.peers().isEmpty() && !covered) {
        out.add(LikelyCause.builder().code(Codes.WG_ALLOWED_IPS_GAP).cause("AllowedIPs gap")
            .explanation("no peer's AllowedIPs holds " + dest + ": WireGuard has nowhere to send it")
            .addEvidence(Evidence.of(show.map(Fact::source).orElse(new Source("wg show", 0)), "AllowedIPs of the peers: "
                + t.peers().stream().flatMap(p -> p.allowedIps().stream()).map(IpPrefix::toString).toList()))
            .build());
      }
    }
    // the route, as the routing analyzer found it (this end, or the other end's policy)
    for (Finding f : ctx.reported()) {
      if (f.code().equals(Codes.ROUTE_NOT_VIA_TUNNEL) && f.host() == h
          || f.code().equals(Codes.ROUTE_ASYMMETRIC)) {
        out.add(LikelyCause.builder().code(f.code()).cause(f.code().equals(Codes.ROUTE_NOT_VIA_TUNNEL)
                ? "the route" : "the route back (policy routing on the " + f.host().label() + " end)")
            .explanation(f.title()).evidence(f.evidence()).build());
      }
      if (f.code().equals(Codes.WG_ALLOWED_IPS_GAP) && f.host() != h) {
        out.add(LikelyCause.builder().code(f.code()).cause("AllowedIPs gap on the other end")
            .explanation(f.title()).evidence(f.evidence()).build());
      }
    }
    // an endpoint that went away: the other end's own underlay address is not the endpoint we use
    endpointGone(ctx, t).ifPresent(out::add);
    natMappingLost(ctx, t).ifPresent(out::add);
    // an endpoint that moved between snapshots (NAT rebinding, roaming), as the peer analyzer saw it
    for (Finding f : ctx.reported()) {
      if (f.code().equals(Codes.PEER_ENDPOINT_CHANGED)) {
        boolean noKeepalive = ctx.reported().stream().anyMatch(k -> k.code().equals(Codes.PEER_KEEPALIVE_MISSING)
            && k.subject().equals(f.subject()));
        out.add(LikelyCause.builder().code(f.code()).cause("endpoint moved (NAT rebinding or roaming)")
            .explanation(f.title() + " on the " + f.host().label() + " end" + (noKeepalive || f.severity() == Severity.WARNING
                ? ", without PersistentKeepalive: the NAT mapping expired or changed and nothing refreshed it" : ""))
            .evidence(f.evidence()).build());
      }
    }
    // the specific causes first; "one way" describes where it dies more than why
    specific.addAll(generic);
    return specific;
  }

  /**
   * An endpoint that went away: the underlay does not answer at the peer's endpoint address, and,
   * where the other end was captured, its own source address toward us is another one.
   */
  private Optional<LikelyCause> endpointGone(AnalysisContext ctx, Tunnel t) {
    Host h = t.host.host();
    Optional<Fact<WgShow>> show = t.host.latest(WgShow.class);
    for (WgPeer p : t.peers()) {
      if (p.endpoint().isEmpty()) {
        continue;
      }
      String host = p.endpoint().get().host();
      Optional<Fact<PingResult>> silent = t.host.facts(PingResult.class).stream()
          .filter(f -> f.value().destination().map(host::equals).orElse(false) && !Tunnel.isDfProbe(f.capture()))
          .filter(f -> f.value().transmitted().orElse(0) > 0 && f.value().received().orElse(0) == 0)
          .findFirst();
      if (silent.isEmpty()) {
        continue;
      }
      ImmutableLikelyCause.Builder c = LikelyCause.builder().code(Codes.PEER_ENDPOINT_CHANGED)
          .cause("endpoint gone after an address change")
          .addEvidence(Evidence.of(show.map(s -> s.sourceOf(p.line())).orElse(new Source("wg show", 0)), "endpoint " + p.endpoint().get()))
          .addEvidence(Evidence.of(silent.get().source(), "underlay ping to " + host + ": 0 of "
              + silent.get().value().transmitted().orElse(0) + " answered"));
      String theirs = otherEndSource(ctx, t).filter(x -> !x.equals(host) && sameFamily(x, host)).orElse(null);
      c.explanation("this end sends to " + p.endpoint().get() + ", which no longer answers on the underlay"
          + (theirs != null ? "; the other end now leaves by " + theirs : "") + ": its address changed (or it is down) and, with "
          + "no keepalive or traffic from the other end to announce the new one, the tunnel does not follow");
      return Optional.of(c.build());
    }
    return Optional.empty();
  }

  /**
   * A NAT mapping lost: the endpoint this end uses has another port than the one the other end
   * listens on (a NAT translates it), and the other end sends no keepalive to hold the mapping open.
   */
  private Optional<LikelyCause> natMappingLost(AnalysisContext ctx, Tunnel t) {
    Optional<HostSnapshot> other = ctx.kase().host(t.host.host() == Host.LOCAL ? Host.REMOTE : Host.LOCAL);
    Optional<Fact<WgShow>> theirs = other.flatMap(o -> o.latest(WgShow.class));
    Optional<Fact<WgShow>> ours = t.host.latest(WgShow.class);
    if (theirs.isEmpty() || ours.isEmpty()) {
      return Optional.empty();
    }
    for (io.wgdiag.model.wireguard.WgInterface i : theirs.get().value().interfaces()) {
      if (i.listenPort().isEmpty() || i.publicKey().isEmpty()) {
        continue;
      }
      for (WgPeer p : t.peers()) {
        if (!p.publicKey().equals(i.publicKey().get()) || p.endpoint().isEmpty()
            || p.endpoint().get().port() == i.listenPort().getAsInt()) {
          continue;
        }
        boolean keepalive = i.peers().stream().anyMatch(q -> q.persistentKeepaliveSeconds().isPresent());
        if (keepalive) {
          continue;
        }
        return Optional.of(LikelyCause.builder().code(Codes.PEER_KEEPALIVE_MISSING).cause("NAT mapping lost (no keepalive)")
            .explanation("this end reaches the other through a NAT (it sends to " + p.endpoint().get() + ", the other end listens on "
                + i.listenPort().getAsInt() + ") and the other end sends no PersistentKeepalive: when the mapping expires or "
                + "changes, nothing reaches it until it sends first. Set PersistentKeepalive = 25 on the side behind the NAT.")
            .addEvidence(Evidence.of(ours.get().sourceOf(p.line()), "endpoint " + p.endpoint().get()))
            .addEvidence(Evidence.of(theirs.get().sourceOf(i.line()), "the other end listens on " + i.listenPort().getAsInt()
                + ", no persistent keepalive to its peers"))
            .build());
      }
    }
    return Optional.empty();
  }

  /** The other end's source address toward us, from its {@code ip route get} of one of our addresses. */
  private static Optional<String> otherEndSource(AnalysisContext ctx, Tunnel t) {
    Optional<HostSnapshot> other = ctx.kase().host(t.host.host() == Host.LOCAL ? Host.REMOTE : Host.LOCAL);
    if (other.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ours = new java.util.HashSet<>();
    for (Fact<RouteLookups> f : t.host.facts(RouteLookups.class)) {
      for (RouteLookup l : f.value().lookups()) {
        l.source().ifPresent(ours::add);
      }
    }
    for (Fact<RouteLookups> f : other.get().facts(RouteLookups.class)) {
      for (RouteLookup l : f.value().lookups()) {
        if (l.source().isPresent() && ours.contains(l.destination()) && !t.isTunnelDestination(l.source().get())) {
          return l.source();
        }
      }
    }
    return Optional.empty();
  }

  private static boolean sameFamily(String a, String b) {
    return a.contains(":") == b.contains(":");
  }
}
