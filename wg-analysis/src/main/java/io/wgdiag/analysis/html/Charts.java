package io.wgdiag.analysis.html;

import io.wgdiag.analysis.AnalysisConfig;
import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.DropSite;
import io.wgdiag.analysis.LossAttribution;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.html.BarChart.Bar;
import io.wgdiag.analysis.html.BarChart.Legend;
import io.wgdiag.analysis.html.BarChart.Marker;
import io.wgdiag.analysis.html.BarChart.Row;
import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.MpstatSample;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.ping.PingError;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The charts the evidence of a case supports, each drawn only when its evidence exists: the
 * DF-ping ladder, RTT idle against under load, per-core CPU during load, two-ended transfer, qdisc
 * drops and overlimits per phase, iperf3 intervals.
 */
final class Charts {
  /** At most this many CPUs in the per-core chart (the busiest); the table holds them all. */
  static final int MAX_CPUS = 32;

  private final Case kase;
  private final AnalysisConfig config;
  private final Report report;

  Charts(Case kase, AnalysisConfig config, Report report) {
    this.kase = kase;
    this.config = config;
    this.report = report;
  }

  /** Every chart, host by host, in the field guide's order. */
  List<Figure> all() {
    List<Figure> out = new ArrayList<>();
    for (Host h : Host.values()) {
      kase.host(h).ifPresent(s -> dfLadder(s).ifPresent(out::add));
    }
    for (Host h : Host.values()) {
      kase.host(h).ifPresent(s -> rtt(s).ifPresent(out::add));
    }
    for (Host h : Host.values()) {
      kase.host(h).ifPresent(s -> out.addAll(cpu(s)));
    }
    (report.lossAttributions().isEmpty() ? transfer() : attribution()).ifPresent(out::add);
    for (Host h : Host.values()) {
      kase.host(h).ifPresent(s -> qdisc(s).ifPresent(out::add));
    }
    for (Host h : Host.values()) {
      kase.host(h).ifPresent(s -> iperf(s).ifPresent(out::add));
    }
    return out;
  }

  // ---------------------------------------------------------------- the tunnel of a host

  /** The tunnel interface of {@code host}: as given for the local end, else from wg show, else a point-to-point link. */
  Optional<String> tunnelInterface(HostSnapshot host) {
    if (host.host() == Host.LOCAL && kase.tunnelInterface().isPresent()) {
      return kase.tunnelInterface();
    }
    for (Fact<WgShow> f : host.facts(WgShow.class)) {
      for (WgInterface i : f.value().interfaces()) {
        if (!i.name().isEmpty()) {
          return Optional.of(i.name());
        }
      }
    }
    for (Fact<Links> f : host.facts(Links.class)) {
      for (Link l : f.value().links()) {
        if ("none".equals(l.linkType().orElse("")) && l.flags().contains("POINTOPOINT")) {
          return Optional.of(l.name());
        }
      }
    }
    return Optional.empty();
  }

  OptionalInt tunnelMtu(HostSnapshot host) {
    Optional<String> name = tunnelInterface(host);
    if (name.isEmpty()) {
      return OptionalInt.empty();
    }
    for (Fact<Links> f : host.facts(Links.class)) {
      Optional<Link> l = f.value().link(name.get());
      if (l.isPresent()) {
        return OptionalInt.of(l.get().mtuBytes());
      }
    }
    return OptionalInt.empty();
  }

  private static Set<String> endpointHosts(HostSnapshot host) {
    Set<String> out = new LinkedHashSet<>();
    for (Fact<WgShow> f : host.facts(WgShow.class)) {
      for (WgPeer p : f.value().allPeers()) {
        p.endpoint().ifPresent(e -> out.add(e.host()));
      }
    }
    return out;
  }

  static boolean isDfProbe(Capture c) {
    String cmd = c.command();
    return cmd.contains("-M do") || cmd.contains("-Mdo") || c.qualifier().map(q -> q.startsWith("df")).orElse(false);
  }

