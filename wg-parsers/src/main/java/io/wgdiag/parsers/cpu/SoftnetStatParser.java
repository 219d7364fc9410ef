package io.wgdiag.parsers.cpu;

import io.wgdiag.model.cpu.ImmutableSoftnetRow;
import io.wgdiag.model.cpu.ImmutableSoftnetStat;
import io.wgdiag.model.cpu.SoftnetRow;
import io.wgdiag.model.cpu.SoftnetStat;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code /proc/net/softnet_stat}: one row per CPU of 8-digit hex columns; 9 to 15 columns by
 * kernel version (the 15th, on current kernels, is the CPU number).
 *
 * <pre>{@code
 * 0001a2b3 00000000 0000002a 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
 * }</pre>
 */
public final class SoftnetStatParser extends LineParser<SoftnetStat> {

  /** Creates the parser. */
  public SoftnetStatParser() {
    super("proc-softnet-stat", SoftnetStat.class);
  }

  @Override
  protected Session<SoftnetStat> newSession() {
    ImmutableSoftnetStat.Builder b = SoftnetStat.builder();
    return new Session<>() {
      int index;
      /** One column list and one row builder for the parse. */
      final List<Long> cols = new ArrayList<>(16);
      final ImmutableSoftnetRow.Builder row = SoftnetRow.builder();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // hex columns read where they stand: no string per column
        cols.clear();
        String src = line.source();
        int base = line.lineStart();
        int end = line.lineEnd();
        while (!line.atEnd()) {
          int at = base + line.position();
          int to = Fields.wordEnd(src, at, end);
          if (to - at > 16) {
            throw line.errorAt(at - base, "expected a hex column, found '" + src.substring(at, to) + "'");
          }
          long v = 0;
          for (int i = at; i < to; i++) {
            int d = Character.digit(src.charAt(i), 16);
            if (d < 0) {
              if (cols.isEmpty()) {
                return false;
              }
              throw line.errorAt(at - base, "expected a hex column, found '" + src.substring(at, to) + "'");
            }
            v = (v << 4) | d;
          }
          cols.add(v);
          line.position(to - base);
        }
        if (cols.size() < 3) {
          throw line.errorAt(0, "expected at least 3 hex columns (processed, dropped, time_squeeze), found " + cols.size());
        }
        int cpu = cols.size() >= 15 ? (int) (long) cols.get(14) : index;
        ImmutableSoftnetRow.Builder r = row.clear().cpu(cpu).addAllColumns(cols).line(line.lineNumber());
        b.addRow(r.build());
        index++;
        return true;
      }

      @Override
      public SoftnetStat finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
