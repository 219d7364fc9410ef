package io.wgdiag.parsers.netfilter;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import io.wgdiag.model.netfilter.ConntrackCpu;
import io.wgdiag.model.netfilter.ConntrackStats;
import io.wgdiag.model.netfilter.ImmutableConntrackStats;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code conntrack -S}: one {@code cpu=N key=value ...} row per CPU, every key kept (each
 * conntrack-tools version prints its own set); also {@code conntrack -C} and {@code cat
 * /proc/sys/net/netfilter/nf_conntrack_count}: a single number.
 *
 * <pre>{@code
 * cpu=0   	found=912345 invalid=12 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=120
 * }</pre>
 */
public final class ConntrackStatsParser extends LineParser<ConntrackStats> {

  /** Creates the parser. */
  public ConntrackStatsParser() {
    super("conntrack-stats", ConntrackStats.class);
  }

  @Override
  protected Session<ConntrackStats> newSession() {
    ImmutableConntrackStats.Builder b = ConntrackStats.builder();
    return new Session<>() {
      /** The current row's counter names, and the last distinct list of them. */
      final List<String> names = new ArrayList<>();
      ImmutableList<String> previous = ImmutableList.of();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.atDigit()) {
          b.entries(line.number("the entry count"));
          if (!line.atEnd()) {
            throw line.error("end of line after the entry count");
          }
          return true;
        }
        if (line.lookingAt("conntrack v")) {
          line.skipRest(); // "conntrack v1.4.7 (conntrack-tools): N flow entries have been shown."
          return true;
        }
        if (!line.tryConsume("cpu=")) {
          return false;
        }
        int cpu = (int) Math.min(Integer.MAX_VALUE, line.number("the CPU number"));
        names.clear();
        // key=value pairs read in place: the key is the previous row's string for the same name, or
        // comes from the shared token cache; the value is read where it stands (positions in line.source())
        String t = line.source();
        int base = line.lineStart();
        int limit = line.lineEnd();
        // an array of exactly the row's size, which build() keeps: the row before's size (rows print
        // the same counters), or for the first row one value per word
        ImmutableLongArray.Builder values = ImmutableLongArray.builder(
            previous.isEmpty() ? Fields.countFields(t, base + line.position(), limit) : previous.size());
        while (!line.atEnd()) {
          int at = base + line.position();
          int end = Fields.wordEnd(t, at, limit);
          int eq = Fields.indexOf(t, '=', at, end);
          if (eq <= at) {
            throw line.errorAt(at - base, "expected key=value, found '" + t.substring(at, end) + "'");
          }
          long value = Fields.digits(t, eq + 1, end);
          if (value < 0) {
            throw line.errorAt(eq + 1 - base, "expected a number after '" + t.substring(at, eq + 1) + "', found '"
                + t.substring(eq + 1, end) + "'");
          }
          int k = names.size();
          String known = k < previous.size() ? previous.get(k) : "";
          names.add(known.length() == eq - at && t.startsWith(known, at) ? known : line.token(at, eq));
          values.add(value);
          line.position(end - base);
        }
        b.addCpu(ConntrackCpu.of(cpu, rowNames(line), values.build(), line.lineNumber()));
        return true;
      }

      /** This row's names, as the previous row's list when they are the same (the usual case). */
      private ImmutableList<String> rowNames(LineCursor line) throws ParseException {
        if (!names.equals(previous)) {
          String twice = Names.firstRepeated(names);
          if (twice != null) {
            throw line.errorAt(0, "'" + twice + "=' twice for one CPU");
          }
          previous = ImmutableList.copyOf(names);
        }
        return previous;
      }

      @Override
      public ConntrackStats finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
