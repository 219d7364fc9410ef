package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * A table of {@code mpstat -A} other than CPU utilisation: interrupts per second ({@code intr/s}),
 * per-IRQ rates ({@code 0/s 1/s ...}) or softirq rates ({@code NET_RX/s ...}), kept generically.
 */
@Value.Immutable
public abstract class MpstatTable {

  /** The column names after {@code CPU}, as printed. */
  public abstract ImmutableList<String> columns();

  /** The rows: time, cpu, then one value per column (per second). */
  public abstract ImmutableList<Row> rows();

  /** One row of a table. */
  @Value.Immutable
  public abstract static class Row {
    /** The time as printed. */
    public abstract String time();

    /** {@code all} or the CPU number. */
    public abstract String cpu();

    /** The values, one per column, per second. */
    public abstract ImmutableList<Double> values();
  }

  /** A builder. */
  public static ImmutableMpstatTable.Builder builder() {
    return ImmutableMpstatTable.builder();
  }
}
