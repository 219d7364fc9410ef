package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.internal.CounterWindow;
import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.MpstatSample;
import java.util.List;
import java.util.Optional;

/** Per-core busy and softirq time under load, from mpstat. */
final class CpuMeasures {
  private CpuMeasures() {}


  /** The busiest core's busy time (100 − %idle) in mpstat's average under load, in percent. */
  static Optional<Reading> cpuBusyMaxCore(HostSnapshot host) {
    return cpu(host, true, CpuLoad::busyPercent, "busy");
  }

  /** The mean busy time of the cores in mpstat's average under load, in percent. */
  static Optional<Reading> cpuBusyMean(HostSnapshot host) {
    return cpu(host, false, CpuLoad::busyPercent, "busy");
  }

  /** The largest per-core {@code %soft} in mpstat's average under load, in percent. */
  static Optional<Reading> softirqMaxCore(HostSnapshot host) {
    return cpu(host, true, c -> c.softPercent().orElse(0), "softirq");
  }

  /** The mean per-core {@code %soft} in mpstat's average under load, in percent. */
  static Optional<Reading> softirqMean(HostSnapshot host) {
    return cpu(host, false, c -> c.softPercent().orElse(0), "softirq");
  }

  private static Optional<Reading> cpu(HostSnapshot host, boolean max, java.util.function.ToDoubleFunction<CpuLoad> figure, String what) {
    Optional<Fact<MpstatReport>> mp = host.latest(MpstatReport.class, Phase.DURING, Phase.UNNAMED, Phase.AFTER, Phase.BEFORE, Phase.PROBE);
    Optional<MpstatSample> s = mp.flatMap(f -> f.value().summary());
    if (s.isEmpty() || s.get().perCpu().isEmpty()) {
      return Optional.empty();
    }
    List<CpuLoad> cpus = s.get().perCpu();
    String basis = "mpstat" + (mp.get().phase() == Phase.DURING ? " under load" : " (" + CounterWindow.phaseName(mp.get().phase()) + ")");
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
}
