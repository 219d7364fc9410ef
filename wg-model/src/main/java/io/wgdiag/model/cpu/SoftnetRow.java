package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * One CPU's row of {@code /proc/net/softnet_stat} (hex columns): processed, dropped, time_squeeze,
 * ..., cpu_collision, received_rps, flow_limit_count, and on newer kernels backlog length and CPU.
 */
@Value.Immutable
public abstract class SoftnetRow {

  /** The CPU: the last column where the kernel prints it (15-column layout), else the row index. */
  public abstract int cpu();

  /** Every column as a number, in printed order. */
  public abstract ImmutableList<Long> columns();

  /** Packets processed (column 1). */
  public long processed() {
    return columns().get(0);
  }

  /** Packets dropped because the backlog queue was full (column 2). */
  public long dropped() {
    return columns().size() > 1 ? columns().get(1) : 0;
  }

  /** Times net_rx_action ran out of budget or time with work left (column 3). */
  public long timeSqueeze() {
    return columns().size() > 2 ? columns().get(2) : 0;
  }

  /** Packets received through RPS (column 10), 0 if not printed. */
  public long receivedRps() {
    return columns().size() > 9 ? columns().get(9) : 0;
  }

  /** Flow-limit drops (column 11), 0 if not printed. */
  public long flowLimitCount() {
    return columns().size() > 10 ? columns().get(10) : 0;
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableSoftnetRow.Builder builder() {
    return ImmutableSoftnetRow.builder();
  }
}