  /** The capture as a reader finds it: its file's name ({@code ping@loaded-p4}), with the line in a transcript. */
  private static String name(Capture c) {
    String file = c.source().file();
    int slash = file.lastIndexOf('/');
    String base = slash >= 0 ? file.substring(slash + 1) : file;
    if (base.endsWith(".txt")) {
      base = base.substring(0, base.length() - 4);
    }
    return c.command().isEmpty() || base.contains("@") || c.source().line() <= 1 ? base : base + " line " + c.source().line();
  }

  private static String hostTitle(HostSnapshot host) {
    return host.host().label();
  }

  // ---------------------------------------------------------------- DF-ping ladder

  enum Outcome {
    PASSED("answered", Ink.PASS),
    SILENT("lost silently", Ink.SILENT),
    PATH_REPORTED("the path reported a smaller MTU", Ink.REPORTED),
    REFUSED("refused locally", Ink.REFUSED),
    UNKNOWN("no verdict", Ink.UNKNOWN);

    final String label;
    final Ink ink;

    Outcome(String label, Ink ink) {
      this.label = label;
      this.ink = ink;
    }

    static Outcome of(PingResult r) {
      if (r.uniqueReplies() > 0) {
        return PASSED;
      }
      if (r.firstError(PingError.Kind.FRAG_NEEDED).isPresent() || r.firstError(PingError.Kind.PACKET_TOO_BIG).isPresent()) {
        return PATH_REPORTED;
      }
      if (r.firstError(PingError.Kind.LOCAL_MESSAGE_TOO_LONG).isPresent()) {
        return REFUSED;
      }
      if (r.transmitted().orElse(0) > 0 && r.received().orElse(0) == 0 && r.errors().isEmpty()) {
        return SILENT;
      }
      return UNKNOWN;
    }
  }

