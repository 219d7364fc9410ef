package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * {@code mpstat -P ALL [interval count]} (sysstat): samples of per-CPU utilisation and the Average
 * block; with {@code -A}, the interrupt and softirq tables too.
 *
 * <pre>{@code
 * Linux 6.8.0 (server) 12/27/2025 _x86_64_ (8 CPU)
 * 12:10:01 AM CPU %usr %nice %sys %iowait %irq %soft %steal %idle
 * 12:10:02 AM all 22.1 0.0 18.4 0.0 0.0 20.9 0.0 38.6
 * 12:10:02 AM 0 12.0 0.0 10.1 0.0 0.0 62.3 0.0 15.6
 * }</pre>
 */
@Value.Immutable
public abstract class MpstatReport {

  /** The host name from the first line. */
  public abstract Optional<String> host();

  /** The number of CPUs from the first line ({@code (8 CPU)}). */
  public abstract OptionalInt cpuCount();

  /** The utilisation samples, in printed order (not the Average block). */
  public abstract ImmutableList<MpstatSample> samples();

  /** The {@code Average:} block of utilisation, if printed. */
  public abstract Optional<MpstatSample> averageBlock();

  /** The other tables ({@code mpstat -A}). */
  public abstract ImmutableList<MpstatTable> otherTables();

  /** The Average block, else the last sample. */
  @View
  public Optional<MpstatSample> summary() {
    if (averageBlock().isPresent()) {
      return averageBlock();
    }
    return samples().isEmpty() ? Optional.empty() : Optional.of(samples().get(samples().size() - 1));
  }

  /** The busiest single CPU (by busy time) of the summary. */
  @View
  public Optional<CpuLoad> busiestCpu() {
    return summary().flatMap(s -> s.perCpu().stream().max(Comparator.comparingDouble(CpuLoad::busyPercent)));
  }

  /** A builder. */
  public static ImmutableMpstatReport.Builder builder() {
    return ImmutableMpstatReport.builder();
  }
}
