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
  @Value.Parameter
  public abstract String cpu();

  /** %usr (very old sysstat: %user), percent. */
  public OptionalDouble usrPercent() {
    return present(usr());
  }

  /** {@link #usrPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double usr();

  /** %nice, percent. */
  public OptionalDouble nicePercent() {
    return present(nice());
  }

  /** {@link #nicePercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double nice();

  /** %sys (old: %system), percent. */
  public OptionalDouble sysPercent() {
    return present(sys());
  }

  /** {@link #sysPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double sys();

  /** %iowait, percent. */
  public OptionalDouble iowaitPercent() {
    return present(iowait());
  }

  /** {@link #iowaitPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double iowait();

  /** %irq (hard interrupts), percent. */
  public OptionalDouble irqPercent() {
    return present(irq());
  }

  /** {@link #irqPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double irq();

  /** %soft (softirq: network receive processing shows here), percent. */
  public OptionalDouble softPercent() {
    return present(soft());
  }

  /** {@link #softPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double soft();

  /** %steal (time the hypervisor gave to others), percent. */
  public OptionalDouble stealPercent() {
    return present(steal());
  }

  /** {@link #stealPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double steal();

  /** %guest, percent. */
  public OptionalDouble guestPercent() {
    return present(guest());
  }

  /** {@link #guestPercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double guest();

  /** %gnice, percent. */
  public OptionalDouble gnicePercent() {
    return present(gnice());
  }

  /** {@link #gnicePercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double gnice();

  /** %idle, percent. */
  public OptionalDouble idlePercent() {
    return present(idle());
  }

  /** {@link #idlePercent()} as stored: NaN when this sysstat did not print the column. */
  @Value.Parameter
  abstract double idle();

  /**
   * Busy time: 100 − %idle, percent (0 when %idle is absent), to a millionth of a percent, so the
   * subtraction's binary noise does not show ({@code 100 − 80.7} is 19.3, not 19.299999999999997).
   */
  @Value.Derived
  public double busyPercent() {
    return Double.isNaN(idle()) ? 0 : Math.max(0, Math.round((100 - idle()) * 1e6) / 1e6);
  }

  /** Whether this row is the all-CPU aggregate. */
  public boolean isAll() {
    return cpu().equals("all");
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  private static OptionalDouble present(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * A row from its figures, percent, in mpstat's column order: {@code percents[0..9]} are {@code
   * %usr %nice %sys %iowait %irq %soft %steal %guest %gnice %idle}, NaN for a column not printed.
   * The figures are held as primitives, not as boxed optionals: a 256-CPU sample is 257 rows per
   * interval.
   *
   * @param cpu {@code all} or the CPU number
   * @param percents the ten columns, percent (copied)
   * @param line the 1-based input line the row came from
   * @throws IllegalArgumentException if {@code percents} does not hold ten columns
   */
  public static CpuLoad ofColumns(String cpu, double[] percents, int line) {
    if (percents.length != 10) {
      throw new IllegalArgumentException("mpstat has 10 percent columns, got " + percents.length);
    }
    double[] p = percents;
    return ImmutableCpuLoad.of(cpu, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], line);
  }

  /** A builder. */
  public static ImmutableCpuLoad.Builder builder() {
    return ImmutableCpuLoad.builder();
  }
}
