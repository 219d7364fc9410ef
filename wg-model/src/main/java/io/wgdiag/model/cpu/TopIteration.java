package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One screen of {@code top -b}: the summary lines and the process table.
 *
 * <pre>{@code
 * top - 01:20:11 up 16 days, 3:12, 1 user, load average: 3.21, 2.88, 2.44
 * Tasks: 213 total, 2 running, 211 sleeping, 0 stopped, 0 zombie
 * %Cpu(s): 18.2 us, 0.0 ni, 27.6 sy, 0.0 id, 0.0 wa, 0.0 hi, 54.2 si, 0.0 st
 * MiB Mem : 16000.0 total, 2200.0 free, 4100.0 used, 9700.0 buff/cache
 * }</pre>
 */
@Value.Immutable
public abstract class TopIteration {

  /** The clock time of the {@code top -} line. */
  public abstract Optional<String> time();

  /** The 1-minute load average: runnable and uninterruptible tasks, averaged. */
  public abstract OptionalDouble load1();

  /** The 5-minute load average: runnable and uninterruptible tasks, averaged. */
  public abstract OptionalDouble load5();

  /** The 15-minute load average: runnable and uninterruptible tasks, averaged. */
  public abstract OptionalDouble load15();

  /** The {@code Tasks:} counts by state ({@code total}, {@code running}, {@code sleeping}, ...). */
  public abstract ImmutableMap<String, Long> tasks();

  /**
   * CPU time shares in percent by top's abbreviation, for {@code %Cpu(s)} under the key {@code
   * all} and for each {@code %CpuN} line under {@code N}: {@code us}, {@code sy}, {@code ni},
   * {@code id}, {@code wa}, {@code hi}, {@code si}, {@code st}.
   */
  public abstract ImmutableMap<String, ImmutableMap<String, Double>> cpu();

  /** The memory unit of the {@code Mem}/{@code Swap} lines: KiB, MiB, GiB, ... */
  public abstract Optional<String> memoryUnit();

  /** {@code Mem} and {@code Swap} figures in {@link #memoryUnit()}: keys such as {@code Mem total}, {@code Swap free}, {@code avail Mem}. */
  public abstract ImmutableMap<String, Double> memory();

  /** The processes, in printed order. */
  public abstract ImmutableList<TopProcess> processes();

  /** A share of the all-CPU line, in percent ({@code si} = softirq). */
  public OptionalDouble allCpu(String key) {
    ImmutableMap<String, Double> all = cpu().get("all");
    Double v = all == null ? null : all.get(key);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** A builder. */
  public static ImmutableTopIteration.Builder builder() {
    return ImmutableTopIteration.builder();
  }
}
