package io.wgdiag.analysis;

import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.netfilter.ConntrackStats;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.model.tcp.SsReport;
import io.wgdiag.model.tcp.TcpSocket;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * If MTU, CPU and routing look sane, treat it as loss and queueing around the tunnel. Codes {@code
 * underlay.loss}, {@code underlay.jitter}, {@code queue.bufferbloat}, {@code queue.fifo}, {@code
 * queue.qdisc-drops}, {@code udp.buffer-errors}, {@code conntrack.pressure}, {@code path.loss} and
 * {@code tcp.retransmits}; see docs/analysis.md.
 */
final class LossAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "loss";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.UNDERLAY_LOSS, Codes.UNDERLAY_JITTER, Codes.QUEUE_BUFFERBLOAT, Codes.QUEUE_FIFO,
        Codes.QUEUE_QDISC_DROPS, Codes.UDP_BUFFER_ERRORS, Codes.CONNTRACK_PRESSURE, Codes.PATH_LOSS, Codes.TCP_RETRANSMITS);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    // the two-ended gap first: the drop-site findings below say what share of it they account for
    List<LossAttribution> attributions = LossAttributor.attribute(ctx);
    boolean anyUnderlay = false;
    for (HostSnapshot host : ctx.hosts()) {
      Tunnel t = Tunnel.of(host, ctx.kase());
      anyUnderlay |= underlay(ctx, t);
      boolean bloat = bufferbloat(ctx, t) || QdiscSignals.cakeBufferbloat(ctx, t.host);
      fifo(ctx, t, bloat);
      qdiscDrops(ctx, t, attributions);
      udpBuffers(ctx, t, attributions);
      conntrack(ctx, t);
    }
    for (HostSnapshot host : ctx.hosts()) {
      retransmits(ctx, Tunnel.of(host, ctx.kase()));
    }
    pathLoss(ctx, attributions);
    if (!anyUnderlay) {
      ctx.notAssessed("underlay loss and jitter", "no ping to the peer's endpoint (underlay)",
          "ping -c 20 <peer endpoint address>");
    }
  }

  /** What a drop site of {@code code} on {@code host} accounts for in the two-ended gaps, as evidence. */
  private static List<Evidence> shareOfGap(List<LossAttribution> attributions, Host host, String code) {
    List<Evidence> out = new ArrayList<>();
    for (LossAttribution a : attributions) {
      for (DropSite s : a.sites()) {
        if (s.host() == host && s.code().equals(code) && a.gapPackets() > 0) {
          out.add(Evidence.of(s.source(), s.site() + " accounts for " + s.attributedPackets() + " of the " + a.gapPackets()
              + " packets " + a.direction().label() + " lost between the ends (" + a.window() + "; "
              + (a.unexplained() ? a.residualPackets() + " left unexplained" : "nothing left for the path") + ")"));
        }
      }
    }
    return out;
  }

  private boolean underlay(AnalysisContext ctx, Tunnel t) {
    boolean any = false;
    for (Fact<PingResult> f : t.host.facts(PingResult.class)) {
      PingResult r = f.value();
      if (Tunnel.isDfProbe(f.capture()) || !t.isUnderlayPing(f) || f.phase() == Phase.DURING || !r.hasSummary()) {
        continue;
      }
      any = true;
      String target = r.destination().orElse("the peer");
      double loss = r.lossPercent().orElse(0);
      long sent = r.transmitted().orElse(0);
      long lost = Math.max(0, sent - r.received().orElse(0));
      boolean dead = loss >= 100 && sent > 0 && !t.isTunnelDestination(target);
      if (loss > 0 && r.received().orElse(0) > 0 && sent < ctx.config().minPingsForRate()) {
        ctx.notAssessed("underlay loss rate to " + target, sent + " pings are too few to judge a loss rate (at least "
            + ctx.config().minPingsForRate() + ")", "ping -c 100 -i 0.2 " + target);
        continue;
      }
      if (loss == 0 && sent >= ctx.config().minPingsForRate()) {
        ctx.ruledOut("underlay loss", t.host.host(), Evidence.of(f.source(), sent + " pings to " + target + ", 0% loss ("
            + Stats.interval(0, sent, ctx.config().rateIntervalZ()) + ")"));
      }
      if (loss > 0 && r.received().orElse(0) > 0 || dead) {
        // warning only when the interval's lower end clears the threshold: 1 lost of 20 is not 5% for sure
        double low = Stats.wilson(lost, sent, ctx.config().rateIntervalZ())[0] * 100;
        boolean warn = dead || loss >= ctx.config().underlayLossWarnPercent() && low >= ctx.config().underlayLossWarnPercent() / 2;
        ctx.report(Finding.builder()
            .code(Codes.UNDERLAY_LOSS)
            .severity(warn ? Severity.WARNING : Severity.INFO)
            .confidence(dead ? 0.8 : Stats.confidence(0.85, lost, sent, ctx.config().rateIntervalZ()))
            .category(Category.LOSS)
            .host(t.host.host())
            .location(Location.PATH)
            .subject(target)
            .title("The underlay loses " + Fmt.pct(loss) + " of pings to " + target)
            .explanation("WireGuard rides on UDP without retransmission: underlay loss reaches TCP inside the tunnel, which "
                + "punishes it with smaller windows and retransmits.")
            .decision("Don't expect miracles from MTU tweaks: you may need queue management or a better path or provider. "
                + "Compare from several networks and escalate with this evidence.")
            .addEvidence(Evidence.of(f.source(), r.transmitted().orElse(0) + " sent, " + r.received().orElse(0) + " received, "
                + Fmt.pct(loss) + " loss (" + Stats.interval(lost, sent, ctx.config().rateIntervalZ()) + ")"))
            .build());
      }
      if (r.rttMdevMillis().isPresent() && r.rttAvgMillis().isPresent() && r.rttMinMillis().isPresent()
          && r.rttAvgMillis().getAsDouble() > 0) {
        double mdev = r.rttMdevMillis().getAsDouble();
        double avg = r.rttAvgMillis().getAsDouble();
        double max = r.rttMaxMillis().orElse(avg);
        double min = r.rttMinMillis().getAsDouble();
        if (mdev >= ctx.config().jitterMdevShare() * avg && mdev >= 1.0) {
          boolean spikes = max >= 2 * min;
          ctx.report(Finding.builder()
              .code(Codes.UNDERLAY_JITTER)
              .severity(spikes ? Severity.WARNING : Severity.INFO)
              .confidence(0.75)
              .category(Category.LOSS)
              .host(t.host.host())
              .location(Location.PATH)
              .subject(target)
              .title("Underlay RTT to " + target + " jitters: min " + Fmt.ms(min) + ", avg " + Fmt.ms(avg) + ", max " + Fmt.ms(max)
                  + ", mdev " + Fmt.ms(mdev))
              .explanation("The underlay's round-trip time has spikes; the tunnel amplifies them into TCP throughput pain "
                  + "(retransmit timers, shrinking windows).")
              .decision("If underlay jitter/loss is present, don't expect miracles from MTU tweaks; you may need queue "
                  + "management or a better path/provider.")
              .addEvidence(Evidence.of(f.source(), "rtt min/avg/max/mdev = " + min + "/" + avg + "/" + max + "/" + mdev + " ms"))
              .build());
        }
      }
    }
    return any;
  }

  /** RTT under load (DURING pings, ss) against the idle RTT (other pings to the same target). */
  private boolean bufferbloat(AnalysisContext ctx, Tunnel t) {
    // any ping with an RTT serves as the idle baseline, DF probes that passed included
    List<Fact<PingResult>> pings = t.host.facts(PingResult.class).stream()
        .filter(f -> f.value().rttAvgMillis().isPresent()).toList();
    for (Fact<PingResult> loaded : pings) {
      if (Tunnel.isDfProbe(loaded.capture())) {
        continue;
      }
      boolean underLoad = loaded.phase() == Phase.DURING || loaded.capture().qualifier().map(q -> q.contains("loaded")).orElse(false);
      if (!underLoad) {
        continue;
      }
      Optional<String> target = loaded.value().destination();
      Optional<Fact<PingResult>> idle = pings.stream().filter(f -> f != loaded && f.phase() != Phase.DURING)
          .filter(f -> f.value().destination().equals(target)).findFirst();
      if (idle.isEmpty()) {
        continue;
      }
      double base = idle.get().value().rttAvgMillis().getAsDouble();
      double load = loaded.value().rttAvgMillis().getAsDouble();
      if (!(load >= ctx.config().bufferbloatRatio() * base && load - base >= ctx.config().bufferbloatExtraMillis())) {
        ctx.ruledOut("latency under load (bufferbloat)", t.host.host(),
            Evidence.of(idle.get().source(), "idle: rtt avg " + Fmt.ms(base)),
            Evidence.of(loaded.source(), "under load: rtt avg " + Fmt.ms(load)));
        continue;
      }
      {
        ctx.report(Finding.builder()
            .code(Codes.QUEUE_BUFFERBLOAT)
            .severity(Severity.WARNING)
            .confidence(0.8)
            .category(Category.LOSS)
            .host(t.host.host())
            .subject(target.orElse(""))
            .title("RTT to " + target.orElse("the peer") + " rises from " + Fmt.ms(base) + " idle to " + Fmt.ms(load) + " under load")
            .explanation("Latency that explodes under load is queueing delay: a large buffer somewhere on the path fills "
                + "up (bufferbloat). Interactive flows suffer even when throughput looks acceptable.")
            .decision("Use fq_codel or cake on the egress that matters, avoid 'just increase buffers', and measure ping "
                + "under load again.")
            .addEvidence(Evidence.of(idle.get().source(), "idle: rtt avg " + Fmt.ms(base)))
            .addEvidence(Evidence.of(loaded.source(), "under load: rtt avg " + Fmt.ms(load) + ", max "
                + Fmt.ms(loaded.value().rttMaxMillis().orElse(load))))
            .build());
        return true;
      }
    }
    return false;
  }

  private void fifo(AnalysisContext ctx, Tunnel t, boolean bloat) {
    Optional<Fact<QdiscReport>> q = t.host.latest(QdiscReport.class);
    if (q.isEmpty()) {
      return;
    }
    for (Qdisc d : q.get().value().roots()) {
      boolean underlay = t.underlayDevice.map(u -> d.device().map(u::equals).orElse(true)).orElse(d.device().isEmpty());
      if (!d.isFifo() || !underlay) {
        continue;
      }
      String dev = d.device().or(() -> t.underlayDevice).orElse(q.get().capture().qualifier().orElse("<dev>"));
      ctx.report(Finding.builder()
          .code(Codes.QUEUE_FIFO)
          .severity(bloat ? Severity.WARNING : Severity.INFO)
          .confidence(bloat ? 0.8 : 0.6)
          .category(Category.LOSS)
          .host(t.host.host())
          .subject(dev)
          .title("The egress " + dev + " queues with a plain FIFO (" + d.kind() + ")")
          .explanation("A FIFO has no fairness and no active queue management: one bulk transfer fills it and every other "
              + "flow waits behind it. Peak throughput looks fine; latency under load does not.")
          .decision("Switch the egress that matters to fq_codel (or cake where available).")
          .addEvidence(Evidence.of(q.get().sourceOf(d.line()), "qdisc " + d.kind() + " " + d.handle() + " root" + d.device().map(x -> " dev " + x).orElse("")))
          .addActions(Action.builder()
              .description("Replace the root qdisc with fq_codel")
              .addApply("tc qdisc replace dev " + dev + " root fq_codel")
              .addVerify("tc -s qdisc show dev " + dev, "ping -c 20 <peer> during an iperf3 run   # RTT stays near idle")
              .addRollback("tc qdisc replace dev " + dev + " root " + d.kind())
              .build())
          .build());
    }
  }

  private void qdiscDrops(AnalysisContext ctx, Tunnel t, List<LossAttribution> attributions) {
    Optional<CounterWindow<QdiscReport>> w =
        CounterWindow.of(t.host, QdiscReport.class, r -> r.qdiscs().stream().anyMatch(q -> q.sentPackets().isPresent()));
    if (w.isEmpty()) {
      return;
    }
    CounterWindow<QdiscReport> win = w.get();
    boolean anyDrop = false;
    for (Qdisc d : win.to().value().qdiscs()) {
      if (d.kind().equals("noqueue") || d.dropped().isEmpty()) {
        continue;
      }
      Optional<Qdisc> before = win.from().flatMap(f -> f.value().qdiscs().stream()
          .filter(x -> x.kind().equals(d.kind()) && x.handle().equals(d.handle()) && x.device().equals(d.device())).findFirst());
      long drops = d.dropped().getAsLong() - before.map(b -> b.dropped().orElse(0)).orElse(0L);
      long sent = d.sentPackets().orElse(0) - before.map(b -> b.sentPackets().orElse(0)).orElse(0L);
      long over = d.overlimits().orElse(0) - before.map(b -> b.overlimits().orElse(0)).orElse(0L);
      if (drops <= 0) {
        continue;
      }
      anyDrop = true;
      double ratio = Counters.ratio(drops, sent + drops);
      boolean rising = before.isPresent();
      boolean enough = sent + drops >= ctx.config().minPacketsForRate();
      String dev = d.device().orElse(win.to().capture().qualifier().orElse("<dev>"));
      ctx.report(Finding.builder()
          .code(Codes.QUEUE_QDISC_DROPS)
          .severity(rising && enough && ratio >= ctx.config().dropWarnRatio() ? Severity.WARNING : Severity.INFO)
          .confidence(Stats.confidence(rising ? 0.85 : 0.5, drops, sent + drops, ctx.config().rateIntervalZ()))
          .category(Category.LOSS)
          .host(t.host.host())
          .direction(Direction.sentBy(t.host.host()))
          .subject(dev + " " + d.kind() + " " + d.handle())
          .title("qdisc " + d.kind() + " on " + dev + " dropped " + drops + " packets (" + Fmt.ratio(ratio) + ")"
              + (over > 0 ? ", " + over + " overlimits" : "") + (rising ? " under load" : " since it was set up"))
          .explanation("Drops at the qdisc are local congestion or shaping: the host offered more than the egress (or its "
              + "shaper) allows.")
          .decision("If drops correlate with slowdowns, address egress queueing: fq_codel/cake, reduce offered load, or fix "
              + "upstream shaping instead of blaming WireGuard.")
          .addEvidence(Evidence.of(win.to().sourceOf(d.line()), "Sent " + d.sentPackets().orElse(0) + " pkt, dropped " + d.dropped().getAsLong()
              + ", overlimits " + d.overlimits().orElse(0) + ", backlog " + d.backlogBytes().orElse(0) + " B (" + win.evidence() + ")"
              + QdiscSignals.describeSites(QdiscSignals.dropSiteDeltas(before, d))))
          .addAllEvidence(d.root() && t.underlayDevice.map(dev::equals).orElse(false)
              ? shareOfGap(attributions, t.host.host(), Codes.QUEUE_QDISC_DROPS) : List.of())
          .build());
    }
    if (!anyDrop && win.isDelta()) {
      ctx.ruledOut("qdisc drops under load", t.host.host(), Evidence.of(win.to().source(), "no qdisc dropped a packet ("
          + win.evidence() + ")"));
    }
  }

  private boolean udpBuffers(AnalysisContext ctx, Tunnel t, List<LossAttribution> attributions) {
    Optional<CounterWindow<ProtocolCounters>> w = CounterWindow.of(t.host, ProtocolCounters.class);
    if (w.isEmpty()) {
      if (t.host.host() == Host.LOCAL) {
        ctx.notAssessed("UDP socket buffer errors", "no netstat -su, nstat or /proc/net/snmp output", "netstat -su");
      }
      return false;
    }
    CounterWindow<ProtocolCounters> win = w.get();
    long snd = win.delta(c -> c.udpSndbufErrors().orElse(0));
    long rcv = win.delta(c -> c.udpRcvbufErrors().orElse(0));
    long out = win.delta(c -> c.udpOutDatagrams().orElse(0));
    long in = win.delta(c -> c.udpInDatagrams().orElse(0));
    if (snd <= 0 && rcv <= 0) {
      if (win.isDelta() && in + out > 0) {
        ctx.ruledOut("UDP socket buffer errors", t.host.host(), Evidence.of(win.to().source(), "Udp SndbufErrors and "
            + "RcvbufErrors did not rise over " + (in + out) + " datagrams (" + win.evidence() + ")"));
      }
      return false;
    }
    String side = snd >= rcv ? "send" : "receive";
    long errors = side.equals("send") ? snd : rcv;
    long datagrams = side.equals("send") ? out + snd : in + rcv;
    double ratio = Counters.ratio(errors, datagrams);
    boolean warn = ratio >= ctx.config().udpBufferErrorWarnRatio() && datagrams >= ctx.config().minPacketsForRate();
    ctx.report(Finding.builder()
        .code(Codes.UDP_BUFFER_ERRORS)
        .severity(warn ? Severity.WARNING : Severity.INFO)
        .confidence(Stats.confidence(win.isDelta() ? 0.9 : 0.5, errors, datagrams, ctx.config().rateIntervalZ()))
        .category(Category.LOSS)
        .host(t.host.host())
        .subject(side)
        .direction(side.equals("send") ? Direction.sentBy(t.host.host()) : Direction.receivedBy(t.host.host()))
        .title("UDP " + side + " buffer errors: " + snd + " send and " + rcv + " receive (" + Fmt.ratio(ratio) + " of datagrams)"
            + (win.isDelta() ? " during the load" : ""))
        .explanation(side.equals("send") ? "Send buffer errors: the host could not queue UDP fast enough, because the "
            + "socket buffer, the qdisc or the NIC's TX queue is congested." : "Receive buffer errors: datagrams arrived "
            + "faster than the application (the WireGuard socket) drained them.")
        .decision("Investigate qdisc and NIC TX queues first; raise rmem/wmem only with this evidence, knowing that bigger "
            + "buffers move the queueing (and its latency) into the socket.")
        .addEvidence(Evidence.of(win.to().source(), "Udp SndbufErrors " + snd + ", RcvbufErrors " + rcv + ", OutDatagrams " + out
            + ", InDatagrams " + in + " (" + win.evidence() + "; " + Stats.interval(errors, datagrams, ctx.config().rateIntervalZ())
            + ")"))
        .addAllEvidence(shareOfGap(attributions, t.host.host(), Codes.UDP_BUFFER_ERRORS))
        .addActions(Action.builder()
            .description("Allow larger socket buffers, then re-measure")
            .addApply("sysctl -w net.core." + (side.equals("send") ? "wmem" : "rmem") + "_max=8388608")
            .addVerify("netstat -su   # before and after an iperf3 run: buffer errors must stop rising",
                "ping -c 20 <peer> during the load   # latency must not explode")
            .addRollback("sysctl -w net.core." + (side.equals("send") ? "wmem" : "rmem") + "_max=212992")
            .build())
        .build());
    return true;
  }

  private void conntrack(AnalysisContext ctx, Tunnel t) {
    Optional<CounterWindow<ConntrackStats>> w = CounterWindow.of(t.host, ConntrackStats.class);
    if (w.isEmpty() || w.get().to().value().cpus().isEmpty()) {
      return;
    }
    CounterWindow<ConntrackStats> win = w.get();
    long failed = win.delta(c -> c.total("insert_failed")) + win.delta(c -> c.total("drop")) + win.delta(c -> c.total("early_drop"));
    long invalid = win.delta(c -> c.total("invalid"));
    long found = win.delta(c -> c.total("found"));
    double invalidRatio = Counters.ratio(invalid, found + invalid);
    boolean fire = (failed > 0 && (win.isDelta() || failed > 100)) || invalidRatio >= ctx.config().conntrackInvalidRatio();
    if (!fire) {
      return;
    }
    ctx.report(Finding.builder()
        .code(Codes.CONNTRACK_PRESSURE)
        .severity(Severity.WARNING)
        .confidence(win.isDelta() ? 0.8 : 0.55)
        .category(Category.LOSS)
        .host(t.host.host())
        .title("conntrack under pressure: " + failed + " insert failures/drops, invalid " + Fmt.ratio(invalidRatio) + " of lookups"
            + (win.isDelta() ? " during the load" : ""))
        .explanation("Connection tracking drops or rejects entries (table full, clashes) or sees many invalid packets: NAT "
            + "rules, UDP timeouts or middleboxes are rewriting or expiring state, and the gateway pays CPU for it.")
        .decision("Verify NAT rules and UDP timeouts; exempt tunnel traffic from conntrack where safe (notrack), or raise "
            + "nf_conntrack_max with evidence.")
        .addEvidence(Evidence.of(win.to().source(), "insert_failed+drop+early_drop " + failed + ", invalid " + invalid + ", found "
            + found + " (" + win.evidence() + ")"))
        .build());
  }

  /**
   * A socket that never carried data: SYN-SENT, or only its handshake segments. Its "retransmits"
   * are connection attempts (connectivity evidence), never loss.
   */
  static boolean carriedNoData(TcpSocket s) {
    String state = s.state().orElse("").toUpperCase(java.util.Locale.ROOT);
    return state.startsWith("SYN") || s.dataSegsOut().orElse(s.segsOut().orElse(0)) <= 3 && s.bytesAcked().orElse(0) <= 1;
  }

  private void retransmits(AnalysisContext ctx, Tunnel t) {
    List<Evidence> ev = new ArrayList<>();
    double worst = 0;
    long worstSegs = 0;
    long worstRetr = 0;
    AnalysisConfig cfg = ctx.config();
    for (Fact<SsReport> f : t.host.facts(SsReport.class)) {
      for (TcpSocket s : f.value().sockets()) {
        long retr = s.retransTotal().orElse(0);
        long segs = s.dataSegsOut().orElse(s.segsOut().orElse(0));
        if (retr <= 0 || segs <= 0 || carriedNoData(s) || segs < cfg.minSegmentsForRate()) {
          continue; // connection attempts, or too few segments for a rate
        }
        double r = (double) retr / segs;
        if (r > worst) {
          worst = r;
          worstSegs = segs;
          worstRetr = retr;
        }
        ev.add(Evidence.of(f.sourceOf(s.line()), s.localAddress() + ":" + s.localPort() + " → " + s.peerAddress() + ":" + s.peerPort()
            + ": retrans " + s.retransCurrent().orElse(0) + "/" + retr + " over " + segs + " segments (" + Fmt.ratio(r) + ")"));
      }
    }
    boolean unstable = false;
    for (Fact<IperfResult> f : t.host.facts(IperfResult.class)) {
      Optional<IperfInterval> sender = f.value().summary("sender");
      if (sender.isEmpty() || sender.get().retransmits().orElse(0) == 0) {
        continue;
      }
      long retr = sender.get().retransmits().getAsLong();
      long segs = Math.max(1, sender.get().bytes() / 1448);
      if (segs < cfg.minSegmentsForRate()) {
        continue;
      }
      double r = (double) retr / segs;
      if (r > worst) {
        worst = r;
        worstSegs = segs;
        worstRetr = retr;
      }
      boolean sumRows = f.value().parallelStreams() > 1;
      List<Double> rates = f.value().intervals().stream().filter(i -> i.stream().equals("SUM") == sumRows)
          .map(IperfInterval::bitsPerSecond).sorted().toList();
      boolean thisUnstable = rates.size() >= 3 && rates.get(0) < 0.8 * rates.get(rates.size() / 2);
      unstable |= thisUnstable;
      ev.add(Evidence.of(f.sourceOf(sender.get().line()), "iperf3: " + retr + " retransmits at " + Fmt.bitrate(sender.get().bitsPerSecond())
          + " (about " + segs + " segments)"
          + (thisUnstable ? "; interval throughput from " + Fmt.bitrate(rates.get(0)) + " to " + Fmt.bitrate(rates.get(rates.size() - 1)) : "")));
    }
    Optional<CounterWindow<ProtocolCounters>> w = CounterWindow.of(t.host, ProtocolCounters.class);
    if (w.isPresent() && w.get().to().value().tcpOutSegs().isPresent()) {
      long retr = w.get().delta(c -> c.tcpRetransSegs().orElse(0));
      long segs = w.get().delta(c -> c.tcpOutSegs().orElse(0));
      if (retr > 0 && segs >= cfg.minSegmentsForRate()) {
        double r = (double) retr / segs;
        if (w.get().isDelta() && r > worst) {
          worst = r;
          worstSegs = segs;
          worstRetr = retr;
        }
        ev.add(Evidence.of(w.get().to().source(), "Tcp RetransSegs " + retr + " of OutSegs " + segs + " (" + Fmt.ratio(r) + ", " + w.get().evidence() + ")"));
      }
    }
    if (ev.isEmpty() || (worst < cfg.retransmitInfoRatio() && !unstable)) {
      return;
    }
    boolean warn = worst >= cfg.retransmitWarnRatio();
    ctx.report(Finding.builder()
        .code(Codes.TCP_RETRANSMITS)
        .severity(warn ? Severity.WARNING : Severity.INFO)
        .confidence(Stats.confidence(0.7, worstRetr, worstSegs, cfg.rateIntervalZ()))
        .category(Category.LOSS)
        .host(t.host.host())
        .direction(Direction.sentBy(t.host.host()))
        .title("TCP retransmits: up to " + Fmt.ratio(worst) + " of segments retransmitted" + (unstable ? ", throughput unstable" : ""))
        .explanation("Retransmits over a VPN usually mean MTU blackholing, underlay loss or jitter, or buffering and queueing. "
            + "On their own they are a symptom, not a cause: no finding here explains them.")
        .decision("Next: MTU tests (DF pings) and loss counters (ip -s link, tc -s qdisc, netstat -su) on both ends, before and "
            + "after the same load, so the gap between one end's bytes sent and the other's received can be attributed.")
        .evidence(ev)
        .build());
  }

  /** path.loss: the residual of a direction's gap that no drop site counted, beyond the tolerance. */
  private void pathLoss(AnalysisContext ctx, List<LossAttribution> attributions) {
    for (LossAttribution a : attributions) {
      if (a.gapPackets() <= a.tolerancePackets()) {
        ctx.ruledOut("loss between the ends, " + a.direction().label(), a.direction().sender(), a.evidence().toArray(new Evidence[0]));
        continue;
      }
      if (!a.unexplained()) {
        List<Evidence> ev = new ArrayList<>(a.evidence());
        ev.add(Evidence.of("(attribution)", "the gap of " + a.gapPackets() + " packets is accounted for by local drop sites; "
            + a.residualPackets() + " left, within the tolerance of " + a.tolerancePackets()));
        ctx.ruledOut("loss on the path, " + a.direction().label(), a.direction().sender(), ev.toArray(new Evidence[0]));
        continue;
      }
      double share = a.sentBytes() <= 0 ? 0 : a.residualPackets() * a.meanPacketBytes() / a.sentBytes();
      List<Evidence> ev = new ArrayList<>(a.evidence());
      for (DropSite s : a.sites()) {
        ev.add(Evidence.of(s.source(), s.site() + " on " + s.host().label() + ": " + s.attributedPackets() + " packets of the gap"));
      }
      ev.add(Evidence.of("(attribution)", a.residualPackets() + " of the " + a.gapPackets() + " packets lost "
          + a.direction().label() + " were counted by no drop site on either end (tolerance " + a.tolerancePackets() + ")"));
      ctx.report(Finding.builder()
          .code(Codes.PATH_LOSS)
          .severity(Severity.WARNING)
          .confidence(a.sites().isEmpty() ? 0.85 : 0.75)
          .category(Category.LOSS)
          .host(a.direction().sender())
          .location(Location.PATH)
          .direction(a.direction())
          .subject(a.direction().name())
          .title("Lost on the path " + a.direction().label() + ": " + a.residualPackets() + " packets (" + Fmt.ratio(share)
              + " of what was sent) that no counter on either end accounts for")
          .explanation("WireGuard counts the bytes of its own messages at both ends. Of what " + a.direction().sender().label()
              + " sent and " + a.direction().receiver().label() + " never received, the drop sites on both ends ("
              + "qdisc, NIC, UDP socket buffers, conntrack) account for " + a.attributedPackets() + " packets; the rest was lost "
              + "between the ends: underlay loss, policing, or a middlebox.")
          .decision("Baseline the underlay (ping with loss counts, from several networks); escalate to the provider with this "
              + "decomposition as evidence.")
          .evidence(ev)
          .build());
    }
  }
}
