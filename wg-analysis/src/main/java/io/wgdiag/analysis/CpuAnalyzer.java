package io.wgdiag.analysis;

import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.IrqRow;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.MpstatSample;
import io.wgdiag.model.cpu.ProcInterrupts;
import io.wgdiag.model.cpu.SoftnetRow;
import io.wgdiag.model.cpu.SoftnetStat;
import io.wgdiag.model.cpu.TopIteration;
import io.wgdiag.model.cpu.TopProcess;
import io.wgdiag.model.cpu.TopReport;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field guide's second question: is it CPU? Codes {@code cpu.pinned}, {@code cpu.saturated},
 * {@code underlay.vm-tax}, {@code irq.concentrated}, {@code softnet.squeeze} and {@code
 * tcp.single-flow-limited}; see docs/analysis.md. mpstat and top are read from the DURING phase
 * when there is one (the load), else from whatever was captured.
 */
final class CpuAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "cpu";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.CPU_PINNED, Codes.CPU_SATURATED, Codes.UNDERLAY_VM_TAX, Codes.IRQ_CONCENTRATED,
        Codes.SOFTNET_SQUEEZE, Codes.TCP_SINGLE_FLOW_LIMITED);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    boolean anyCpu = false;
    for (HostSnapshot host : ctx.hosts()) {
      Optional<Fact<MpstatReport>> mp = host.latest(MpstatReport.class, Phase.DURING, Phase.UNNAMED, Phase.AFTER, Phase.BEFORE, Phase.PROBE);
      Optional<Fact<TopReport>> top = host.latest(TopReport.class, Phase.DURING, Phase.UNNAMED, Phase.AFTER, Phase.BEFORE, Phase.PROBE);
      anyCpu |= mp.isPresent() || top.isPresent();
      boolean pinned = false;
      if (mp.isPresent() && mp.get().value().summary().isPresent()) {
        pinned = mpstat(ctx, host, mp.get(), mp.get().value().summary().get(), top);
      } else if (top.isPresent()) {
        pinned = topOnly(ctx, host, top.get());
      }
      interrupts(ctx, host, pinned);
      softnet(ctx, host);
    }
    if (!anyCpu) {
      ctx.notAssessed("per-core CPU and softirq under load", "no mpstat or top output",
          "mpstat -P ALL 1 5   # while iperf3 runs", "top -b -n 1");
    }
    singleFlow(ctx);
  }

  private boolean mpstat(AnalysisContext ctx, HostSnapshot host, Fact<MpstatReport> f, MpstatSample s, Optional<Fact<TopReport>> top) {
    AnalysisConfig cfg = ctx.config();
    List<CpuLoad> cpus = s.perCpu();
    boolean pinned = false;
    if (cpus.size() >= 2) {
      CpuLoad busiest = cpus.stream().max((a, b) -> Double.compare(a.busyPercent(), b.busyPercent())).orElseThrow();
      double othersBusy = cpus.stream().filter(c -> c != busiest).mapToDouble(CpuLoad::busyPercent).average().orElse(0);
      CpuLoad softest = cpus.stream().max((a, b) -> Double.compare(a.softPercent().orElse(0), b.softPercent().orElse(0))).orElseThrow();
      double othersSoft = cpus.stream().filter(c -> c != softest).mapToDouble(c -> c.softPercent().orElse(0)).average().orElse(0);
      boolean busyPinned = busiest.busyPercent() >= cfg.cpuPinnedBusyPercent() && othersBusy <= cfg.cpuHeadroomBusyPercent();
      double soft = softest.softPercent().orElse(0);
      boolean softPinned = soft >= cfg.softirqDominantPercent() && soft >= 2 * othersSoft;
      if (busyPinned || softPinned) {
        CpuLoad c = softPinned ? softest : busiest;
        ImmutableFinding.Builder b = Finding.builder()
            .code(Codes.CPU_PINNED)
            .severity(Severity.WARNING)
            .confidence(f.phase() == Phase.DURING ? 0.85 : 0.7)
            .category(Category.CPU)
            .host(host.host())
            .direction(Direction.receivedBy(host.host()))
            .title("CPU" + c.cpu() + (softPinned ? " spends " + Fmt.pct(soft) + " in softirq" : " is " + Fmt.pct(c.busyPercent()) + " busy")
                + " while the other " + (cpus.size() - 1) + " cores average " + Fmt.pct(softPinned ? othersSoft : othersBusy)
                + (softPinned ? " softirq" : " busy"))
            .explanation("One core carries the packet processing (" + (softPinned ? "softirq: network receive" : "user and system time")
                + ") and can cap throughput while the others have headroom: the tunnel is CPU/interrupt limited on one core.")
            .decision("Spread the work: better IRQ distribution (RSS/RPS), more NIC queues, more flows or peers, or move the "
                + "endpoint off a tiny VM. Re-test with iperf3 -P 4 while watching mpstat.")
            .addEvidence(Evidence.of(f.sourceOf(c.line()), "CPU" + c.cpu() + ": %soft " + Fmt.pct(c.softPercent().orElse(0))
                + ", %sys " + Fmt.pct(c.sysPercent().orElse(0)) + ", %usr " + Fmt.pct(c.usrPercent().orElse(0)) + ", %idle "
                + Fmt.pct(c.idlePercent().orElse(0)) + " (" + (f.phase() == Phase.DURING ? "under load" : "mpstat " + s.time()) + ")"))
            .addActions(Action.builder()
                .description("Enable receive packet steering so other cores share the receive work")
                .addApply("echo ff > /sys/class/net/<underlay dev>/queues/rx-0/rps_cpus   # CPU mask of the cores to use")
                .addVerify("mpstat -P ALL 1 5   # during iperf3: %soft spread across cores")
                .addRollback("echo 0 > /sys/class/net/<underlay dev>/queues/rx-0/rps_cpus")
                .build());
        top.flatMap(t -> t.value().last()).flatMap(CpuAnalyzer::topKsoftirqd).ifPresent(p ->
            b.addEvidence(Evidence.of(top.get().sourceOf(p.line()), p.command() + " at " + Fmt.pct(p.cpuPercent().orElse(0)) + " CPU in top")));
        ctx.report(b.build());
        pinned = true;
      }
    }
    Optional<CpuLoad> all = s.all();
    if (!pinned && all.isPresent() && all.get().busyPercent() < cfg.cpuSaturatedPercent() && cpus.size() >= 1
        && f.phase() == Phase.DURING) {
      double max = cpus.stream().mapToDouble(CpuLoad::busyPercent).max().orElse(0);
      ctx.ruledOut("CPU headroom under load", host.host(), Evidence.of(f.sourceOf(all.get().line()), "all CPUs "
          + Fmt.pct(all.get().busyPercent()) + " busy on average, the busiest core " + Fmt.pct(max) + " (under load)"));
    }
    if (all.isPresent() && all.get().busyPercent() >= cfg.cpuSaturatedPercent()) {
      ctx.report(Finding.builder()
          .code(Codes.CPU_SATURATED)
          .severity(Severity.WARNING)
          .confidence(0.8)
          .category(Category.CPU)
          .host(host.host())
          .direction(Direction.receivedBy(host.host()))
          .title("All cores are busy: " + Fmt.pct(all.get().busyPercent()) + " on average")
          .explanation("Every core is near saturation; encryption and packet processing compete with everything else on the host.")
          .decision("Scale the gateway (more or faster cores), move other work off it, or spread tunnels over more hosts.")
          .addEvidence(Evidence.of(f.sourceOf(all.get().line()), "all CPUs: %idle " + Fmt.pct(all.get().idlePercent().orElse(0))))
          .build());
    }
    double steal = all.flatMap(a -> a.stealPercent().isPresent() ? Optional.of(a.stealPercent().getAsDouble()) : Optional.empty()).orElse(0.0);
    if (steal >= cfg.stealPercent()) {
      ctx.report(Finding.builder()
          .code(Codes.UNDERLAY_VM_TAX)
          .severity(Severity.WARNING)
          .confidence(0.75)
          .category(Category.OTHER)
          .host(host.host())
          .title("The hypervisor takes " + Fmt.pct(steal) + " of CPU time (steal)")
          .explanation("On a VM, steal time is CPU the host gave to other guests: vCPU scheduling makes packet delivery bursty "
              + "and caps throughput. A small VM will not become a big VM through positive thinking.")
          .decision("Move the endpoint to a larger or dedicated instance, or schedule heavy transfers away from the noisy hours.")
          .addEvidence(Evidence.of(f.sourceOf(all.get().line()), "all CPUs: %steal " + Fmt.pct(steal)))
          .build());
    }
    return pinned;
  }

  private static Optional<TopProcess> topKsoftirqd(TopIteration it) {
    return it.processes().stream().limit(5).filter(TopProcess::isKsoftirqd).filter(p -> p.cpuPercent().orElse(0) >= 20).findFirst();
  }

  private boolean topOnly(AnalysisContext ctx, HostSnapshot host, Fact<TopReport> f) {
    Optional<TopIteration> it = f.value().last();
    if (it.isEmpty()) {
      return false;
    }
    Optional<TopProcess> k = topKsoftirqd(it.get());
    double si = it.get().allCpu("si").orElse(0);
    if (k.isEmpty() || k.get().cpuPercent().orElse(0) < ctx.config().softirqDominantPercent()) {
      return false;
    }
    ctx.report(Finding.builder()
        .code(Codes.CPU_PINNED)
        .direction(Direction.receivedBy(host.host()))
        .severity(Severity.WARNING)
        .confidence(0.65)
        .category(Category.CPU)
        .host(host.host())
        .title(k.get().command() + " uses " + Fmt.pct(k.get().cpuPercent().orElse(0)) + " CPU; softirq takes " + Fmt.pct(si) + " overall")
        .explanation("ksoftirqd at the top of top means the kernel defers packet processing to a thread on one core: "
            + "that core is saturated by network work and caps throughput.")
        .decision("Check per-core softirq with mpstat -P ALL during load; improve IRQ/RPS distribution or scale the gateway.")
        .addEvidence(Evidence.of(f.sourceOf(k.get().line()), k.get().command() + " %CPU " + Fmt.pct(k.get().cpuPercent().orElse(0))))
        .build());
    ctx.notAssessed("which core is pinned", "top alone does not show per-core softirq", "mpstat -P ALL 1 5");
    return true;
  }

  /** Interrupts of one device (its rows grouped by the device name) landing on one CPU. */
  private void interrupts(AnalysisContext ctx, HostSnapshot host, boolean pinned) {
    Optional<CounterWindow<ProcInterrupts>> w = CounterWindow.of(host, ProcInterrupts.class);
    if (w.isEmpty()) {
      return;
    }
    CounterWindow<ProcInterrupts> win = w.get();
    Map<String, long[]> perDevice = new LinkedHashMap<>();
    Map<String, IrqRow> sample = new LinkedHashMap<>();
    for (IrqRow r : win.to().value().deviceRows()) {
      String dev = deviceOf(r.description());
      long[] before = win.from().flatMap(f -> f.value().rows().stream().filter(x -> x.irq().equals(r.irq())).findFirst())
          .map(x -> x.counts().toArray()).orElse(new long[r.counts().length()]);
      long[] acc = perDevice.computeIfAbsent(dev, k -> new long[r.counts().length()]);
      for (int i = 0; i < r.counts().length() && i < acc.length; i++) {
        acc[i] += r.counts().get(i) - (i < before.length ? before[i] : 0);
      }
      sample.putIfAbsent(dev, r);
    }
    for (Map.Entry<String, long[]> e : perDevice.entrySet()) {
      long total = 0;
      long max = 0;
      int maxCpu = 0;
      for (int i = 0; i < e.getValue().length; i++) {
        total += e.getValue()[i];
        if (e.getValue()[i] > max) {
          max = e.getValue()[i];
          maxCpu = i;
        }
      }
      if (e.getValue().length < 2 || total < ctx.config().irqMinimumCount()) {
        continue;
      }
      double share = (double) max / total;
      if (share >= ctx.config().irqConcentratedShare()) {
        IrqRow r = sample.get(e.getKey());
        ctx.report(Finding.builder()
            .code(Codes.IRQ_CONCENTRATED)
            .severity(pinned ? Severity.WARNING : Severity.INFO)
            .confidence(win.isDelta() ? 0.8 : 0.55)
            .category(Category.CPU)
            .host(host.host())
            .title(Fmt.ratio(share) + " of " + e.getKey() + "'s " + total + " interrupts land on CPU" + maxCpu)
            .explanation("One CPU takes nearly all of this device's interrupts (" + (win.isDelta() ? "during the load" : "since boot")
                + "): its receive processing cannot spread over the other cores.")
            .decision("Distribute the NIC queues' IRQs (irqbalance or /proc/irq/N/smp_affinity) or enable RPS.")
            .addEvidence(Evidence.of(win.to().sourceOf(r == null ? 0 : r.line()), e.getKey() + " interrupts on CPU" + maxCpu + ": " + max + " of " + total))
            .addActions(Action.builder()
                .description("Move one of the device's IRQs to another core")
                .addApply("cat /proc/irq/" + (r == null ? "<irq>" : r.irq()) + "/smp_affinity_list",
                    "echo <other cpu> > /proc/irq/" + (r == null ? "<irq>" : r.irq()) + "/smp_affinity_list")
                .addVerify("grep " + e.getKey() + " /proc/interrupts   # before and after a load test")
                .addRollback("echo <the value noted before> > /proc/irq/" + (r == null ? "<irq>" : r.irq()) + "/smp_affinity_list")
                .build())
            .build());
      }
    }
  }

  /** The device a /proc/interrupts row belongs to: its last word up to the first '-' or '.' ({@code virtio0-input.0} → virtio0). */
  static String deviceOf(String description) {
    int end = description.length();
    while (end > 0 && Character.isWhitespace(description.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(description.charAt(start - 1))) {
      start--;
    }
    int cut = end;
    for (int i = start + 1; i < end; i++) {
      char c = description.charAt(i);
      if (c == '-' || c == '.' || c == '@') {
        cut = i;
        break;
      }
    }
    return description.substring(start, cut);
  }

  private void softnet(AnalysisContext ctx, HostSnapshot host) {
    Optional<CounterWindow<SoftnetStat>> w = CounterWindow.of(host, SoftnetStat.class);
    if (w.isEmpty()) {
      return;
    }
    CounterWindow<SoftnetStat> win = w.get();
    long processed = 0;
    long squeeze = 0;
    long dropped = 0;
    for (SoftnetRow r : win.to().value().rows()) {
      Optional<SoftnetRow> b = win.from().flatMap(f -> f.value().rows().stream().filter(x -> x.cpu() == r.cpu()).findFirst());
      processed += r.processed() - b.map(SoftnetRow::processed).orElse(0L);
      squeeze += r.timeSqueeze() - b.map(SoftnetRow::timeSqueeze).orElse(0L);
      dropped += r.dropped() - b.map(SoftnetRow::dropped).orElse(0L);
    }
    double ratio = Counters.ratio(squeeze, processed);
    if (dropped <= 0 && ratio < ctx.config().softnetSqueezeRatio()) {
      return;
    }
    boolean rising = win.isDelta();
    ctx.report(Finding.builder()
        .code(Codes.SOFTNET_SQUEEZE)
        .direction(Direction.receivedBy(host.host()))
        .severity(rising ? Severity.WARNING : Severity.INFO)
        .confidence(rising ? 0.75 : 0.5)
        .category(Category.CPU)
        .host(host.host())
        .title("softnet: " + squeeze + " time squeezes and " + dropped + " backlog drops over " + processed + " packets"
            + (rising ? " during the load" : " since boot"))
        .explanation("The kernel's receive loop ran out of budget (time_squeeze) or dropped packets because the per-CPU "
            + "backlog was full: receive processing cannot keep up on some cores.")
        .decision("Raise net.core.netdev_budget/netdev_max_backlog only with evidence, and spread receive work (RSS/RPS).")
        .addEvidence(Evidence.of(win.to().source(), "time_squeeze " + squeeze + ", dropped " + dropped + ", processed " + processed
            + " (" + win.evidence() + ")"))
        .addActions(Action.builder()
            .description("Give the receive loop more budget per poll")
            .addApply("sysctl -w net.core.netdev_budget=600", "sysctl -w net.core.netdev_max_backlog=4096")
            .addVerify("cat /proc/net/softnet_stat   # before and after a load test: column 3 stays flat")
            .addRollback("sysctl -w net.core.netdev_budget=300", "sysctl -w net.core.netdev_max_backlog=1000")
            .build())
        .build());
  }

  private void singleFlow(AnalysisContext ctx) {
    for (HostSnapshot host : ctx.hosts()) {
      List<Fact<IperfResult>> runs = host.facts(IperfResult.class);
      Optional<Fact<IperfResult>> single = runs.stream().filter(r -> r.value().parallelStreams() == 1)
          .filter(r -> r.value().summary("sender").isPresent() || r.value().summary("receiver").isPresent()).reduce((a, b) -> b);
      Optional<Fact<IperfResult>> multi = runs.stream().filter(r -> r.value().parallelStreams() > 1)
          .filter(r -> r.value().summary("receiver").isPresent() || r.value().summary("sender").isPresent()).reduce((a, b) -> b);
      // the server the runs used, else the peer's address
      String peer = runs.stream().flatMap(r -> r.value().server().stream()).reduce((a, b) -> b)
          .orElse(ctx.peerAddressFor(host.host()));
      if (single.isEmpty() || multi.isEmpty()) {
        if (host.host() == Host.LOCAL && !runs.isEmpty()) {
          ctx.notAssessed("single flow against parallel flows", "need both a single-flow and an iperf3 -P run",
              "iperf3 -c " + peer + " -t 15", "iperf3 -c " + peer + " -P 4 -t 15");
        }
        continue;
      }
      if (rateLimited(single.get()) || rateLimited(multi.get())) {
        ctx.notAssessed("single flow against parallel flows", "the iperf3 runs were rate-limited (-b), so their ratio says nothing",
            "iperf3 -c " + peer + " -t 15", "iperf3 -c " + peer + " -P 4 -t 15");
        continue;
      }
      IperfInterval s = best(single.get().value());
      IperfInterval m = best(multi.get().value());
      double ratio = m.bitsPerSecond() / Math.max(1, s.bitsPerSecond());
      if (ratio < ctx.config().parallelSpeedupRatio()) {
        continue;
      }
      ctx.report(Finding.builder()
          .code(Codes.TCP_SINGLE_FLOW_LIMITED)
          .direction(Direction.sentBy(host.host()))
          .severity(Severity.WARNING)
          .confidence(0.8)
          .category(Category.CPU)
          .host(host.host())
          .title("Parallel flows reach " + Fmt.bitrate(m.bitsPerSecond()) + ", " + String.format(java.util.Locale.ROOT, "%.1f", ratio)
              + "× the single flow's " + Fmt.bitrate(s.bitsPerSecond()))
          .explanation("A single TCP flow is limited by RTT and loss (its congestion window cannot grow) or by the CPU one "
              + "flow can use; parallel flows hide both.")
          .decision("If business traffic is single-flow, fix loss and MTU first, then check per-core CPU; if CPU-limited, "
              + "improve IRQ distribution or scale the gateway.")
          .addEvidence(Evidence.of(single.get().sourceOf(s.line()), "single flow: " + Fmt.bitrate(s.bitsPerSecond())
              + s.retransmits().stream().mapToObj(r -> ", " + r + " retransmits").findFirst().orElse("")))
          .addEvidence(Evidence.of(multi.get().sourceOf(m.line()), multi.get().value().parallelStreams() + "+ flows: "
              + Fmt.bitrate(m.bitsPerSecond()) + m.retransmits().stream().mapToObj(r -> ", " + r + " retransmits").findFirst().orElse("")))
          .build());
    }
  }

  private static boolean rateLimited(Fact<IperfResult> f) {
    String cmd = " " + f.capture().command() + " ";
    return cmd.contains(" -b ") || cmd.contains(" --bitrate ") || cmd.contains(" --bandwidth ");
  }

  private static IperfInterval best(IperfResult r) {
    return r.summary("receiver").or(() -> r.summary("sender")).orElseThrow();
  }

}
