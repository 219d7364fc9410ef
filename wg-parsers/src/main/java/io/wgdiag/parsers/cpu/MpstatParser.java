package io.wgdiag.parsers.cpu;

import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.ImmutableCpuLoad;
import io.wgdiag.model.cpu.ImmutableMpstatReport;
import io.wgdiag.model.cpu.ImmutableMpstatSample;
import io.wgdiag.model.cpu.ImmutableMpstatTable;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.MpstatSample;
import io.wgdiag.model.cpu.MpstatTable;
import io.wgdiag.parsers.ParseException;
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

  /** Creates the parser. */
  public MpstatParser() {
    super("mpstat", MpstatReport.class);
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
            ImmutableCpuLoad.Builder c = CpuLoad.builder().cpu(String.valueOf(load.get("cpu")));
            for (java.util.Map.Entry<?, ?> e : load.entrySet()) {
              if (e.getValue() instanceof Number v) {
                set(c, "%" + e.getKey(), v.doubleValue());
              }
            }
            sample.addCpus(c.build());
          }
        }
        r.addSamples(sample.build());
      }
      return r.build();
    };
  }

  @Override
  protected Session<MpstatReport> newSession() {
    ImmutableMpstatReport.Builder report = MpstatReport.builder();
    return new Session<>() {
      @Nullable List<String> columns;
      boolean utilisation;
      String currentTime = "";
      ImmutableMpstatSample.@Nullable Builder sample;
      ImmutableMpstatTable.@Nullable Builder table;
      final List<MpstatTable> tables = new ArrayList<>();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("Linux ")) {
          firstLine(report, line.text());
          line.rest();
          return true;
        }
        List<String> tokens = List.of(line.text().strip().split("\\s+"));
        int timeTokens = tokens.size() > 1 && (tokens.get(1).equals("AM") || tokens.get(1).equals("PM")) ? 2 : 1;
        if (tokens.size() <= timeTokens) {
          return false;
        }
        String time = String.join(" ", tokens.subList(0, timeTokens));
        if (!time.equals("Average:") && !isTime(tokens.get(0))) {
          return false;
        }
        List<String> rest = tokens.subList(timeTokens, tokens.size());
        if (rest.get(0).equals("CPU") || rest.get(0).equals("NODE")) {
          closeSample();
          closeTable();
          columns = rest.subList(1, rest.size());
          utilisation = rest.get(0).equals("CPU") && columns.contains("%idle");
          currentTime = time;
          if (utilisation) {
            sample = MpstatSample.builder().time(time);
          } else {
            table = MpstatTable.builder().addAllColumns(columns);
          }
          return true;
        }
        List<String> cols = columns;
        if (cols == null) {
          throw line.errorAt(0, "expected a header row (… CPU %usr …) before this data row");
        }
        if (rest.size() != cols.size() + 1) {
          throw line.errorAt(0, "expected " + (cols.size() + 1) + " values after the time (CPU and "
              + cols.size() + " columns), found " + rest.size());
        }
        if (!time.equals(currentTime)) {
          // a new sample under the same header (sysstat prints a header per interval, but be lenient)
          closeSample();
          currentTime = time;
          if (utilisation) {
            sample = MpstatSample.builder().time(time);
          }
        }
        String cpu = rest.get(0);
        double[] values = new double[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
          values[i] = number(line, rest.get(i + 1));
        }
        if (utilisation) {
          ImmutableCpuLoad.Builder c = CpuLoad.builder().cpu(cpu).line(line.lineNumber());
          for (int i = 0; i < cols.size(); i++) {
            set(c, cols.get(i), values[i]);
          }
          ImmutableMpstatSample.Builder s = sample;
          if (s == null) {
            throw line.errorAt(0, "expected a header row before this data row");
          }
          s.addCpus(c.build());
        } else {
          ImmutableMpstatTable.Builder t = table;
          if (t == null) {
            throw line.errorAt(0, "expected a header row before this data row");
          }
          List<Double> vs = new ArrayList<>();
          for (double v : values) {
            vs.add(v);
          }
          t.addRows(io.wgdiag.model.cpu.ImmutableRow.builder().time(time).cpu(cpu).values(vs).build());
        }
        line.rest();
        return true;
      }

      private void closeSample() {
        ImmutableMpstatSample.Builder s = sample;
        if (s != null) {
          MpstatSample built = s.build();
          if (!built.cpus().isEmpty()) {
            if (built.time().equals("Average:")) {
              report.averageBlock(built);
            } else {
              report.addSamples(built);
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

  private static boolean isTime(String t) {
    int colons = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ':') {
        colons++;
      } else if (!Character.isDigit(c)) {
        return false;
      }
    }
    return colons == 2 && t.length() >= 5;
  }

  private static double number(LineCursor line, String s) throws ParseException {
    LineCursor c = LineCursor.of(s, line.lineNumber());
    try {
      double v = c.decimal("a number", true);
      if (c.atEnd()) {
        return v;
      }
    } catch (ParseException e) {
      // fall through to the positioned error below
    }
    throw line.errorAt(Math.max(0, line.text().indexOf(s)), "expected a number, found '" + s + "'");
  }

  private static void set(ImmutableCpuLoad.Builder c, String column, double v) {
    switch (column.toLowerCase(Locale.ROOT)) {
      case "%usr", "%user" -> c.usrPercent(v);
      case "%nice" -> c.nicePercent(v);
      case "%sys", "%system" -> c.sysPercent(v);
      case "%iowait" -> c.iowaitPercent(v);
      case "%irq" -> c.irqPercent(v);
      case "%soft" -> c.softPercent(v);
      case "%steal" -> c.stealPercent(v);
      case "%guest" -> c.guestPercent(v);
      case "%gnice" -> c.gnicePercent(v);
      case "%idle" -> c.idlePercent(v);
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
      if (!n.isEmpty() && n.length() < 7 && n.chars().allMatch(Character::isDigit)) {
        r.cpuCount(Integer.parseInt(n));
      }
    }
  }
}
