package io.wgdiag.parsers.cpu;

import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.ImmutableMpstatReport;
import io.wgdiag.model.cpu.ImmutableMpstatSample;
import io.wgdiag.model.cpu.ImmutableMpstatTable;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.MpstatSample;
import io.wgdiag.model.cpu.MpstatTable;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code mpstat -P ALL [interval count]} and {@code mpstat -A} (sysstat), any version: the
 * columns are read from each header row ({@code %usr} or old {@code %user}, with or without {@code
 * %guest}/{@code %gnice}), the time is 24-hour ({@code 15:04:05}) or 12-hour ({@code 03:04:05 PM}),
 * and decimal commas from non-C locales are accepted.
 */
public final class MpstatParser extends LineParser<MpstatReport> {

  /** Whether utilisation rows may be read in one pass, without the field splitter; off only for a test. */
  private final boolean onePassRows;

  /** Creates the parser. */
  public MpstatParser() {
    this(true);
  }

  /** A parser that reads every row through the field splitter, to check the one-pass reading against. */
  MpstatParser(boolean onePassRows) {
    super("mpstat", MpstatReport.class);
    this.onePassRows = onePassRows;
  }

  /**
   * {@code mpstat -o JSON}: {@code sysstat.hosts[].statistics[].cpu-load[]} into the same samples
   * (the JSON form prints no Average block).
   */
  @Override
  protected JsonForm<MpstatReport> jsonForm() {
    return (p, diagnostics, strict) -> {
      p.nextToken();
      Object tree = io.wgdiag.parsers.text.JsonSupport.tree(p);
      java.util.Map<?, ?> root = tree instanceof java.util.Map<?, ?> m ? m : java.util.Map.of();
      java.util.Map<?, ?> sysstat = root.get("sysstat") instanceof java.util.Map<?, ?> m ? m : null;
      if (sysstat == null || !(sysstat.get("hosts") instanceof List<?> hosts) || hosts.isEmpty()
          || !(hosts.get(0) instanceof java.util.Map<?, ?> host)) {
        throw io.wgdiag.parsers.text.JsonSupport.error(p, "a sysstat JSON document with hosts");
      }
      ImmutableMpstatReport.Builder r = MpstatReport.builder();
      if (host.get("nodename") instanceof String n) {
        r.host(n);
      }
      if (host.get("number-of-cpus") instanceof Long n) {
        r.cpuCount((int) (long) n);
      }
      for (Object st : host.get("statistics") instanceof List<?> l ? l : List.of()) {
        if (!(st instanceof java.util.Map<?, ?> stat) || !(stat.get("cpu-load") instanceof List<?> loads)) {
          continue;
        }
        ImmutableMpstatSample.Builder sample = MpstatSample.builder().time(String.valueOf(stat.get("timestamp")));
        for (Object lo : loads) {
          if (lo instanceof java.util.Map<?, ?> load) {
            double[] pc = unprinted();
            for (java.util.Map.Entry<?, ?> e : load.entrySet()) {
              if (e.getValue() instanceof Number v) {
                set(pc, code("%" + e.getKey()), v.doubleValue());
              }
            }
            sample.addCpu(CpuLoad.ofColumns(String.valueOf(load.get("cpu")), pc, 0));
          }
        }
        r.addSample(sample.build());
      }
      return r.build();
    };
  }

