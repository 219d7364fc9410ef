package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import java.util.Optional;

/** Rates from kernel counters over the load: retransmits per segment; qdisc, NIC and UDP drops per packet. */
final class CounterMeasures {
  private CounterMeasures() {}

  /** TCP's maximum segment on a 1500-byte path, in bytes: segments are estimated as bytes / 1448 where no counter says. */
  static final int TYPICAL_MSS_BYTES = 1448;

  // ---- TCP retransmits ----------------------------------------------------------------------------

  /**
   * TCP segments retransmitted per segment sent: the kernel's {@code RetransSegs} over {@code
   * OutSegs} as they rose from {@code before} to {@code during}/{@code after} (netstat -s, nstat or
   * /proc/net/snmp); without that pair, iperf3's sender retransmits over its bytes / 1448.
   */
  static Optional<Reading> retransmitsPerSegment(HostSnapshot host) {
    Optional<CounterWindow<ProtocolCounters>> w = CounterWindow.of(host, ProtocolCounters.class, c -> c.tcpOutSegs().isPresent());
    if (w.isPresent() && w.get().isDelta()) {
      long retr = w.get().delta(c -> c.tcpRetransSegs().orElse(0));
      long segs = w.get().delta(c -> c.tcpOutSegs().orElse(0));
      return Optional.of(Reading.rate(retr, segs, "segments retransmitted", w.get().basis(),
          w.get().to().source().toString()));
    }
    long retr = 0;
    long segs = 0;
    String source = "";
    for (Fact<IperfResult> f : host.facts(IperfResult.class)) {
      Optional<IperfInterval> sender = f.value().summary("sender");
      if (f.value().protocol().equals("TCP") && sender.isPresent() && sender.get().retransmits().isPresent()) {
        retr += sender.get().retransmits().getAsLong();
        segs += Math.max(1, sender.get().bytes() / TYPICAL_MSS_BYTES);
        source = source.isEmpty() ? f.sourceOf(sender.get().line()).toString() : source;
      }
    }
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Reading.rate(retr, segs, "segments (iperf3's bytes / " + TYPICAL_MSS_BYTES + ")",
        "iperf3 sender summaries", source));
  }


  // ---- drops --------------------------------------------------------------------------------------

  /** Packets the root qdiscs dropped per packet they handled (sent + dropped), {@code noqueue} left out. */
  static Optional<Reading> qdiscDropsPerPacket(HostSnapshot host) {
    Optional<CounterWindow<QdiscReport>> w = CounterWindow.of(host, QdiscReport.class, r -> r.qdiscs().stream().anyMatch(q -> q.sentPackets().isPresent()));
    if (w.isEmpty()) {
      return Optional.empty();
    }
    long drops = 0;
    long handled = 0;
    for (Qdisc q : w.get().to().value().roots()) {
      if (q.kind().equals("noqueue") || q.dropped().isEmpty() || q.sentPackets().isEmpty()) {
        continue;
      }
      Optional<Qdisc> before = w.get().from().flatMap(f -> f.value().roots().stream()
          .filter(x -> x.kind().equals(q.kind()) && x.handle().equals(q.handle()) && x.device().equals(q.device())).findFirst());
      if (w.get().isDelta() && before.isEmpty()) {
        continue; // replaced between the snapshots: no rise to measure
      }
      long d = q.dropped().getAsLong() - before.map(b -> b.dropped().orElse(0)).orElse(0L);
      long s = q.sentPackets().getAsLong() - before.map(b -> b.sentPackets().orElse(0)).orElse(0L);
      drops += d;
      handled += s + d;
    }
    return Optional.of(Reading.rate(drops, handled, "packets dropped", w.get().basis(), w.get().to().source().toString()));
  }

  /** Received packets the physical links dropped ({@code dropped + missed + overrun}) per packet received or dropped. */
  static Optional<Reading> nicDropsPerPacket(HostSnapshot host) {
    Optional<CounterWindow<Links>> w = CounterWindow.of(host, Links.class, l -> l.links().stream().anyMatch(x -> x.stats().isPresent()));
    if (w.isEmpty()) {
      return Optional.empty();
    }
    long drops = 0;
    long packets = 0;
    for (Link link : w.get().to().value().links()) {
      if (link.stats().isEmpty() || isTunnelOrLoopback(link)) {
        continue;
      }
      Optional<LinkStats> before = w.get().from().flatMap(f -> f.value().link(link.name())).flatMap(Link::stats);
      if (w.get().isDelta() && before.isEmpty()) {
        continue;
      }
      LinkStats now = link.stats().get();
      long d = rxDrops(now) - before.map(CounterMeasures::rxDrops).orElse(0L);
      drops += d;
      packets += now.rxPackets() - before.map(LinkStats::rxPackets).orElse(0L) + d;
    }
    return Optional.of(Reading.rate(drops, packets, "packets dropped on receive", w.get().basis(), w.get().to().source().toString()));
  }

  private static long rxDrops(LinkStats s) {
    return s.rxDropped() + s.rxMissed().orElse(0) + s.rxOverrun().orElse(0);
  }

  /** Loopback, WireGuard and other point-to-point tunnels: not a physical receive path. */
  static boolean isTunnelOrLoopback(Link link) {
    String type = link.linkType().orElse("");
    String kind = link.kind().orElse("");
    return type.equals("loopback") || type.equals("none") || kind.equals("wireguard") || kind.equals("tun")
        || link.name().equals("lo") || link.flags().contains("LOOPBACK") || link.flags().contains("POINTOPOINT");
  }

  /** UDP send and receive buffer errors ({@code SndbufErrors + RcvbufErrors}) per datagram sent, received or lost so. */
  static Optional<Reading> udpDropsPerDatagram(HostSnapshot host) {
    Optional<CounterWindow<ProtocolCounters>> w = CounterWindow.of(host, ProtocolCounters.class, c -> c.udpInDatagrams().isPresent());
    if (w.isEmpty()) {
      return Optional.empty();
    }
    CounterWindow<ProtocolCounters> win = w.get();
    long errors = win.delta(c -> c.udpSndbufErrors().orElse(0)) + win.delta(c -> c.udpRcvbufErrors().orElse(0));
    long datagrams = win.delta(c -> c.udpInDatagrams().orElse(0)) + win.delta(c -> c.udpOutDatagrams().orElse(0)) + errors;
    return Optional.of(Reading.rate(errors, datagrams, "datagrams lost to buffer errors", win.basis(), win.to().source().toString()));
  }
}
