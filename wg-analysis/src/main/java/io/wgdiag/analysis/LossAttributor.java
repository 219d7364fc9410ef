package io.wgdiag.analysis;

import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.netfilter.ConntrackStats;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decomposes the loss between the two ends by drop site (docs/analysis.md, "Loss between the
 * ends"). For each direction: the WireGuard bytes the sender sent to the receiver against the bytes
 * the receiver got from the sender, over the same phases on both ends; the gap in packets at the
 * observed mean WireGuard packet size; then, in order, what each drop site counted over the same
 * phases:
 *
 * <ol>
 *   <li>the sender's root qdisc on the underlay egress (drops; fq's flows_plimit and cake's tins
 *       are inside it);
 *   <li>the sender's underlay NIC: tx dropped and tx errors;
 *   <li>the sender's {@code Udp SndbufErrors}, less the qdisc drops already counted (a UDP packet
 *       the qdisc drops comes back to the socket as ENOBUFS and is counted again there);
 *   <li>the receiver's underlay NIC: rx dropped, missed and overrun;
 *   <li>the receiver's {@code Udp InErrors} (which holds {@code RcvbufErrors}), else {@code
 *       RcvbufErrors};
 *   <li>conntrack drops (insert_failed, drop, early_drop) on either end.
 * </ol>
 *
 * Each site counts toward the gap at most what is left of it, so the rows add up to the gap; what no
 * site counted is the residual, blamed on the path only beyond the tolerance.
 */
final class LossAttributor {
  private LossAttributor() {}

  /** The phases the two ends are compared over: BEFORE and the first later phase both ends have. */
  record Window(Phase from, Phase to) {
    String label() {
      return from.folder() + " → " + to.folder();
    }
  }

  static Optional<Window> window(HostSnapshot a, HostSnapshot b) {
    if (a.facts(WgShow.class, Phase.BEFORE).isEmpty() || b.facts(WgShow.class, Phase.BEFORE).isEmpty()) {
      return Optional.empty();
    }
    for (Phase to : new Phase[] {Phase.AFTER, Phase.DURING}) {
      if (!a.facts(WgShow.class, to).isEmpty() && !b.facts(WgShow.class, to).isEmpty()) {
        return Optional.of(new Window(Phase.BEFORE, to));
      }
    }
    return Optional.empty();
  }

  /** Records an attribution for each direction that moved traffic; returns them. */
  static List<LossAttribution> attribute(AnalysisContext ctx) {
    List<LossAttribution> out = new ArrayList<>();
    if (ctx.remote().isEmpty()) {
      return out;
    }
    HostSnapshot local = ctx.local();
    HostSnapshot remote = ctx.remote().get();
    Optional<Window> w = window(local, remote);
    if (w.isEmpty()) {
      ctx.notAssessed("loss between the two ends, by drop site",
          "need wg show dump on both ends before and after the same load",
          "wg show all dump   # on both ends, before and after", "tc -s qdisc; ip -s link; netstat -su   # on both ends, before and after");
      return out;
    }
    for (Direction d : Direction.values()) {
      HostSnapshot s = d.sender() == Host.LOCAL ? local : remote;
      HostSnapshot r = d.sender() == Host.LOCAL ? remote : local;
      attribute(ctx, d, s, r, w.get()).ifPresent(a -> {
        out.add(a);
        ctx.lossAttribution(a);
      });
    }
    return out;
  }

