package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import org.immutables.value.Value;

/**
 * {@code /proc/interrupts}: a count per CPU for each interrupt source. Filtered copies ({@code grep
 * eth0 /proc/interrupts}) lack the {@code CPU0 CPU1 ...} header; the CPU count is then taken from
 * the rows.
 */
@Value.Immutable
public abstract class ProcInterrupts {

  /** The number of CPU columns. */
  public abstract int cpuCount();

  /** The rows, in printed order. */
  public abstract ImmutableList<IrqRow> rows();

  /** Rows whose description mentions {@code device} ({@code eth0}, {@code virtio0}, {@code wg0}). */
  public ImmutableList<IrqRow> rowsMatching(String device) {
    return rows().stream().filter(r -> r.description().contains(device)).collect(ImmutableList.toImmutableList());
  }

  /** Numbered (device) rows only, without the named architecture rows (LOC, NMI, ...). */
  @View
  public ImmutableList<IrqRow> deviceRows() {
    return rows().stream().filter(r -> !r.irq().isEmpty() && Character.isDigit(r.irq().charAt(0)))
        .collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableProcInterrupts.Builder builder() {
    return ImmutableProcInterrupts.builder();
  }
}
