package io.wgdiag.parsers.cpu;

import io.wgdiag.parsers.text.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The named rows of x86's {@code /proc/interrupts} ({@code arch_show_interrupts} in {@code
 * arch/x86/kernel/irq.c}, Linux 2.6 to 6.18): each label and the description the kernel prints
 * after its counts, kept once. A row's label is looked up where it stands and its description
 * compared with the one expected for that label, so a known row costs neither string, and every
 * parse's model shares the same ones. A label not listed, or a description other than the expected
 * one, is read as a new string.
 */
final class IrqNames {
  private IrqNames() {}

  /** Pairs of a label and its description; "" where the row has none ({@code ERR}, {@code MIS}). */
  private static final String[] ROWS = {
    "NMI", "Non-maskable interrupts",
    "LOC", "Local timer interrupts",
    "SPU", "Spurious interrupts",
    "PMI", "Performance monitoring interrupts",
    "IWI", "IRQ work interrupts",
    "RTR", "APIC ICR read retries",
    "PLT", "Platform interrupts",
    "RES", "Rescheduling interrupts",
    "CAL", "Function call interrupts",
    "TLB", "TLB shootdowns",
    "TRM", "Thermal event interrupts",
    "THR", "Threshold APIC interrupts",
    "DFR", "Deferred Error APIC interrupts",
    "MCE", "Machine check exceptions",
    "MCP", "Machine check polls",
    "HYP", "Hypervisor callback interrupts",
    "HRE", "Hyper-V reenlightenment interrupts",
    "HVS", "Hyper-V stimer0 interrupts",
    "PIN", "Posted-interrupt notification event",
    "NPI", "Nested posted-interrupt event",
    "PIW", "Posted-interrupt wakeup event",
    "PMN", "Posted MSI notification event",
    "ERR", "",
    "MIS", "",
  };

  /** Open addressing, at most an eighth full, of indexes into {@link #ROWS} plus one (0: empty). */
  private static final int[] TABLE = new int[Integer.highestOneBit(ROWS.length / 2 * 8)];

  private static final int MASK = TABLE.length - 1;

  static {
    for (int r = 0; r < ROWS.length; r += 2) {
      String label = ROWS[r];
      int i = hash(label, 0, label.length()) & MASK;
      while (TABLE[i] != 0) {
        if (ROWS[TABLE[i] - 1].equals(label)) {
          throw new ExceptionInInitializerError("interrupt label listed twice: " + label);
        }
        i = (i + 1) & MASK;
      }
      TABLE[i] = r + 1;
    }
  }

  /**
   * The row whose label is {@code [from, to)} of {@code text}, as a handle for {@link #label} and
   * {@link #description}; -1 if the label is not listed.
   */
  static int find(String text, int from, int to) {
    int len = to - from;
    for (int i = hash(text, from, to) & MASK; ; i = (i + 1) & MASK) {
      int r = TABLE[i] - 1;
      if (r < 0) {
        return -1;
      }
      String label = ROWS[r];
      if (label.length() == len && Fields.holds(text, from, label)) {
        return r;
      }
    }
  }

  /** The label of a row {@link #find} returned. */
  static String label(int row) {
    return ROWS[row];
  }

  /**
   * The description listed for {@code row} if {@code [from, to)} of {@code text} is exactly it;
   * null otherwise (and for a row listed without one).
   */
  static @Nullable String description(int row, String text, int from, int to) {
    String d = ROWS[row + 1];
    return !d.isEmpty() && d.length() == to - from && Fields.holds(text, from, d) ? d : null;
  }

  /** {@link Fields#sampledHash} of {@code [from, to)} of {@code s}, its high bits spread into the low. */
  private static int hash(String s, int from, int to) {
    int h = Fields.sampledHash(s, from, to);
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  /** How many rows are listed (for tests). */
  static int size() {
    return ROWS.length / 2;
  }
}