  private static Optional<LossAttribution> attribute(AnalysisContext ctx, Direction d, HostSnapshot s, HostSnapshot r, Window w) {
    Fact<WgShow> s0 = last(s, WgShow.class, w.from());
    Fact<WgShow> s1 = last(s, WgShow.class, w.to());
    Fact<WgShow> r0 = last(r, WgShow.class, w.from());
    Fact<WgShow> r1 = last(r, WgShow.class, w.to());
    // the sender's peer entry for the receiver, and the receiver's for the sender, matched by key
    Set<String> sKeys = ownKeys(s1.value());
    Set<String> rKeys = ownKeys(r1.value());
    long sent = transfer(s0.value(), s1.value(), rKeys, true);
    long received = transfer(r0.value(), r1.value(), sKeys, false);
    if (sent <= 0) {
      return Optional.empty();
    }
    Tunnel st = Tunnel.of(s, ctx.kase());
    Tunnel rt = Tunnel.of(r, ctx.kase());
    AnalysisConfig cfg = ctx.config();

    // the mean size of one WireGuard packet of this direction, from what counted datagrams
    List<double[]> estimates = new ArrayList<>(); // {bytes per packet}
    List<String> how = new ArrayList<>();
    // a datagram the socket could not send (ENOBUFS, a qdisc drop among them) is counted in
    // SndbufErrors and not in OutDatagrams, while WireGuard counted its bytes as sent: both count
    Optional<long[]> sUdp = delta(s, ProtocolCounters.class, w,
        c -> c.udpOutDatagrams().isPresent() ? c.udpOutDatagrams().getAsLong() + c.udpSndbufErrors().orElse(0) : -1);
    if (sUdp.isPresent() && sUdp.get()[0] > 0) {
      estimates.add(new double[] {(double) sent / sUdp.get()[0]});
      how.add("WireGuard bytes sent / (Udp OutDatagrams + SndbufErrors) on " + d.sender().label());
    }
    Optional<long[]> rUdp = delta(r, ProtocolCounters.class, w, c -> c.udpInDatagrams().orElse(-1));
    if (rUdp.isPresent() && rUdp.get()[0] > 0 && received > 0) {
      estimates.add(new double[] {(double) received / rUdp.get()[0]});
      how.add("WireGuard bytes received / Udp InDatagrams on " + d.receiver().label());
    }
    double mean;
    double spread;
    String meanHow;
    if (estimates.isEmpty()) {
      mean = 1280; // no datagram counter on either end: a typical tunnel packet, stated as such
      spread = 1280 - 148; // anything from a bare TCP ACK (148 B on the wire) up
      meanHow = "assumed 1280 B (no Udp datagram counters over the window)";
    } else {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (double[] e : estimates) {
        lo = Math.min(lo, e[0]);
        hi = Math.max(hi, e[0]);
      }
      mean = estimates.get(0)[0];
      spread = hi - lo;
      meanHow = how.get(0) + (estimates.size() > 1 ? String.format(java.util.Locale.ROOT,
          "; %s gives %.0f B", how.get(1), estimates.get(1)[0]) : "");
    }
    long gapBytes = sent - received;
    long gapPackets = Math.max(0, Math.round(gapBytes / mean));
    long sentPackets = Math.round(sent / mean);
    // the gap in packets is uncertain by what the other mean packet size would make of it
    long rounding = spread <= 0 || gapBytes <= 0 ? 0
        : Math.round(Math.abs(gapBytes / Math.max(1, mean - spread / 2) - gapBytes / (mean + spread / 2)) / 2);
    long tolerance = Math.max(1, Math.max(Math.round(cfg.transferMismatchShare() * sentPackets), rounding));

    List<DropSite> sites = new ArrayList<>();
    long[] left = {gapPackets};
    // 1. the sender's root qdiscs on its underlay egress
    long qdiscDrops = 0;
    Optional<Fact<QdiscReport>> q0 = lastOpt(s, QdiscReport.class, w.from());
    Optional<Fact<QdiscReport>> q1 = lastOpt(s, QdiscReport.class, w.to());
    if (q0.isPresent() && q1.isPresent() && st.underlayDevice.isPresent()) {
      String dev = st.underlayDevice.get();
      for (Qdisc after : q1.get().value().roots()) {
        if (!after.device().map(dev::equals).orElse(false) || after.dropped().isEmpty()) {
          continue;
        }
        Optional<Qdisc> before = q0.get().value().roots().stream()
            .filter(x -> x.device().equals(after.device()) && x.kind().equals(after.kind())).findFirst();
        long drops = after.dropped().getAsLong() - before.map(b -> b.dropped().orElse(0)).orElse(0L);
        if (drops > 0) {
          qdiscDrops += drops;
          sites.add(site(left, mean, "qdisc " + after.kind() + " on " + dev + " (dropped)", d.sender(), Codes.QUEUE_QDISC_DROPS,
              drops, drops, q1.get().sourceOf(after.line()).toString()));
        }
      }
    }
    // 2. the sender's underlay NIC, transmit side
    linkDelta(s, st, w, x -> x.txDropped() + x.txErrors()).ifPresent(v -> {
      if (v.rise > 0) {
        sites.add(site(left, mean, v.device + " tx dropped + tx errors", d.sender(), "", v.rise, v.rise, v.source));
      }
    });
    // 3. the sender's UDP send-buffer errors beyond the qdisc drops counted above
    Optional<long[]> snd = delta(s, ProtocolCounters.class, w, c -> c.udpSndbufErrors().orElse(-1));
    if (snd.isPresent() && snd.get()[0] > 0) {
      long excess = Math.max(0, snd.get()[0] - qdiscDrops);
      sites.add(site(left, mean, "Udp SndbufErrors" + (qdiscDrops > 0 ? " beyond the qdisc drops" : ""), d.sender(),
          Codes.UDP_BUFFER_ERRORS, snd.get()[0], excess, source(s, ProtocolCounters.class, w)));
    }
    // 4. the receiver's underlay NIC, receive side
    linkDelta(r, rt, w, x -> x.rxDropped() + x.rxMissed().orElse(0) + x.rxOverrun().orElse(0)).ifPresent(v -> {
      if (v.rise > 0) {
        sites.add(site(left, mean, v.device + " rx dropped + missed + overrun", d.receiver(), Codes.NIC_RX_DROPS, v.rise,
            v.rise, v.source));
      }
    });
    // 5. the receiver's UDP socket: InErrors holds RcvbufErrors (the kernel counts both)
    Optional<long[]> inErr = delta(r, ProtocolCounters.class, w, c -> c.get("Udp", "InErrors").orElse(-1));
    Optional<long[]> rcvbuf = delta(r, ProtocolCounters.class, w, c -> c.udpRcvbufErrors().orElse(-1));
    long receiveErrors = inErr.map(x -> x[0]).orElse(rcvbuf.map(x -> x[0]).orElse(0L));
    if (receiveErrors > 0) {
      String name = inErr.isPresent()
          ? "Udp InErrors (RcvbufErrors " + rcvbuf.map(x -> x[0]).orElse(0L) + ")" : "Udp RcvbufErrors";
      sites.add(site(left, mean, name, d.receiver(), Codes.UDP_BUFFER_ERRORS, receiveErrors, receiveErrors,
          source(r, ProtocolCounters.class, w)));
    }
    // 6. conntrack, on either end
    for (HostSnapshot h : new HostSnapshot[] {s, r}) {
      Optional<long[]> ct = delta(h, ConntrackStats.class, w,
          c -> c.cpus().isEmpty() ? -1 : c.total("insert_failed") + c.total("drop") + c.total("early_drop"));
      if (ct.isPresent() && ct.get()[0] > 0) {
        sites.add(site(left, mean, "conntrack insert_failed + drop + early_drop", h.host(), Codes.CONNTRACK_PRESSURE,
            ct.get()[0], ct.get()[0], source(h, ConntrackStats.class, w)));
      }
    }
    LossAttribution a = LossAttribution.builder()
        .direction(d)
        .window(w.label())
        .sentBytes(sent)
        .receivedBytes(received)
        .meanPacketBytes(Math.round(mean * 10) / 10.0)
        .meanPacketSource(meanHow)
        .gapPackets(gapPackets)
        .sites(sites)
        .tolerancePackets(tolerance)
        .addEvidence(Evidence.of(s0.source().toString(), d.sender().label() + " WireGuard tx to the peer " + sent + " B over "
            + w.label() + " (" + s0.source() + " → " + s1.source() + ")"))
        .addEvidence(Evidence.of(r0.source().toString(), d.receiver().label() + " WireGuard rx from the peer " + received
            + " B over " + w.label() + " (" + r0.source() + " → " + r1.source() + ")"))
        .build();
    return Optional.of(a);
  }

