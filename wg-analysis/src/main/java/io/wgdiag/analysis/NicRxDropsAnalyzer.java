package io.wgdiag.analysis;

import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nic.rx-drops}: does a physical (underlay) interface drop received packets?
 *
 * <p>Rule: for each link with counters that is neither loopback nor a tunnel, RX drops (dropped +
 * missed + overrun) per RX packet. Rising between phases at or above {@link
 * AnalysisConfig#dropWarnRatio()} is a warning; any drop is info. From a single snapshot only totals
 * since boot are known: info, and the load comparison is reported as not assessed. Field guide
 * Task 8: "RX drops exist. That might be congestion, ring overflow, or policing upstream. If drops
 * rise during iperf, treat it as underlay or host receive path pressure."
 */
final class NicRxDropsAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "nic-rx-drops";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.NIC_RX_DROPS);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (HostSnapshot host : ctx.hosts()) {
      Optional<CounterWindow<Links>> w =
          CounterWindow.of(host, Links.class, l -> l.links().stream().anyMatch(x -> x.stats().isPresent()));
      if (w.isEmpty()) {
        if (host.host() == Host.LOCAL) {
          ctx.notAssessed("NIC receive drops", "no ip -s link output on the " + host.host().label() + " host",
              "ip -s -s link show");
        }
        continue;
      }
      CounterWindow<Links> win = w.get();
      for (Link link : win.to().value().links()) {
        if (link.stats().isEmpty() || Tunnel.isTunnelOrLoopback(link)) {
          continue;
        }
        Optional<Link> before = win.from().flatMap(f -> f.value().link(link.name())).filter(l -> l.stats().isPresent());
        LinkStats now = link.stats().get();
        long drops = drops(now) - before.map(l -> drops(l.stats().get())).orElse(0L);
        long packets = now.rxPackets() - before.map(l -> l.stats().get().rxPackets()).orElse(0L);
        if (drops <= 0) {
          continue;
        }
        boolean delta = before.isPresent();
        double ratio = Counters.ratio(drops, packets);
        Severity sev = delta && ratio >= ctx.config().dropWarnRatio() ? Severity.WARNING : Severity.INFO;
        String window = delta ? win.evidence() : "since boot (one snapshot)";
        ctx.report(Finding.builder()
            .code(Codes.NIC_RX_DROPS)
            .subject(link.name())
            .direction(Direction.receivedBy(host.host()))
            .severity(sev)
            .confidence(delta ? 0.8 : 0.5)
            .category(Category.LOSS)
            .host(host.host())
            .title(link.name() + " dropped " + drops + " received packets (" + Fmt.ratio(ratio) + " of " + packets + ") " + (delta ? "under load" : "since boot"))
            .explanation("RX drops on " + link.name() + ": congestion, NIC ring overflow, or policing upstream. "
                + (delta ? "They rose while the load ran, so the receive path is under pressure."
                    : "These are totals since boot; whether they rise under load is what matters."))
            .decision("If drops rise during iperf, treat it as underlay or host receive path pressure: investigate NIC rings, "
                + "interrupt distribution, qdisc and upstream shaping.")
            .addEvidence(Evidence.of(win.to().sourceOf(link.line()),
                link.name() + " RX dropped " + now.rxDropped() + ", missed " + now.rxMissed().orElse(0) + ", packets " + now.rxPackets()
                    + " (" + window + ")"))
            .addActions(Action.builder()
                .description("Enlarge the NIC receive ring if it is below the hardware maximum, then re-test under load")
                .addApply("ethtool -g " + link.name(), "ethtool -G " + link.name() + " rx <the 'Pre-set maximums' RX value>")
                .addVerify("ip -s -s link show " + link.name() + "   # before and after an iperf3 run: dropped must stay flat")
                .addRollback("ethtool -G " + link.name() + " rx <the 'Current hardware settings' RX value noted before>")
                .build())
            .build());
      }
      if (!win.isDelta() && host.host() == Host.LOCAL) {
        ctx.notAssessed("whether RX drops rise under load", "only one ip -s link snapshot (totals since boot)",
            "ip -s -s link show   # before the load", "iperf3 -c " + ctx.peerAddressFor(Host.LOCAL) + " -t 15",
            "ip -s -s link show   # after the load");
      }
    }
  }

  static long drops(LinkStats s) {
    return s.rxDropped() + s.rxMissed().orElse(0) + s.rxOverrun().orElse(0);
  }
}