  Optional<Figure> dfLadder(HostSnapshot host) {
    Set<String> endpoints = endpointHosts(host);
    List<Fact<PingResult>> probes = new ArrayList<>();
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      boolean underlay = f.capture().qualifier().map(q -> q.contains("underlay")).orElse(false)
          || f.value().destination().map(endpoints::contains).orElse(false);
      if (isDfProbe(f.capture()) && f.value().packetBytes().isPresent() && !underlay) {
        probes.add(f);
      }
    }
    if (probes.isEmpty()) {
      return Optional.empty();
    }
    probes.sort(Comparator.comparingInt(f -> f.value().packetBytes().getAsInt()));
    OptionalInt mtu = tunnelMtu(host);
    String iface = tunnelInterface(host).orElse("tunnel");
    int smallest = probes.get(0).value().packetBytes().getAsInt();
    int largest = probes.get(probes.size() - 1).value().packetBytes().getAsInt();
    int top = Math.max(largest, mtu.orElse(0));
    double min = Math.max(0, Math.floor((smallest - 60) / 100.0) * 100);
    double max = Math.ceil((top + 30) / 100.0) * 100;
    List<Row> rows = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("packet (bytes)", "payload (bytes)", "answered", "outcome", "source"));
    int largestPass = -1;
    Set<Outcome> seen = new LinkedHashSet<>();
    for (Fact<PingResult> f : probes) {
      PingResult r = f.value();
      int size = r.packetBytes().getAsInt();
      Outcome o = Outcome.of(r);
      seen.add(o);
      if (o == Outcome.PASSED) {
        largestPass = Math.max(largestPass, size);
      }
      String answered = r.uniqueReplies() + "/" + r.transmitted().orElse(0);
      String text = switch (o) {
        case PASSED -> answered + " answered";
        case REFUSED -> "refused locally" + r.firstError(PingError.Kind.LOCAL_MESSAGE_TOO_LONG)
            .flatMap(e -> e.mtuBytes().isPresent() ? Optional.of(" (mtu " + e.mtuBytes().getAsInt() + ")") : Optional.empty())
            .orElse("");
        case PATH_REPORTED -> "path says mtu " + r.errors().stream().filter(e -> e.mtuBytes().isPresent()).findFirst()
            .map(e -> String.valueOf(e.mtuBytes().getAsInt())).orElse("?");
        case SILENT -> answered + " answered, lost silently";
        case UNKNOWN -> answered + " answered";
      };
      rows.add(new Row(size + " B", List.of(new Bar(size, o.ink, text))));
      table.add(List.of(String.valueOf(size), r.payloadBytes().isPresent() ? String.valueOf(r.payloadBytes().getAsInt()) : "",
          answered, o.label, f.source().toString()));
    }
    List<Marker> markers = new ArrayList<>();
    if (mtu.isPresent()) {
      markers.add(new Marker(mtu.getAsInt(), iface + " MTU " + mtu.getAsInt(), false));
    }
    if (largestPass > 0) {
      markers.add(new Marker(largestPass, "largest passing " + largestPass, true));
    }
    List<Legend> legend = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (seen.contains(o)) {
        legend.add(new Legend(o.ink, o.label));
      }
    }
    String summary = "DF pings through the tunnel from " + smallest + " to " + largest + " bytes"
        + (largestPass > 0 ? "; the largest that passed is " + largestPass + " bytes" : "; none passed")
        + (mtu.isPresent() ? "; " + iface + "'s MTU is " + mtu.getAsInt() + " bytes" : "")
        + (seen.contains(Outcome.SILENT) ? "; some sizes were lost without any error (silently)" : "") + ".";
    String id = "chart-df-ladder-" + host.host().label();
    return Optional.of(new Figure(id, "DF-ping ladder, " + hostTitle(host) + " end",
        "Each bar is one DF ping size (IP packet bytes), drawn by what became of it. A size that fits the tunnel MTU "
            + "(solid line) yet is lost silently above the largest passing size (dashed line) is a path MTU blackhole. "
            + summary,
        new BarChart(summary, "IP packet size (bytes)", min, max, rows, markers, legend), table));
  }

  // ---------------------------------------------------------------- RTT idle against under load

  private static boolean underLoad(Fact<PingResult> f) {
    return f.phase() == Phase.DURING || f.capture().qualifier().map(q -> q.contains("loaded")).orElse(false);
  }

  Optional<Figure> rtt(HostSnapshot host) {
    List<Fact<PingResult>> pings = host.facts(PingResult.class).stream()
        .filter(f -> f.value().rttAvgMillis().isPresent()).toList();
    Map<String, List<Fact<PingResult>>> loadedByTarget = new LinkedHashMap<>();
    for (Fact<PingResult> f : pings) {
      if (!isDfProbe(f.capture()) && underLoad(f)) {
        loadedByTarget.computeIfAbsent(f.value().destination().orElse("?"), k -> new ArrayList<>()).add(f);
      }
    }
    List<Row> rows = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("target", "when", "avg (ms)", "min (ms)", "max (ms)", "replies", "source"));
    double top = 0;
    double worstRatio = 0;
    for (Map.Entry<String, List<Fact<PingResult>>> e : loadedByTarget.entrySet()) {
      String target = e.getKey();
      // the idle baseline: a plain ping to the same target outside the load, else a DF probe that passed
      Optional<Fact<PingResult>> idle = pings.stream()
          .filter(f -> !underLoad(f) && f.value().destination().orElse("?").equals(target))
          .min(Comparator.comparing(f -> isDfProbe(f.capture())));
      if (idle.isEmpty()) {
        continue;
      }
      List<Fact<PingResult>> all = new ArrayList<>();
      all.add(idle.get());
      all.addAll(e.getValue());
      for (Fact<PingResult> f : all) {
        PingResult r = f.value();
        double avg = r.rttAvgMillis().getAsDouble();
        double lo = r.rttMinMillis().orElse(avg);
        double hi = r.rttMaxMillis().orElse(avg);
        top = Math.max(top, hi);
        boolean isIdle = f == idle.get();
        if (!isIdle) {
          worstRatio = Math.max(worstRatio, avg / Math.max(1e-6, idle.get().value().rttAvgMillis().getAsDouble()));
        }
        String when = isIdle ? "idle" : "under load";
        String label = (loadedByTarget.size() > 1 ? target + " " : "") + when + " (" + name(f.capture()) + ")";
        rows.add(new Row(label, List.of(new Bar(avg, isIdle ? Ink.BLUE : Ink.ORANGE,
            "avg " + ms(avg) + ", max " + ms(hi))), lo, hi));
        table.add(List.of(target, when, num(avg), num(lo), num(hi), r.uniqueReplies() + "/" + r.transmitted().orElse(0),
            f.source().toString()));
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String summary = String.format(Locale.ROOT, "Average round-trip time under load is up to %.1f times the idle average", worstRatio)
        + " (bufferbloat when it rises " + trim(config.bufferbloatRatio()) + " times and by "
        + trim(config.bufferbloatExtraMillis()) + " ms or more).";
    String id = "chart-rtt-" + host.host().label();
    return Optional.of(new Figure(id, "RTT idle against under load, " + hostTitle(host) + " end",
        "Bars are the average round-trip time; the whisker spans the minimum to the maximum. " + summary,
        new BarChart(summary, "round-trip time (ms)", 0, BarChart.niceMax(top), rows, List.of(),
            List.of(new Legend(Ink.BLUE, "idle"), new Legend(Ink.ORANGE, "under load"))), table));
  }

  // ---------------------------------------------------------------- per-core CPU during load

  List<Figure> cpu(HostSnapshot host) {
    List<Figure> out = new ArrayList<>();
    List<Fact<MpstatReport>> during = host.facts(MpstatReport.class, Phase.DURING);
    int n = 0;
    for (Fact<MpstatReport> f : during) {
      Optional<MpstatSample> s = f.value().summary();
      if (s.isEmpty() || s.get().perCpu().isEmpty()) {
        continue;
      }
      n++;
      List<CpuLoad> cpus = new ArrayList<>(s.get().perCpu());
      List<List<String>> table = new ArrayList<>();
      table.add(List.of("CPU", "busy (%)", "softirq (%)", "sys (%)", "usr (%)", "idle (%)"));
      for (CpuLoad c : cpus) {
        table.add(List.of(c.cpu(), num(c.busyPercent()), num(c.softPercent().orElse(0)), num(c.sysPercent().orElse(0)),
            num(c.usrPercent().orElse(0)), num(c.idlePercent().orElse(0))));
      }
      List<CpuLoad> shown = cpus;
      if (cpus.size() > MAX_CPUS) {
        shown = cpus.stream().sorted(Comparator.comparingDouble(CpuLoad::busyPercent).reversed()).limit(MAX_CPUS)
            .sorted(Comparator.comparing(c -> cpus.indexOf(c))).toList();
      }
      List<Row> rows = new ArrayList<>();
      for (CpuLoad c : shown) {
        rows.add(new Row("CPU " + c.cpu(), List.of(
            new Bar(c.busyPercent(), Ink.BLUE, "busy " + pct(c.busyPercent())),
            new Bar(c.softPercent().orElse(0), Ink.ORANGE, "softirq " + pct(c.softPercent().orElse(0))))));
      }
      CpuLoad busiest = cpus.stream().max(Comparator.comparingDouble(CpuLoad::busyPercent)).orElseThrow();
      String summary = "During the load the busiest core, CPU " + busiest.cpu() + ", was " + pct(busiest.busyPercent())
          + " busy, " + pct(busiest.softPercent().orElse(0)) + " of it in softirq"
          + (cpus.size() > MAX_CPUS ? "; the " + MAX_CPUS + " busiest of " + cpus.size() + " CPUs are drawn" : "") + ".";
      String id = "chart-cpu-" + host.host().label() + "-" + n;
      out.add(new Figure(id, "CPU per core during load, " + hostTitle(host) + " end (" + name(f.capture()) + ")",
          "Busy time (100% minus idle) and the softirq part of it per core, from " + f.source()
              + ". One core near the saturation line while others idle means the tunnel is pinned to it. " + summary,
          new BarChart(summary, "percent of the core's time", 0, 100, rows,
              List.of(new Marker(config.cpuSaturatedPercent(), "saturated " + trim(config.cpuSaturatedPercent()) + "%", true)),
              List.of(new Legend(Ink.BLUE, "busy"), new Legend(Ink.ORANGE, "softirq"))), table));
    }
    return out;
  }

  // ---------------------------------------------------------------- two-ended transfer

  /** The wg snapshots to compare (before, later) or one (a total): the dump's exact counters over the human form's rounded ones. */
  private static Optional<CounterWindow<WgShow>> window(HostSnapshot host) {
    return CounterWindow.of(host, WgShow.class, s -> !s.allPeers().isEmpty() && s.allPeers().stream().allMatch(WgPeer::transferExact))
        .or(() -> CounterWindow.of(host, WgShow.class, s -> !s.allPeers().isEmpty()));
  }

  private static String describe(CounterWindow<WgShow> w) {
    return w.from().map(f -> "rise from " + phase(f) + " to " + phase(w.to())).orElse("total at " + phase(w.to()));
  }

  private static String phase(Fact<?> f) {
    return f.phase() == Phase.UNNAMED ? "capture" : f.phase().folder();
  }

  /** The interface public keys of a snapshot. */
  private static Set<String> ownKeys(WgShow s) {
    Set<String> out = new LinkedHashSet<>();
    s.interfaces().forEach(i -> i.publicKey().ifPresent(out::add));
    return out;
  }

  /** Bytes {@code tx} (else rx) to the peers whose key is in {@code keys} (all peers when none match), over the window. */
  private static long bytes(CounterWindow<WgShow> w, Set<String> keys, boolean tx) {
    List<WgPeer> peers = w.to().value().allPeers();
    List<WgPeer> chosen = peers.stream().filter(p -> keys.contains(p.publicKey())).toList();
    if (chosen.isEmpty()) {
      chosen = peers;
    }
    long total = 0;
    for (WgPeer p : chosen) {
      long now = tx ? p.txBytes() : p.rxBytes();
      long before = w.from().flatMap(f -> f.value().allPeers().stream().filter(x -> x.publicKey().equals(p.publicKey())).findFirst())
          .map(x -> tx ? x.txBytes() : x.rxBytes()).orElse(0L);
      total += now - before;
    }
    return total;
  }

  Optional<Figure> transfer() {
    Optional<HostSnapshot> remote = kase.remote();
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    Optional<CounterWindow<WgShow>> lw = window(kase.local());
    Optional<CounterWindow<WgShow>> rw = window(remote.get());
    if (lw.isEmpty() || rw.isEmpty()) {
      return Optional.empty();
    }
    if (lw.get().from().isPresent() != rw.get().from().isPresent()) {
      // a rise at one end against a total at the other compares nothing: totals at both
      lw = Optional.of(new CounterWindow<>(Optional.empty(), lw.get().to()));
      rw = Optional.of(new CounterWindow<>(Optional.empty(), rw.get().to()));
    }
    Set<String> remoteKeys = ownKeys(rw.get().to().value());
    Set<String> localKeys = ownKeys(lw.get().to().value());
    long lSent = bytes(lw.get(), remoteKeys, true);
    long rRecv = bytes(rw.get(), localKeys, false);
    long rSent = bytes(rw.get(), localKeys, true);
    long lRecv = bytes(lw.get(), remoteKeys, false);
    boolean comparable = lw.get().from().isPresent() == rw.get().from().isPresent()
        && lw.get().from().map(f -> f.phase()).equals(rw.get().from().map(f -> f.phase()))
        && lw.get().to().phase() == rw.get().to().phase();
    double unit = byteUnit(Math.max(Math.max(lSent, rRecv), Math.max(rSent, lRecv)));
    List<Row> rows = List.of(
        new Row("local to remote", List.of(
            new Bar(lSent / unit, Ink.BLUE, "sent by local " + bytesText(lSent)),
            new Bar(rRecv / unit, Ink.ORANGE, "received by remote " + bytesText(rRecv) + missing(lSent, rRecv)))),
        new Row("remote to local", List.of(
            new Bar(rSent / unit, Ink.BLUE, "sent by remote " + bytesText(rSent)),
            new Bar(lRecv / unit, Ink.ORANGE, "received by local " + bytesText(lRecv) + missing(rSent, lRecv)))));
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("direction", "sent (bytes)", "received (bytes)", "sent: window", "received: window", "sources"));
    table.add(List.of("local to remote", String.valueOf(lSent), String.valueOf(rRecv), describe(lw.get()), describe(rw.get()),
        lw.get().to().source() + ", " + rw.get().to().source()));
    table.add(List.of("remote to local", String.valueOf(rSent), String.valueOf(lRecv), describe(rw.get()), describe(lw.get()),
        rw.get().to().source() + ", " + lw.get().to().source()));
    String summary = "WireGuard bytes sent at one end against bytes received at the other: local to remote "
        + bytesText(lSent) + " sent, " + bytesText(rRecv) + " received; remote to local " + bytesText(rSent) + " sent, "
        + bytesText(lRecv) + " received.";
    String caveat = comparable ? ""
        : " The two ends were not captured over the same window (local: " + describe(lw.get()) + "; remote: "
            + describe(rw.get()) + "), so the difference is an upper bound, not a measured loss.";
    return Optional.of(new Figure("chart-transfer", "Two-ended transfer",
        "WireGuard counts the bytes of its own messages at both ends (wg show dump transfer counters): what one end sent "
            + "and the other never received was lost between them. " + summary + caveat,
        new BarChart(summary, "WireGuard " + byteUnitName(unit), 0,
            BarChart.niceMax(Math.max(Math.max(lSent, rRecv), Math.max(rSent, lRecv)) / unit), rows,
            List.of(), List.of(new Legend(Ink.BLUE, "sent"), new Legend(Ink.ORANGE, "received at the other end"))),
        table));
  }

  /**
   * The two-ended transfer as the analysis attributed it: per direction, the bytes sent and
   * received over the same window, each drop site's share of the gap, and what nothing counted.
   */
  Optional<Figure> attribution() {
    List<Row> rows = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("direction", "what", "packets", "bytes", "source"));
    double top = 0;
    List<String> parts = new ArrayList<>();
    boolean anySite = false;
    for (LossAttribution a : report.lossAttributions()) {
      String dir = a.direction().sender().label() + " to " + a.direction().receiver().label();
      List<Bar> bars = new ArrayList<>();
      bars.add(new Bar(a.sentBytes(), Ink.BLUE, "sent by " + a.direction().sender().label() + " " + bytesText(a.sentBytes())));
      bars.add(new Bar(a.receivedBytes(), Ink.ORANGE, "received by " + a.direction().receiver().label() + " "
          + bytesText(a.receivedBytes()) + missing(a.sentBytes(), a.receivedBytes())));
      top = Math.max(top, Math.max(a.sentBytes(), a.receivedBytes()));
      table.add(List.of(dir, "sent (" + a.window() + ")", "", String.valueOf(a.sentBytes()), ""));
      table.add(List.of(dir, "received (" + a.window() + ")", "", String.valueOf(a.receivedBytes()), ""));
      table.add(List.of(dir, "gap", String.valueOf(a.gapPackets()), String.valueOf(Math.max(0, a.gapBytes())),
          "mean packet " + num(a.meanPacketBytes()) + " bytes: " + a.meanPacketSource()));
      for (DropSite d : a.sites()) {
        anySite = true;
        bars.add(new Bar(d.attributedBytes(), Ink.SILENT, "dropped at " + d.site() + " (" + d.host().label() + "): "
            + d.attributedPackets() + " packets"));
        table.add(List.of(dir, "dropped at " + d.site() + " (" + d.host().label() + (d.code().isEmpty() ? "" : ", " + d.code()) + ")",
            String.valueOf(d.attributedPackets()), String.valueOf(d.attributedBytes()), d.source()));
      }
      long residualBytes = Math.round(a.residualPackets() * a.meanPacketBytes());
      if (a.gapPackets() > 0) {
        bars.add(new Bar(residualBytes, Ink.PURPLE, "counted nowhere: " + a.residualPackets() + " packets"
            + (a.unexplained() ? " (lost on the path)" : " (within tolerance)")));
        table.add(List.of(dir, "counted nowhere (tolerance " + a.tolerancePackets() + " packets)",
            String.valueOf(a.residualPackets()), String.valueOf(residualBytes), ""));
      }
      rows.add(new Row(dir, bars));
      parts.add(dir + ": " + bytesText(a.sentBytes()) + " sent, " + bytesText(a.receivedBytes()) + " received"
          + (a.gapPackets() > 0 ? ", " + a.gapPackets() + " packets missing, " + a.attributedPackets()
              + " of them counted at a drop site" : ""));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    double unit = byteUnit(top);
    List<Row> scaled = new ArrayList<>();
    for (Row r : rows) {
      scaled.add(new Row(r.label(), r.bars().stream().map(b -> new Bar(b.value() / unit, b.ink(), b.text())).toList()));
    }
    String summary = "WireGuard bytes sent at one end against bytes received at the other over the same window: "
        + String.join("; ", parts) + ".";
    List<Legend> legend = new ArrayList<>(List.of(new Legend(Ink.BLUE, "sent"), new Legend(Ink.ORANGE, "received at the other end")));
    if (anySite) {
      legend.add(new Legend(Ink.SILENT, "dropped at a counted site"));
    }
    legend.add(new Legend(Ink.PURPLE, "missing, counted nowhere"));
    return Optional.of(new Figure("chart-transfer", "Two-ended transfer and drop sites",
        "Per direction: what one end's WireGuard sent, what the other end received, and where the difference went: "
            + "each drop site that counted packets of this direction (in bytes at the mean packet size), then what no "
            + "counter saw, which is loss on the path. " + summary,
        new BarChart(summary, "WireGuard " + byteUnitName(unit), 0, BarChart.niceMax(top / unit), scaled, List.of(), legend),
        table));
  }

  private static String missing(long sent, long received) {
    if (sent <= 0) {
      return "";
    }
    double share = (double) (sent - received) / sent;
    return share > 0.0005 ? String.format(Locale.ROOT, " (%.1f%% missing)", share * 100) : "";
  }

  // ---------------------------------------------------------------- qdisc drops per phase

  Optional<Figure> qdisc(HostSnapshot host) {
    List<Fact<QdiscReport>> facts = host.facts(QdiscReport.class).stream()
        .filter(f -> f.value().qdiscs().stream().anyMatch(q -> q.dropped().isPresent())).toList();
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    // the root qdiscs that carried traffic or dropped or delayed any, in any phase
    Set<String> devices = new LinkedHashSet<>();
    for (Fact<QdiscReport> f : facts) {
      for (Qdisc q : f.value().roots()) {
        if (q.sentPackets().orElse(0) > 0 || q.dropped().orElse(0) > 0 || q.overlimits().orElse(0) > 0) {
          devices.add(device(q, f.capture()));
        }
      }
    }
    if (devices.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("device", "qdisc", "phase", "dropped (packets)", "overlimits", "sent (packets)", "source"));
    double top = 0;
    long drops = 0;
    for (String dev : devices) {
      for (Fact<QdiscReport> f : facts) {
        for (Qdisc q : f.value().roots()) {
          if (!device(q, f.capture()).equals(dev)) {
            continue;
          }
          long d = q.dropped().orElse(0);
          long o = q.overlimits().orElse(0);
          drops = Math.max(drops, d);
          top = Math.max(top, Math.max(d, o));
          String phase = f.phase() == Phase.UNNAMED ? "capture" : f.phase().folder();
          rows.add(new Row(dev + " " + q.kind() + ", " + phase, List.of(
              new Bar(d, Ink.SILENT, "dropped " + d),
              new Bar(o, Ink.PURPLE, "overlimits " + o))));
          table.add(List.of(dev, q.kind(), phase, String.valueOf(d), String.valueOf(o), String.valueOf(q.sentPackets().orElse(0)),
              f.source().toString()));
        }
      }
    }
    String summary = drops == 0 ? "No root qdisc dropped a packet in any phase."
        : "The most drops a root qdisc counted is " + drops + " packets.";
    String id = "chart-qdisc-" + host.host().label();
    return Optional.of(new Figure(id, "Qdisc drops and overlimits per phase, " + hostTitle(host) + " end",
        "tc -s qdisc counters of each root qdisc that carried traffic, phase by phase (counters since the qdisc was created: "
            + "a rise between before and after is what the load caused). " + summary,
        new BarChart(summary, "packets (drops) or events (overlimits)", 0, BarChart.niceMax(Math.max(5, top)), rows, List.of(),
            List.of(new Legend(Ink.SILENT, "dropped"), new Legend(Ink.PURPLE, "overlimits"))), table));
  }

  /** The qdisc's device as printed, else as the command named it ({@code tc -s qdisc show dev eth0}). */
  private static String device(Qdisc q, Capture c) {
    return q.device().or(c::qualifier).orElse("(device not printed)");
  }

  // ---------------------------------------------------------------- iperf3 intervals

  Optional<Figure> iperf(HostSnapshot host) {
    List<LineChart.Series> series = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("run", "start (s)", "end (s)", "throughput (Mbit/s)", "retransmits", "source"));
    double xMax = 0;
    double yMax = 0;
    Ink[] inks = {Ink.BLUE, Ink.ORANGE, Ink.PURPLE};
    List<String> means = new ArrayList<>();
    List<Fact<IperfResult>> runs = new ArrayList<>(host.facts(IperfResult.class));
    runs.sort(Comparator.comparingInt(f -> f.value().parallelStreams()));
    for (Fact<IperfResult> f : runs) {
      IperfResult r = f.value();
      int streams = r.parallelStreams();
      String want = streams > 1 ? "SUM" : null;
      List<IperfInterval> rows = r.intervals().stream()
          .filter(i -> !i.isSummary() && (want == null ? !i.stream().equals("SUM") : i.stream().equals(want))).toList();
      if (want == null && !rows.isEmpty()) {
        String first = rows.get(0).stream();
        rows = rows.stream().filter(i -> i.stream().equals(first)).toList();
      }
      if (rows.isEmpty()) {
        continue;
      }
      String label = (streams > 1 ? streams + " parallel flows" : "single flow") + " (" + name(f.capture()) + ")";
      List<LineChart.Point> pts = new ArrayList<>();
      double sum = 0;
      for (IperfInterval i : rows) {
        double mb = i.bitsPerSecond() / 1e6;
        sum += mb;
        pts.add(new LineChart.Point(i.endSeconds(), mb, mbit(i.bitsPerSecond())));
        xMax = Math.max(xMax, i.endSeconds());
        yMax = Math.max(yMax, mb);
        table.add(List.of(label, num(i.startSeconds()), num(i.endSeconds()), num(mb),
            i.retransmits().isPresent() ? String.valueOf(i.retransmits().getAsLong()) : "", f.sourceOf(i.line()).toString()));
      }
      means.add(label + " " + mbit(sum / rows.size() * 1e6) + " on average");
      series.add(new LineChart.Series(label, inks[series.size() % inks.length], pts));
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    String summary = "iperf3 throughput per interval: " + String.join("; ", means) + ".";
    String id = "chart-iperf-" + host.host().label();
    return Optional.of(new Figure(id, "iperf3 throughput per interval, " + hostTitle(host) + " end",
        "Each point is one iperf3 interval (the SUM row for parallel runs). Parallel flows far above a single flow "
            + "point at a per-flow limit (window, latency, loss); both low and flat at a shared bottleneck. " + summary,
        new LineChart(summary, "time since the start of the test (s)", "Mbit/s", xMax, BarChart.niceMax(yMax), series), table));
  }

  // ---------------------------------------------------------------- numbers

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v)
        .replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String trim(double v) {
    return num(v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, v < 1 ? "%.3f ms" : v < 100 ? "%.1f ms" : "%.0f ms", v);
  }

  static String mbit(double bps) {
    if (bps >= 1e9) {
      return String.format(Locale.ROOT, "%.2f Gbit/s", bps / 1e9);
    }
    if (bps >= 1e6) {
      return String.format(Locale.ROOT, "%.1f Mbit/s", bps / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f kbit/s", bps / 1e3);
  }

  /** The binary unit for an axis whose largest value is {@code max} bytes: 1, 1024, 1024², 1024³ bytes. */
  static double byteUnit(double max) {
    double unit = 1;
    while (max / unit >= 1024 * 2 && unit < 1024.0 * 1024 * 1024) {
      unit *= 1024;
    }
    return unit;
  }

  /** The name of {@link #byteUnit}: {@code bytes}, {@code KiB}, {@code MiB}, {@code GiB}. */
  static String byteUnitName(double unit) {
    return unit >= 1024.0 * 1024 * 1024 ? "GiB" : unit >= 1024.0 * 1024 ? "MiB" : unit >= 1024 ? "KiB" : "bytes";
  }

  static String bytesText(double b) {
    return Fmt.bytes(b, 1);
  }
}