  private static DropSite site(long[] left, double mean, String name, Host host, String code, long rise, long counted,
      String source) {
    long take = Math.max(0, Math.min(counted, left[0]));
    left[0] -= take;
    return DropSite.builder().site(name).host(host).code(code).packets(rise).attributedPackets(take)
        .attributedBytes(Math.round(take * mean)).source(source).build();
  }

  /** The rise of a link counter on a host's underlay device over the window. */
  private record LinkRise(String device, long rise, String source) {}

  private static Optional<LinkRise> linkDelta(HostSnapshot h, Tunnel t, Window w, Function<LinkStats, Long> counter) {
    if (t.underlayDevice.isEmpty()) {
      return Optional.empty();
    }
    String dev = t.underlayDevice.get();
    Optional<Fact<Links>> a = lastOpt(h, Links.class, w.from(), x -> x.link(dev).flatMap(Link::stats).isPresent());
    Optional<Fact<Links>> b = lastOpt(h, Links.class, w.to(), x -> x.link(dev).flatMap(Link::stats).isPresent());
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    Link la = a.get().value().link(dev).orElseThrow();
    Link lb = b.get().value().link(dev).orElseThrow();
    long rise = counter.apply(lb.stats().orElseThrow()) - counter.apply(la.stats().orElseThrow());
    return Optional.of(new LinkRise(dev, rise, b.get().sourceOf(lb.line()).toString()));
  }

