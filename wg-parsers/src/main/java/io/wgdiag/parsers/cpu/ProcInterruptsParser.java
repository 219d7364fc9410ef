package io.wgdiag.parsers.cpu;

import io.wgdiag.model.cpu.ImmutableIrqRow;
import io.wgdiag.model.cpu.ImmutableProcInterrupts;
import io.wgdiag.model.cpu.IrqRow;
import io.wgdiag.model.cpu.ProcInterrupts;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code /proc/interrupts}: the {@code CPU0 CPU1 ...} header, then {@code IRQ:} rows with one
 * count per CPU followed by free text (controller, hwirq, device names with spaces and commas).
 * {@code ERR} and {@code MIS} carry one number. A filtered copy without the header takes its CPU
 * count from the first row.
 */
public final class ProcInterruptsParser extends LineParser<ProcInterrupts> {

  /** Creates the parser. */
  public ProcInterruptsParser() {
    super("proc-interrupts", ProcInterrupts.class);
  }

  @Override
  protected Session<ProcInterrupts> newSession() {
    ImmutableProcInterrupts.Builder b = ProcInterrupts.builder();
    return new Session<>() {
      int cpus = -1;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // the header; rows start with their label, a number or a name such as NMI or CAL: the first
        // character rules out nearly every row before the comparison, which cost each row 5 ns
        if (line.peek() == 'C' && line.lookingAt("CPU")) {
          int n = 0;
          while (!line.atEnd()) {
            String w = line.word();
            if (!w.startsWith("CPU")) {
              throw line.errorAt(line.position() - w.length(), "expected CPUn in the header, found '" + w + "'");
            }
            n++;
          }
          cpus = n;
          return true;
        }
        String irq = line.smallNumberBefore(':'); // most rows' label ("24:"), read in place
        int named = -1; // a row IrqNames lists (NMI, LOC, ...), its label and description shared
        if (irq == null) {
          named = namedRow(line);
          if (named >= 0) {
            irq = IrqNames.label(named);
          } else {
            irq = line.until(':');
            if (!line.tryConsume(":") || irq.isEmpty() || irq.indexOf(' ') >= 0) {
              return false;
            }
          }
        }
        ImmutableIrqRow.Builder r = IrqRow.builder().irq(irq).line(line.lineNumber());
        // One pass over the counts, each a whole word of digits: a description may start with a
        // digit ("327680-edge"), which ends the counts.
        com.google.common.primitives.ImmutableLongArray.Builder counts =
            com.google.common.primitives.ImmutableLongArray.builder(cpus > 0 ? cpus : 16);
        // read in place: positions are in line.source(), base turns them into columns
        String t = line.source();
        int base = line.lineStart();
        int len = line.lineEnd();
        int i = base + line.position();
        int n = 0;
        while (cpus < 0 || n < cpus) {
          while (i < len && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
          }
          int start = i;
          long v = 0;
          while (i < len) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) {
              break;
            }
            v = v * 10 + d;
            i++;
          }
          if (i == start || (i < len && t.charAt(i) != ' ' && t.charAt(i) != '\t')) {
            i = start;
            break;
          }
          if (i - start > 18) { // may not fit a long: let the checked reader say so
            line.position(start - base);
            v = line.number("an interrupt count");
          }
          counts.add(v);
          n++;
        }
        line.position(i - base);
        r.counts(counts.build());
        // ARM's FIQ row names the FIQ's owner and has no count (arch/arm/kernel/fiq.c show_fiq_list)
        if (n == 0 && !irq.equals("FIQ")) {
          throw line.error("interrupt counts after '" + irq + ":'");
        }
        // x86 prints ERR and MIS, ARM prints Err (arch/arm/kernel/irq.c): one count, no description
        boolean single = n <= 1 && (irq.equalsIgnoreCase("ERR") || irq.equals("MIS")) || n == 0;
        if (!single) {
          if (cpus < 0) {
            cpus = n;
          } else if (n != cpus) {
            throw line.error(cpus + " counts (one per CPU), found " + n + " then");
          }
        }
        @Nullable String description = null;
        if (named >= 0) {
          int from = line.restStart();
          description = IrqNames.description(named, t, from, Fields.trimEnd(t, from, len));
        }
        if (description != null) {
          line.skipRest();
        } else {
          description = line.rest();
        }
        r.description(description);
        b.addRow(r.build());
        return true;
      }

      /**
       * The {@link IrqNames} row whose label stands at the cursor (after blanks) followed by ':',
       * which it then consumes; -1, consuming nothing, for any other text.
       */
      private int namedRow(LineCursor line) {
        String t = line.source();
        int base = line.lineStart();
        int len = line.lineEnd();
        int start = base + line.position();
        int i = start;
        while (i < len && i - start < 4 && t.charAt(i) != ':') {
          i++;
        }
        if (i == start || i >= len || t.charAt(i) != ':') {
          return -1;
        }
        int row = IrqNames.find(t, start, i);
        if (row >= 0) {
          line.position(i + 1 - base);
        }
        return row;
      }

      @Override
      public ProcInterrupts finish(int lines, boolean strict) {
        return b.cpuCount(Math.max(cpus, 0)).build();
      }
    };
  }
}