  @Override
  protected Session<MpstatReport> newSession() {
    ImmutableMpstatReport.Builder report = MpstatReport.builder();
    return new Session<>() {
      @Nullable List<String> columns;
      int[] codes = new int[0];
      final Fields fields = new Fields();
      boolean utilisation;
      String currentTime = "";
      double[] values = new double[0];
      /** One row's utilisation figures, reused from row to row. */
      final double[] percents = new double[10];
      ImmutableMpstatSample.@Nullable Builder sample;
      ImmutableMpstatTable.@Nullable Builder table;
      final List<MpstatTable> tables = new ArrayList<>();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("Linux ")) {
          firstLine(report, line.text());
          line.skipRest();
          return true;
        }
        if (onePassRows && utilisation && sample != null && rowInOnePass(line)) {
          return true;
        }
        Fields f = fields.split(line); // positions in line.source()
        int timeTokens = f.count() > 1 && (f.is(1, "AM") || f.is(1, "PM")) ? 2 : 1;
        if (f.count() <= timeTokens) {
          return false;
        }
        boolean average = f.is(0, "Average:");
        if (!average && !isTime(line.source(), f.start(0), f.end(0))) {
          return false;
        }
        int restFrom = timeTokens;
        if (f.is(restFrom, "CPU") || f.is(restFrom, "NODE")) {
          String time = timeText(line.source(), f, timeTokens);
          closeSample();
          closeTable();
          List<String> cols = new ArrayList<>();
          for (int i = restFrom + 1; i < f.count(); i++) {
            cols.add(line.token(f.start(i), f.end(i))); // %usr, %idle, ...: known words, shared
          }
          columns = cols;
          codes = new int[cols.size()];
          for (int i = 0; i < codes.length; i++) {
            codes[i] = code(cols.get(i));
          }
          utilisation = f.is(restFrom, "CPU") && cols.contains("%idle");
          currentTime = time;
          if (utilisation) {
            sample = MpstatSample.builder().time(time);
          } else {
            table = MpstatTable.builder().addAllColumns(cols);
          }
          return true;
        }
        List<String> cols = columns;
        if (cols == null) {
          throw line.errorAt(0, "expected a header row (… CPU %usr …) before this data row");
        }
        int restSize = f.count() - restFrom;
        if (restSize != cols.size() + 1) {
          throw line.errorAt(0, "expected " + (cols.size() + 1) + " values after the time (CPU and "
              + cols.size() + " columns), found " + restSize);
        }
        if (!sameTime(line.source(), f.start(0), f.end(timeTokens - 1))) {
          // a new sample under the same header (sysstat prints a header per interval, but be lenient)
          closeSample();
          currentTime = timeText(line.source(), f, timeTokens);
          if (utilisation) {
            sample = MpstatSample.builder().time(currentTime);
          }
        }
        String time = currentTime;
        String cpu = f.is(restFrom, "all") ? "all" : line.token(f.start(restFrom), f.end(restFrom));
        if (values.length != cols.size()) {
          values = new double[cols.size()];
        }
        for (int i = 0; i < cols.size(); i++) {
          values[i] = number(line, f, restFrom + 1 + i);
        }
        if (utilisation) {
          java.util.Arrays.fill(percents, Double.NaN);
          for (int i = 0; i < cols.size(); i++) {
            set(percents, codes[i], values[i]);
          }
          ImmutableMpstatSample.Builder s = sample;
          if (s == null) {
            throw line.errorAt(0, "expected a header row before this data row");
          }
          s.addCpu(CpuLoad.ofColumns(cpu, percents, line.lineNumber()));
        } else {
          ImmutableMpstatTable.Builder t = table;
          if (t == null) {
            throw line.errorAt(0, "expected a header row before this data row");
          }
          List<Double> vs = new ArrayList<>();
          for (double v : values) {
            vs.add(v);
          }
          t.addRow(io.wgdiag.model.cpu.ImmutableRow.builder().time(time).cpu(cpu).values(vs).build());
        }
        line.skipRest();
        return true;
      }

      /**
       * Reads a utilisation row of the current sample in one pass: the time (the sample's own),
       * the CPU and one number per column, each field followed by spaces or the end of the line,
       * numbers read where they stand. Any other row (a header, a new time, a tab or another
       * blank, a field that is not a number, too few or too many fields) reads nothing and is
       * left to the field splitter below, so what a row gives, or the error it fails with, is
       * the same either way; a property test holds the two readings to each other.
       */
      private boolean rowInOnePass(LineCursor line) {
        List<String> cols = columns;
        ImmutableMpstatSample.Builder s = sample;
        if (cols == null || s == null) {
          return false;
        }
        String src = line.source();
        int base = line.lineStart();
        int end = line.lineEnd();
        int t = spaces(src, base, end);
        int p = field(src, t, end);
        if (!(p - t == 8 && src.startsWith("Average:", t)) && !isTime(src, t, p)) {
          return false;
        }
        int timeEnd = p;
        int c = spaces(src, p, end);
        int q = field(src, c, end);
        if (q - c == 2 && (src.startsWith("AM", c) || src.startsWith("PM", c))) {
          timeEnd = q;
          c = spaces(src, q, end);
          q = field(src, c, end);
        }
        if (!sameTime(src, t, timeEnd) || c == q || !plain(src, c, q)
            || (q - c == 3 && src.startsWith("CPU", c)) || (q - c == 4 && src.startsWith("NODE", c))) {
          return false;
        }
        int n = cols.size();
        if (values.length != n) {
          values = new double[n];
        }
        int at = spaces(src, q, end);
        for (int i = 0; i < n; i++) {
          if (at == end || !plain(src, at, at + 1)) { // a number must start here: decimal() would skip a tab
            return false;
          }
          line.position(at - base);
          double v;
          try {
            v = line.decimal("a number", true);
          } catch (ParseException e) {
            return false;
          }
          int after = base + line.position();
          if (after < end && src.charAt(after) != ' ') {
            return false;
          }
          values[i] = v;
          at = spaces(src, after, end);
        }
        if (at != end) {
          return false;
        }
        String cpu = q - c == 3 && src.startsWith("all", c) ? "all" : line.token(c, q);
        java.util.Arrays.fill(percents, Double.NaN);
        for (int i = 0; i < n; i++) {
          set(percents, codes[i], values[i]);
        }
        s.addCpu(CpuLoad.ofColumns(cpu, percents, line.lineNumber()));
        line.skipRest();
        return true;
      }

