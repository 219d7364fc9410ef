package io.wgdiag.model.cpu;

import com.google.common.primitives.ImmutableLongArray;
import org.immutables.value.Value;

/** One row of {@code /proc/interrupts}: {@code 24: 8123456 0 ... PCI-MSI 327680-edge virtio0-input.0}. */
@Value.Immutable
public abstract class IrqRow {

  /** The IRQ: a number ({@code 24}) or a name ({@code LOC}, {@code NMI}, {@code ERR}). */
  public abstract String irq();

  /** The interrupt count per CPU, in CPU order (one value for ERR and MIS). */
  public abstract ImmutableLongArray counts();

  /** The text after the counts: controller, hwirq and device names ({@code PCI-MSI 327680-edge virtio0-input.0}). */
  public abstract String description();

  /** The sum over CPUs. */
  @Value.Derived
  public long total() {
    long t = 0;
    for (int i = 0; i < counts().length(); i++) {
      long c = counts().get(i);
      t += c;
    }
    return t;
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableIrqRow.Builder builder() {
    return ImmutableIrqRow.builder();
  }
}
