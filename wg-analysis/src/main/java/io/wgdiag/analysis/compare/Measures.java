package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.MpstatSample;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.ping.PingError;
import io.wgdiag.model.ping.PingReply;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Reads each of the field guide's measures from one host's snapshot, one small method per measure,
 * for the comparison and for any other view that wants the same figures. Every method returns
 * empty when the evidence it needs was not captured.
 *
 * <p>Counters are read over a window: the last {@code before} snapshot against the last {@code
 * during} (else {@code after}) one, the rise under load; with no such pair, the last snapshot's
 * totals since boot, and the reading's basis says so.
 */
public final class Measures {
  private Measures() {}

  /** TCP's maximum segment on a 1500-byte path, in bytes: segments are estimated as bytes / 1448 where no counter says. */
  static final int TYPICAL_MSS_BYTES = 1448;

  // ---- iperf3 -------------------------------------------------------------------------------------

  /** The last single-flow iperf3 TCP run: its receiver's bitrate (else the sender's), in bits per second. */
  public static Optional<Reading> singleFlowThroughput(HostSnapshot host) {
    return throughput(host, false);
  }

  /** The last parallel ({@code -P N}, N > 1) iperf3 TCP run: its receiver's SUM bitrate, in bits per second. */
  public static Optional<Reading> parallelThroughput(HostSnapshot host) {
    return throughput(host, true);
  }

  private static Optional<Reading> throughput(HostSnapshot host, boolean parallel) {
    Fact<IperfResult> run = null;
    for (Fact<IperfResult> f : host.facts(IperfResult.class)) {
      if (f.value().protocol().equals("TCP") && (streams(f) > 1) == parallel) {
        run = f;
      }
    }
    if (run == null) {
      return Optional.empty();
    }
    IperfResult r = run.value();
    String basis = iperfBasis(run.capture());
    Optional<IperfInterval> summary = r.summary("receiver").or(() -> r.summary("sender"));
    if (summary.isEmpty()) {
      // the run started and moved nothing it could report (refused, interrupted): 0 bit/s, as observed
      String why = r.error().map(e -> "iperf3 failed: " + e).orElse("iperf3 printed no summary");
      return Optional.of(Reading.of(0, "0 bit/s (" + why + ")", basis, run.source().toString()));
    }
    IperfInterval s = summary.get();
    List<Double> rates = new ArrayList<>();
    boolean sum = r.intervals().stream().anyMatch(i -> i.stream().equals("SUM"));
    for (IperfInterval i : r.intervals()) {
      if (i.stream().equals("SUM") == sum) {
        rates.add(i.bitsPerSecond());
      }
    }
    OptionalDouble spread = rates.size() >= 2 ? OptionalDouble.of(standardDeviation(rates)) : OptionalDouble.empty();
    String text = Format.bitrate(s.bitsPerSecond()) + " (" + s.role().orElse("summary")
        + (spread.isPresent() ? ", intervals ±" + Format.bitrate(spread.getAsDouble()) : "") + ")";
    return Optional.of(new Reading(s.bitsPerSecond(), text, spread, 0, 0, OptionalDouble.empty(), basis,
        run.sourceOf(s.line()).toString()));
  }

  /** The streams of a run: those it connected, else the {@code -P} of its command. */
  private static int streams(Fact<IperfResult> f) {
    int connected = f.value().parallelStreams();
    String p = option(f.capture().command(), "-P", "--parallel");
    try {
      return Math.max(connected, p.isEmpty() ? 1 : Integer.parseInt(p));
    } catch (NumberFormatException e) {
      return connected;
    }
  }

  /**
   * The options of an iperf3 command that shape the load ({@code -P}, {@code -b}, {@code -R},
   * {@code -u}, {@code -l}, {@code -w}, {@code -M}, {@code -C}, {@code --bidir}), in a fixed order:
   * two runs are comparable when these agree. The server, port, duration and output options do not
   * count.
   */
  static String iperfBasis(Capture c) {
    String cmd = c.command();
    StringBuilder b = new StringBuilder("iperf3");
    String[][] valued = {{"-P", "--parallel"}, {"-b", "--bitrate", "--bandwidth"}, {"-l", "--length"},
        {"-w", "--window"}, {"-M", "--set-mss"}, {"-C", "--congestion"}};
    for (String[] names : valued) {
      String v = option(cmd, names);
      if (!v.isEmpty() && !(names[0].equals("-P") && v.equals("1"))) {
        b.append(' ').append(names[0]).append(' ').append(v);
      }
    }
    List<String> words = List.of(cmd.split("\\s+"));
    for (String[] flag : new String[][] {{"-R", "--reverse"}, {"-u", "--udp"}, {"--bidir"}}) {
      for (String name : flag) {
        if (words.contains(name)) {
          b.append(' ').append(flag[0]);
          break;
        }
      }
    }
    return b.toString();
  }

