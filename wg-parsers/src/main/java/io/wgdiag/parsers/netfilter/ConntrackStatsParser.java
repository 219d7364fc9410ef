package io.wgdiag.parsers.netfilter;

import io.wgdiag.model.netfilter.ConntrackCpu;
import io.wgdiag.model.netfilter.ConntrackStats;
import io.wgdiag.model.netfilter.ImmutableConntrackCpu;
import io.wgdiag.model.netfilter.ImmutableConntrackStats;
import io.wgdiag.parsers.ParseException;
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
        while (!line.atEnd()) {
          int at = line.position();
          String w = line.word();
          int eq = w.indexOf('=');
          if (eq <= 0) {
            throw line.errorAt(at, "expected key=value, found '" + w + "'");
          }
          LineCursor v = LineCursor.of(w.substring(eq + 1), line.lineNumber());
          long value;
          try {
            value = v.number("a counter");
          } catch (ParseException e) {
            throw line.errorAt(at + eq + 1, "expected a number after '" + w.substring(0, eq + 1) + "', found '" + w.substring(eq + 1) + "'");
          }
          if (!v.atEnd()) {
            throw line.errorAt(at + eq + 1, "expected a number after '" + w.substring(0, eq + 1) + "', found '" + w.substring(eq + 1) + "'");
          }
          c.putCounter(w.substring(0, eq), value);
        }
        b.addCpus(c.build());
        return true;
      }

      @Override
      public ConntrackStats finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