  /** {@code [to − from]} of a counter over the window; empty when either snapshot or the counter is missing. */
  private static <T> Optional<long[]> delta(HostSnapshot h, Class<T> type, Window w, Function<T, Long> counter) {
    Optional<Fact<T>> a = lastOpt(h, type, w.from());
    Optional<Fact<T>> b = lastOpt(h, type, w.to());
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    long x = counter.apply(a.get().value());
    long y = counter.apply(b.get().value());
    if (x < 0 || y < 0) {
      return Optional.empty();
    }
    return Optional.of(new long[] {y - x});
  }

  private static <T> String source(HostSnapshot h, Class<T> type, Window w) {
    return lastOpt(h, type, w.to()).map(f -> f.source().toString()).orElse("");
  }

  private static <T> Fact<T> last(HostSnapshot h, Class<T> type, Phase p) {
    List<Fact<T>> f = h.facts(type, p);
    return f.get(f.size() - 1);
  }

  private static <T> Optional<Fact<T>> lastOpt(HostSnapshot h, Class<T> type, Phase p) {
    return lastOpt(h, type, p, x -> true);
  }

  private static <T> Optional<Fact<T>> lastOpt(HostSnapshot h, Class<T> type, Phase p, java.util.function.Predicate<T> usable) {
    Fact<T> out = null;
    for (Fact<T> f : h.facts(type, p)) {
      if (usable.test(f.value())) {
        out = f;
      }
    }
    return Optional.ofNullable(out);
  }

  private static Set<String> ownKeys(WgShow show) {
    Set<String> out = new HashSet<>();
    for (WgInterface i : show.interfaces()) {
      i.publicKey().ifPresent(out::add);
    }
    return out;
  }

  /**
   * The rise of the transfer counter ({@code tx} or rx) of the peers whose key is one of {@code
   * otherEndKeys}; when no key matches (keys redacted), of every peer.
   */
  private static long transfer(WgShow before, WgShow after, Set<String> otherEndKeys, boolean tx) {
    List<WgPeer> peers = after.allPeers().stream().filter(p -> otherEndKeys.contains(p.publicKey())).toList();
    if (peers.isEmpty()) {
      peers = after.allPeers();
    }
    long total = 0;
    for (WgPeer p : peers) {
      long now = tx ? p.txBytes() : p.rxBytes();
      long then = before.allPeers().stream().filter(x -> x.publicKey().equals(p.publicKey())).findFirst()
          .map(x -> tx ? x.txBytes() : x.rxBytes()).orElse(0L);
      total += now - then;
    }
    return total;
  }
}