  /** The value after the first of {@code names} in {@code command} ({@code -P 4}, {@code -P4}, {@code --parallel=4}), or "". */
  private static String option(String command, String... names) {
    String[] w = command.split("\\s+");
    for (int i = 0; i < w.length; i++) {
      for (String n : names) {
        if (w[i].equals(n) && i + 1 < w.length) {
          return w[i + 1];
        }
        if (n.startsWith("--") && w[i].startsWith(n + "=")) {
          return w[i].substring(n.length() + 1);
        }
        if (!n.startsWith("--") && w[i].startsWith(n) && w[i].length() > n.length()) {
          return w[i].substring(n.length());
        }
      }
    }
    return "";
  }

  // ---- TCP retransmits ----------------------------------------------------------------------------

  /**
   * TCP segments retransmitted per segment sent: the kernel's {@code RetransSegs} over {@code
   * OutSegs} as they rose from {@code before} to {@code during}/{@code after} (netstat -s, nstat or
   * /proc/net/snmp); without that pair, iperf3's sender retransmits over its bytes / 1448.
   */
  public static Optional<Reading> retransmitsPerSegment(HostSnapshot host) {
    Optional<Window<ProtocolCounters>> w = window(host, ProtocolCounters.class, c -> c.tcpOutSegs().isPresent());
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

  // ---- RTT ----------------------------------------------------------------------------------------

  /**
   * The median RTT of the idle pings through the tunnel, in milliseconds: pings outside the {@code
   * during} phase, not marked {@code loaded}, not to the underlay; DF probes count only when no
   * plain ping was captured.
   */
  public static Optional<Reading> rttIdle(HostSnapshot host) {
    Set<String> underlay = endpointHosts(host);
    List<Fact<PingResult>> plain = new ArrayList<>();
    List<Fact<PingResult>> df = new ArrayList<>();
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      if (!loaded(f) && !isUnderlay(f, underlay)) {
        (isDfProbe(f.capture()) ? df : plain).add(f);
      }
    }
    return rtt(plain.isEmpty() ? df : plain, plain.isEmpty() ? " (DF probes)" : "");
  }

