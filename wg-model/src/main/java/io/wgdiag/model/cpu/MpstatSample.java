package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import java.util.Optional;
import org.immutables.value.Value;

/** One interval of {@code mpstat -P ALL}: its time and a row per CPU (and {@code all}). */
@Value.Immutable
public abstract class MpstatSample {

  /** The time as printed ({@code 12:10:02 AM}, {@code 15:04:05}), or {@code Average:} for the average block. */
  public abstract String time();

  /** The rows, {@code all} first as printed. */
  public abstract ImmutableList<CpuLoad> cpus();

  /** The {@code all} row, if printed. */
  @View
  public Optional<CpuLoad> all() {
    return cpus().stream().filter(CpuLoad::isAll).findFirst();
  }

  /** The per-CPU rows (without {@code all}). */
  @View
  public ImmutableList<CpuLoad> perCpu() {
    return cpus().stream().filter(c -> !c.isAll()).collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableMpstatSample.Builder builder() {
    return ImmutableMpstatSample.builder();
  }
}
