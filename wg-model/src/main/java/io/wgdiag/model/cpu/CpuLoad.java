package io.wgdiag.model.cpu;

import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One CPU's utilisation in one mpstat sample, in percent of that CPU's time: {@code 12:10:02 AM 0
 * 12.0 0.0 10.1 0.0 0.0 62.3 0.0 15.6}. Columns a sysstat version does not print are absent.
 */
@Value.Immutable
public abstract class CpuLoad {

  /** {@code all} or the CPU number. */
  public abstract String cpu();

  /** %usr (very old sysstat: %user), percent. */
  public abstract OptionalDouble usrPercent();

  /** %nice, percent. */
  public abstract OptionalDouble nicePercent();

  /** %sys (old: %system), percent. */
  public abstract OptionalDouble sysPercent();

  /** %iowait, percent. */
  public abstract OptionalDouble iowaitPercent();

  /** %irq (hard interrupts), percent. */
  public abstract OptionalDouble irqPercent();

  /** %soft (softirq: network receive processing shows here), percent. */
  public abstract OptionalDouble softPercent();

  /** %steal (time the hypervisor gave to others), percent. */
  public abstract OptionalDouble stealPercent();

  /** %guest, percent. */
  public abstract OptionalDouble guestPercent();

  /** %gnice, percent. */
  public abstract OptionalDouble gnicePercent();

  /** %idle, percent. */
  public abstract OptionalDouble idlePercent();

  /**
   * Busy time: 100 − %idle, percent (0 when %idle is absent), to a millionth of a percent, so the
   * subtraction's binary noise does not show ({@code 100 − 80.7} is 19.3, not 19.299999999999997).
   */
  @Value.Derived
  public double busyPercent() {
    return idlePercent().isPresent() ? Math.max(0, Math.round((100 - idlePercent().getAsDouble()) * 1e6) / 1e6) : 0;
  }

  /** Whether this row is the all-CPU aggregate. */
  public boolean isAll() {
    return cpu().equals("all");
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableCpuLoad.Builder builder() {
    return ImmutableCpuLoad.builder();
  }
}
