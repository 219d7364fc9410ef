package io.wgdiag.parsers.netfilter;

import io.wgdiag.model.netfilter.ConntrackCpu;
import io.wgdiag.model.netfilter.ConntrackStats;
import io.wgdiag.model.netfilter.ImmutableConntrackCpu;
import io.wgdiag.model.netfilter.ImmutableConntrackStats;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

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
          line.rest(); // "conntrack v1.4.7 (conntrack-tools): N flow entries have been shown."
          return true;
        }
        if (!line.tryConsume("cpu=")) {
          return false;
        }
        ImmutableConntrackCpu.Builder c = ConntrackCpu.builder().line(line.lineNumber());
        c.cpu((int) Math.min(Integer.MAX_VALUE, line.number("the CPU number")));
        // key=value pairs read in place: the key comes from the shared token cache, the value is
        // read where it stands (positions in line.source())
        String t = line.source();
        int base = line.lineStart();
        int limit = line.lineEnd();
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
          c.putCounter(line.token(at, eq), value);
          line.position(end - base);
        }
        b.addCpu(c.build());
        return true;
      }

      @Override
      public ConntrackStats finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