      /** Whether the time fields {@code [from, to)} of {@code text} equal {@link #currentTime}, without building a string. */
      private boolean sameTime(String text, int from, int to) {
        return to - from == currentTime.length() && text.startsWith(currentTime, from);
      }

      private void closeSample() {
        ImmutableMpstatSample.Builder s = sample;
        if (s != null) {
          MpstatSample built = s.build();
          if (!built.cpus().isEmpty()) {
            if (built.time().equals("Average:")) {
              report.averageBlock(built);
            } else {
              report.addSample(built);
            }
          }
          sample = null;
        }
      }

      private void closeTable() {
        if (table != null) {
          tables.add(table.build());
          table = null;
        }
      }

      @Override
      public MpstatReport finish(int lines, boolean strict) {
        closeSample();
        closeTable();
        return report.addAllOtherTables(tables).build();
      }
    };
  }

  private static String timeText(String text, Fields f, int timeTokens) {
    return timeTokens == 1 ? f.get(0) : f.get(0) + " " + f.get(1);
  }

  /** The first position from {@code from} that is not a space, or {@code to}. */
  private static int spaces(String t, int from, int to) {
    while (from < to && t.charAt(from) == ' ') {
      from++;
    }
    return from;
  }

  /** The end of the field at {@code from}: the next space, or {@code to}. */
  private static int field(String t, int from, int to) {
    while (from < to && t.charAt(from) != ' ') {
      from++;
    }
    return from;
  }

  /** Whether {@code [from, to)} holds no blank the field splitter sees other than a space (tab, CR, ...). */
  private static boolean plain(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c != ' ' && Fields.blank(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code hh:mm:ss}: digits and exactly two colons. */
  private static boolean isTime(String t, int from, int to) {
    int colons = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c == ':') {
        colons++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return colons == 2 && to - from >= 5;
  }

  private static double number(LineCursor line, Fields f, int index) throws ParseException {
    int base = line.lineStart();
    line.position(f.start(index) - base);
    try {
      double v = line.decimal("a number", true);
      if (line.position() == f.end(index) - base) {
        return v;
      }
    } catch (ParseException e) {
      // fall through to the positioned error below
    }
    throw line.errorAt(f.start(index) - base, "expected a number, found '" + f.get(index) + "'");
  }

  private static final String[] COLUMNS = {"%usr", "%user", "%nice", "%sys", "%system", "%iowait", "%irq", "%soft",
      "%steal", "%guest", "%gnice", "%idle"};

  /** The index of {@code column} in {@link #COLUMNS}, -1 if it is not a utilisation column. */
  private static int code(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    for (int i = 0; i < COLUMNS.length; i++) {
      if (COLUMNS[i].equals(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The ten utilisation figures of a row in {@link CpuLoad#ofColumns}'s order, none printed yet (NaN). */
  private static double[] unprinted() {
    double[] pc = new double[10];
    java.util.Arrays.fill(pc, Double.NaN);
    return pc;
  }

  /** Puts the figure of column {@code code} ({@link #code}) at its place in {@code pc}; other columns are not utilisation. */
  private static void set(double[] pc, int code, double v) {
    switch (code) {
      case 0, 1 -> pc[0] = v; // %usr, %user
      case 2 -> pc[1] = v;
      case 3, 4 -> pc[2] = v; // %sys, %system
      case 5 -> pc[3] = v;
      case 6 -> pc[4] = v;
      case 7 -> pc[5] = v;
      case 8 -> pc[6] = v;
      case 9 -> pc[7] = v;
      case 10 -> pc[8] = v;
      case 11 -> pc[9] = v;
      default -> { }
    }
  }

  /** {@code Linux 6.8.0 (server) 12/27/2025 _x86_64_ (8 CPU)}. */
  private static void firstLine(ImmutableMpstatReport.Builder r, String text) {
    int open = text.indexOf('(');
    int close = open < 0 ? -1 : text.indexOf(')', open);
    if (open > 0 && close > open) {
      r.host(text.substring(open + 1, close));
    }
    int cpuOpen = text.lastIndexOf('(');
    int cpuEnd = text.lastIndexOf(" CPU)");
    if (cpuOpen >= 0 && cpuEnd > cpuOpen) {
      String n = text.substring(cpuOpen + 1, cpuEnd).strip();
      if (!n.isEmpty() && n.length() < 7 && Fields.onlyDigits(n, "")) {
        r.cpuCount(Integer.parseInt(n));
      }
    }
  }
}