  /** The median RTT of the pings through the tunnel while the load ran ({@code during}, or marked {@code loaded}), in milliseconds. */
  public static Optional<Reading> rttLoaded(HostSnapshot host) {
    Set<String> underlay = endpointHosts(host);
    List<Fact<PingResult>> pings = new ArrayList<>();
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      if (loaded(f) && !isUnderlay(f, underlay) && !isDfProbe(f.capture())) {
        pings.add(f);
      }
    }
    return rtt(pings, "");
  }

  private static Optional<Reading> rtt(List<Fact<PingResult>> pings, String which) {
    List<Double> times = new ArrayList<>();
    String source = "";
    long sent = 0;
    for (Fact<PingResult> f : pings) {
      sent += f.value().transmitted().orElse(0);
      source = source.isEmpty() ? f.source().toString() : source;
      for (PingReply r : f.value().replies()) {
        if (!r.duplicate() && r.timeMillis().isPresent()) {
          times.add(r.timeMillis().getAsDouble());
        }
      }
    }
    if (times.isEmpty()) {
      // pings went out and none came back: the round trip never completed
      return sent == 0 ? Optional.empty() : Optional.of(new Reading(Double.POSITIVE_INFINITY, "no reply to " + sent + " pings" + which,
          OptionalDouble.empty(), 0, 0, OptionalDouble.empty(), "ping", source));
    }
    times.sort(Double::compare);
    int n = times.size();
    double median = n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2;
    String text = Format.ms(median) + " median of " + n + " replies (" + Format.ms(times.get(0)) + "–" + Format.ms(times.get(n - 1)) + ")" + which;
    return Optional.of(new Reading(median, text, OptionalDouble.empty(), 0, n, OptionalDouble.empty(), "ping", source));
  }

  private static boolean loaded(Fact<PingResult> f) {
    return f.phase() == Phase.DURING || f.capture().qualifier().map(q -> q.contains("loaded")).orElse(false);
  }

  // ---- DF ladder ----------------------------------------------------------------------------------

  /**
   * The largest DF ping through the tunnel that was answered, in bytes on the wire (0 when none
   * was), with the smallest larger probe the path lost or refused. Probes the sending host refused
   * itself ({@code local error: message too long}) measure its interface, not the path, and are
   * left out; so are probes to the underlay.
   */
  public static Optional<Reading> dfLargestPassing(HostSnapshot host) {
    Set<String> underlay = endpointHosts(host);
    TreeMap<Integer, Boolean> ladder = new TreeMap<>();
    String source = "";
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      PingResult r = f.value();
      if (!isDfProbe(f.capture()) || isUnderlay(f, underlay) || r.packetBytes().isEmpty()
          || r.firstError(PingError.Kind.LOCAL_MESSAGE_TOO_LONG).isPresent()) {
        continue;
      }
      boolean passed = r.uniqueReplies() > 0;
      boolean failed = !passed && r.transmitted().orElse(0) > 0;
      if (passed || failed) {
        ladder.merge(r.packetBytes().getAsInt(), passed, Boolean::logicalOr);
        if (passed) {
          source = f.source().toString();
        }
      }
    }
    if (ladder.isEmpty()) {
      return Optional.empty();
    }
    int largest = 0;
    for (var e : ladder.entrySet()) {
      if (e.getValue()) {
        largest = e.getKey();
      }
    }
    OptionalDouble failedAbove = OptionalDouble.empty();
    for (var e : ladder.tailMap(largest, false).entrySet()) {
      if (!e.getValue()) {
        failedAbove = OptionalDouble.of(e.getKey());
        break;
      }
    }
    String text = (largest == 0 ? "none passed" : largest + " bytes")
        + (failedAbove.isPresent() ? ", " + (int) failedAbove.getAsDouble() + " lost" : "") + " (" + ladder.size() + " sizes probed)";
    return Optional.of(new Reading(largest, text, OptionalDouble.empty(), 0, ladder.size(), failedAbove, "DF ping ladder",
        source.isEmpty() ? "DF ping ladder" : source));
  }

  /** Whether a ping was a DF probe: {@code -M do} on its command line, or a {@code df} qualifier. */
  static boolean isDfProbe(Capture c) {
    return c.command().matches(".*-M\\s*do\\b.*") || c.qualifier().map(q -> q.startsWith("df")).orElse(false);
  }

  private static boolean isUnderlay(Fact<PingResult> f, Set<String> endpointHosts) {
    return f.capture().qualifier().map(q -> q.contains("underlay")).orElse(false)
        || f.value().destination().map(endpointHosts::contains).orElse(false);
  }

  private static Set<String> endpointHosts(HostSnapshot host) {
    Set<String> out = new HashSet<>();
    host.latest(WgShow.class).ifPresent(w -> w.value().allPeers().forEach(p -> p.endpoint().ifPresent(e -> out.add(e.host()))));
    return out;
  }

  // ---- drops --------------------------------------------------------------------------------------

  /** Packets the root qdiscs dropped per packet they handled (sent + dropped), {@code noqueue} left out. */
  public static Optional<Reading> qdiscDropsPerPacket(HostSnapshot host) {
    Optional<Window<QdiscReport>> w = window(host, QdiscReport.class, r -> r.qdiscs().stream().anyMatch(q -> q.sentPackets().isPresent()));
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
  public static Optional<Reading> nicDropsPerPacket(HostSnapshot host) {
    Optional<Window<Links>> w = window(host, Links.class, l -> l.links().stream().anyMatch(x -> x.stats().isPresent()));
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
      long d = rxDrops(now) - before.map(Measures::rxDrops).orElse(0L);
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
  public static Optional<Reading> udpDropsPerDatagram(HostSnapshot host) {
    Optional<Window<ProtocolCounters>> w = window(host, ProtocolCounters.class, c -> c.udpInDatagrams().isPresent());
    if (w.isEmpty()) {
      return Optional.empty();
    }
    Window<ProtocolCounters> win = w.get();
    long errors = win.delta(c -> c.udpSndbufErrors().orElse(0)) + win.delta(c -> c.udpRcvbufErrors().orElse(0));
    long datagrams = win.delta(c -> c.udpInDatagrams().orElse(0)) + win.delta(c -> c.udpOutDatagrams().orElse(0)) + errors;
    return Optional.of(Reading.rate(errors, datagrams, "datagrams lost to buffer errors", win.basis(), win.to().source().toString()));
  }

  // ---- handshake ----------------------------------------------------------------------------------

  /**
   * Seconds since the tunnel peer's latest handshake, in the last {@code wg show} captured;
   * infinite when it never completed one. The peer is the one whose AllowedIPs hold the peer
   * address of {@code bundle.properties} (local host), else the interface's only peer; with several
   * peers and no address, the freshest. The dump form's epoch is aged against the capture time.
   */
  public static Optional<Reading> handshakeAge(HostSnapshot host, Case kase) {
    Optional<Fact<WgShow>> show = host.latest(WgShow.class);
    if (show.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> iface = host.host() == Host.LOCAL ? kase.tunnelInterface() : Optional.empty();
    Optional<String> peerAddress = host.host() == Host.LOCAL ? kase.peerTunnelAddress() : Optional.empty();
    Optional<Instant> now = kase.captureTime().flatMap(Measures::instant);
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

  // ---- CPU ----------------------------------------------------------------------------------------

  /** The busiest core's busy time (100 − %idle) in mpstat's average under load, in percent. */
  public static Optional<Reading> cpuBusyMaxCore(HostSnapshot host) {
    return cpu(host, true, CpuLoad::busyPercent, "busy");
  }

  /** The mean busy time of the cores in mpstat's average under load, in percent. */
  public static Optional<Reading> cpuBusyMean(HostSnapshot host) {
    return cpu(host, false, CpuLoad::busyPercent, "busy");
  }

  /** The largest per-core {@code %soft} in mpstat's average under load, in percent. */
  public static Optional<Reading> softirqMaxCore(HostSnapshot host) {
    return cpu(host, true, c -> c.softPercent().orElse(0), "softirq");
  }

  /** The mean per-core {@code %soft} in mpstat's average under load, in percent. */
  public static Optional<Reading> softirqMean(HostSnapshot host) {
    return cpu(host, false, c -> c.softPercent().orElse(0), "softirq");
  }

  private static Optional<Reading> cpu(HostSnapshot host, boolean max, java.util.function.ToDoubleFunction<CpuLoad> figure, String what) {
    Optional<Fact<MpstatReport>> mp = host.latest(MpstatReport.class, Phase.DURING, Phase.UNNAMED, Phase.AFTER, Phase.BEFORE, Phase.PROBE);
    Optional<MpstatSample> s = mp.flatMap(f -> f.value().summary());
    if (s.isEmpty() || s.get().perCpu().isEmpty()) {
      return Optional.empty();
    }
    List<CpuLoad> cpus = s.get().perCpu();
    String basis = "mpstat" + (mp.get().phase() == Phase.DURING ? " under load" : " (" + phaseName(mp.get().phase()) + ")");
    if (max) {
      CpuLoad top = cpus.get(0);
      for (CpuLoad c : cpus) {
        if (figure.applyAsDouble(c) > figure.applyAsDouble(top)) {
          top = c;
        }
      }
      double v = figure.applyAsDouble(top);
      return Optional.of(Reading.of(v, Format.pct(v) + " " + what + " on CPU" + top.cpu(), basis, mp.get().sourceOf(top.line()).toString()));
    }
    double v = cpus.stream().mapToDouble(figure).average().orElse(0);
    return Optional.of(Reading.of(v, Format.pct(v) + " " + what + " over " + cpus.size() + " cores", basis, mp.get().source().toString()));
  }

  private static String phaseName(Phase p) {
    return p == Phase.UNNAMED ? "no phase" : p.folder();
  }

  // ---- counter windows ----------------------------------------------------------------------------

  /** Two snapshots of a counter model, or only the last one (totals since boot). */
  record Window<T>(Optional<Fact<T>> from, Fact<T> to) {
    boolean isDelta() {
      return from.isPresent();
    }

    long delta(ToLongFunction<T> counter) {
      long after = counter.applyAsLong(to.value());
      return from.map(f -> after - counter.applyAsLong(f.value())).orElse(after);
    }

    String describe() {
      return from.map(f -> phaseName(f.phase()) + "→" + phaseName(to.phase())).orElse("since boot");
    }

    /** The basis of a rate over this window: {@code counters before→during} or {@code since boot}. */
    String basis() {
      return isDelta() ? "counters across the load" : "counters since boot (one snapshot)";
    }
  }

  /** The last {@code before} snapshot against the last {@code during} (else {@code after}); else the last one alone. */
  static <T> Optional<Window<T>> window(HostSnapshot host, Class<T> type, Predicate<T> usable) {
    List<Fact<T>> all = host.facts(type).stream().filter(f -> usable.test(f.value())).toList();
    Optional<Fact<T>> before = last(all, Phase.BEFORE);
    Optional<Fact<T>> later = last(all, Phase.DURING).or(() -> last(all, Phase.AFTER));
    if (before.isPresent() && later.isPresent()) {
      return Optional.of(new Window<>(before, later.get()));
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(new Window<>(Optional.empty(), all.get(all.size() - 1)));
  }

  private static <T> Optional<Fact<T>> last(List<Fact<T>> facts, Phase phase) {
    Fact<T> out = null;
    for (Fact<T> f : facts) {
      if (f.phase() == phase) {
        out = f;
      }
    }
    return Optional.ofNullable(out);
  }

  private static double standardDeviation(List<Double> xs) {
    double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (xs.size() - 1));
  }
}
