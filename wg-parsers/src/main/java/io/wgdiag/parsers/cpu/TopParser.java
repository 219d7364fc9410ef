package io.wgdiag.parsers.cpu;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.cpu.ImmutableTopIteration;
import io.wgdiag.model.cpu.ImmutableTopReport;
import io.wgdiag.model.cpu.TopIteration;
import io.wgdiag.model.cpu.TopProcess;
import io.wgdiag.model.cpu.TopReport;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.SharedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code top -b -n N} (procps-ng), also cut by {@code | head}: the summary lines of each
 * iteration ({@code top -}, {@code Tasks:}, {@code %Cpu(s):} or per-CPU {@code %CpuN :}, {@code
 * KiB/MiB/GiB Mem} and {@code Swap}) and the process table, read by its header row.
 */
public final class TopParser extends LineParser<TopReport> {

  /** Creates the parser. */
  public TopParser() {
    super("top", TopReport.class);
  }

  private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("COMMAND", "BEFEHL", "ENVIRON", "CGROUPS", "CGNAME", "SUPGRPS");

  /**
   * The words a German locale prints for procps-ng's English ones (its de.po: {@code Tasks: 279
   * gesamt, 1 laufend, 278 schlafend, 0 gestoppt, 0 Zombie}, {@code MiB Spch}, {@code avail Spch},
   * {@code BEFEHL}), read as the English words so that a localized top gives the same model.
   */
  private static final Map<String, String> GERMAN = Map.of(
      "gesamt", "total", "laufend", "running", "schlafend", "sleeping", "gestoppt", "stopped", "Zombie", "zombie",
      "Spch", "Mem");

  /** {@code MiB Mem :}, {@code KiB Swap:}, {@code GiB Mem:} (procps-ng 3.3 and later). */
  private static final Pattern MEMORY = Pattern.compile("[KMGTPE]i?B (Mem|Swap|Spch) *:");

  @Override
  protected Session<TopReport> newSession() {
    ImmutableTopReport.Builder report = TopReport.builder();
    return new Session<>() {
      ImmutableTopIteration.@Nullable Builder it;
      final Map<String, ImmutableMap<String, Double>> cpu = new LinkedHashMap<>();
      final Map<String, Double> memory = new LinkedHashMap<>();
      @Nullable List<String> header;
      int freeText = -1;
      boolean[] keep = new boolean[0];
      int pidColumn = -1;
      int userColumn = -1;
      int commandColumn = -1;
      int cpuColumn = -1;
      int memColumn = -1;
      final Fields fields = new Fields();
      /** The names of the kept columns, one list for every row under the header. */
      ImmutableList<String> keptColumns = ImmutableList.of();
      /** One row's kept values, reused from row to row. */
      final List<String> values = new ArrayList<>();
      /** The values already made, by their text, shared by every row of the parse. */
      final SharedText seen = new SharedText(1024, Integer.MAX_VALUE);
      /** Whether the open iteration has had its Tasks (or Threads) line. */
      boolean tasksRead;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // process rows first, read in place: most lines are rows, and no other line starts with a digit
        List<String> h = header;
        ImmutableTopIteration.Builder rows = it;
        if (h != null && rows != null && line.atDigit()) {
          Fields f = fields.split(line); // in place: values repeat (root, 20, S, 0.0) and come from the token cache
          int cmd = freeText;
          int extra = f.count() - h.size();
          if (extra < 0 || (extra > 0 && cmd < 0)) {
            throw line.errorAt(0, "expected " + h.size() + " columns as the header names, found " + f.count());
          }
          // the kept columns' values in one list, beside the header's names shared by every row
          values.clear();
          @Nullable String pid = null;
          String user = "";
          String command = "";
          OptionalDouble cpu = OptionalDouble.empty();
          OptionalDouble mem = OptionalDouble.empty();
          for (int i = 0; i < h.size(); i++) {
            if (!keep[i]) {
              continue;
            }
            int from;
            int to;
            if (i < cmd || extra == 0) {
              from = f.start(i);
              to = f.end(i);
            } else if (i == cmd) {
              from = f.start(i);
              to = f.end(i + extra);
            } else {
              from = f.start(i + extra);
              to = f.end(i + extra);
            }
            String v = seen.get(line.source(), from, to);
            values.add(v);
            if (i == pidColumn) {
              pid = v;
            } else if (i == userColumn) {
              user = v;
            } else if (i == commandColumn) {
              command = v;
            } else if (i == cpuColumn) {
              cpu = percent(line, from, to, v, "%CPU");
            } else if (i == memColumn) {
              mem = percent(line, from, to, v, "%MEM");
            }
          }
          rows.addProcess(TopProcess.of(number(line, pid, "the PID"), user, cpu, mem, command, keptColumns,
              ImmutableList.copyOf(values), line.lineNumber()));
          line.position(line.lineEnd() - line.lineStart()); // the row is read: nothing left to cut
          return true;
        }
        String t = line.stripped();
        if (t.startsWith("top - ")) {
          close();
          ImmutableTopIteration.Builder b = TopIteration.builder();
          tasksRead = false;
          header = null;
          String[] parts = t.substring(6).split(" ", 2);
          b.time(parts[0]);
          int la = t.indexOf("load average:");
          if (la < 0) {
            throw line.errorAt(0, "expected 'load average:' on the top line");
          }
          line.position(line.text().indexOf("load average:") + "load average:".length());
          b.load1(line.decimal("the 1-minute load", true));
          line.expect(",");
          b.load5(line.decimal("the 5-minute load", true));
          line.expect(",");
          b.load15(line.decimal("the 15-minute load", true));
          it = b; // only a whole top line opens an iteration: a broken one leaves no half-made builder
          return true;
        }
        ImmutableTopIteration.Builder b = it;
        if (b == null) {
          // summary lines pasted without their "top -" line (cut by grep or by hand): an iteration
          // without time and load
          if (!(t.startsWith("Tasks:") || t.startsWith("%Cpu") || t.startsWith("%CPU") || (t.startsWith("Cpu") && t.indexOf(':') > 3)
              || MEMORY.matcher(t).lookingAt())) {
            return false;
          }
          b = TopIteration.builder();
          it = b;
          tasksRead = false;
          header = null;
        }
        if (t.startsWith("Tasks:") || t.startsWith("Threads:")) {
          if (tasksRead) {
            // the iteration's map would refuse the counts when the iteration is made, for the whole input
            throw line.errorAt(0, "a second Tasks or Threads line in this iteration");
          }
          line.position(line.text().indexOf(':') + 1);
          Map<String, Long> tasks = new LinkedHashMap<>();
          while (!line.atEnd()) {
            long n = line.number("a task count");
            int at = line.skipBlanks().position();
            String state = line.word("a task state").replace(",", "");
            state = GERMAN.getOrDefault(state, state);
            if (tasks.putIfAbsent(state, n) != null) {
              // the iteration's map would refuse it when the iteration is made, for the whole input
              throw line.errorAt(at, "expected each task state once, found " + line.quoted(state) + " twice");
            }
          }
          tasksRead = true;
          b.putAllTasks(tasks); // all or none: a bad line adds no count
          return true;
        }
        // procps 3.2 prints "Cpu(s): 21.7% us,  5.4% sy" (3.2.8: "1.3%us,") and "Cpu0  :"; a
        // comma locale prints "%Cpu(s):  0,7 us,  0,3 sy" (the comma after a key stays a separator)
        boolean old = t.startsWith("Cpu") && t.indexOf(':') > 3;
        if (t.startsWith("%Cpu") || t.startsWith("%CPU") || old) {
          int colon = t.indexOf(':');
          String id = t.substring(old ? 3 : 4, colon).strip();
          id = id.equals("(s)") ? "all" : id;
          line.position(line.text().indexOf(':') + 1);
          Map<String, Double> shares = new LinkedHashMap<>();
          while (!line.atEnd()) {
            line.tryConsume(",");
            double v = line.decimal("a CPU share in percent", true);
            line.tryConsume("%");
            // "0.0 hi,100.0 si": a 100.0 touches the comma, so the key ends at the first non-letter
            String key = letters(line);
            if (key.isEmpty()) {
              throw line.error("us, sy, ni, id, wa, hi, si or st");
            }
            shares.put(key, v);
          }
          cpu.put(id, ImmutableMap.copyOf(shares));
          return true;
        }
        if (t.startsWith("Mem:") || t.startsWith("Swap:")) {
          // procps 3.2: "Mem:  65968872k total, 58338664k used, 7630208k free, 1144832k buffers"
          b.memoryUnit("KiB");
          String kind = t.startsWith("Mem:") ? "Mem" : "Swap";
          line.position(line.text().indexOf(':') + 1);
          while (!line.atEnd()) {
            line.tryConsume(",");
            double v = line.decimal("a memory figure in KiB such as 124728k", true);
            if (!line.tryConsume("k") && !line.tryConsume("K")) {
              throw line.error("'k' after the memory figure");
            }
            String label = letters(line);
            if (label.isEmpty()) {
              throw line.error("total, used, free, buffers or cached");
            }
            memory.put(kind + " " + label, v);
          }
          return true;
        }
        if (MEMORY.matcher(t).lookingAt()) {
          String unit = t.substring(0, t.indexOf(' '));
          b.memoryUnit(unit);
          String kind = swap(t) ? "Swap" : "Mem";
          line.position(line.text().indexOf(':') + 1);
          while (!line.atEnd()) {
            line.tryConsume(",");
            line.tryConsume(".");
            // a Swap line joined to the Mem line ("... buff/cacheKiB Swap: ..." or with blanks)
            int at = line.position();
            String rest = line.text().substring(Math.min(at, line.text().length())).stripLeading();
            if (MEMORY.matcher(rest).lookingAt()) {
              kind = swap(rest) ? "Swap" : "Mem";
              line.position(line.text().indexOf(':', at) + 1);
              continue;
            }
            double v = line.decimal("a memory figure", true);
            // a figure too wide for its column is cut and marked with '+' (procps-ng top's scale_num:
            // "2063191.+total", "2039659.+avail Mem"): the figure as printed, a lower bound
            if (line.lookingAt(".+")) {
              line.tryConsume(".+");
            } else {
              line.tryConsume("+");
            }
            String label = line.word("total, free, used, buff/cache or avail").replace(",", "").replace(".", "");
            int glued = label.length() - 3;
            // (only with the joined line's ':' still ahead: without it, "free,MiB Mem1285..." would
            // send the cursor back to the start of the line, for ever)
            if (glued > 0 && label.endsWith("iB") && "KMGTPE".indexOf(label.charAt(glued)) >= 0
                && (line.lookingAt("Swap") || line.lookingAt("Mem")) && line.text().indexOf(':', line.position()) >= 0) {
              // "... 5929.8 buff/cacheKiB Swap: ...": the next line joined without a blank
              memory.put(kind + " " + label.substring(0, glued), v);
              kind = line.lookingAt("Swap") ? "Swap" : "Mem";
              line.position(line.text().indexOf(':', line.position()) + 1);
              continue;
            }
            if (label.equals("avail")) {
              String what = line.word("Mem");
              label = "avail " + GERMAN.getOrDefault(what, what);
              memory.put(label, v);
            } else {
              memory.put(kind + " " + label, v);
            }
          }
          return true;
        }
        if (t.startsWith("PID ")) {
          header = List.of(Fields.BLANKS.split(t));
          // Free-text columns can hold blanks. The extra words go to the last free-text column
          // (COMMAND by default, ENVIRON in wide all-fields output): columns before it are read
          // from the left, columns after it from the right.
          freeText = -1;
          java.util.Map<String, Integer> last = new java.util.HashMap<>();
          for (int i = 0; i < header.size(); i++) {
            if (FREE_TEXT.contains(header.get(i))) {
              freeText = i;
            }
            last.put(header.get(i), i);
          }
          // a column named twice keeps its last value: only the last of each name is put
          keep = new boolean[header.size()];
          last.values().forEach(i -> keep[i] = true);
          ImmutableList.Builder<String> kept = ImmutableList.builder();
          for (int i = 0; i < header.size(); i++) {
            if (keep[i]) {
              kept.add(header.get(i));
            }
          }
          keptColumns = kept.build();
          pidColumn = last.getOrDefault("PID", -1);
          userColumn = last.getOrDefault("USER", -1);
          commandColumn = last.getOrDefault("COMMAND", last.getOrDefault("BEFEHL", -1));
          cpuColumn = last.getOrDefault("%CPU", -1);
          memColumn = last.getOrDefault("%MEM", -1);
          return true;
        }
        return false;
      }

      private void close() {
        ImmutableTopIteration.Builder b = it;
        if (b != null) {
          report.addIteration(b.cpu(cpu).memory(memory).build());
          cpu.clear();
          memory.clear();
          it = null;
        }
      }

      @Override
      public TopReport finish(int lines, boolean strict) {
        close();
        return report.build();
      }
    };
  }

  /** Whether a memory line ({@code KiB Swap:}, {@code MiB Mem :}, German {@code MiB Spch :}) is the swap one. */
  private static boolean swap(String t) {
    int swap = t.indexOf("Swap");
    return swap >= 0 && swap < t.indexOf(':');
  }

  private static String letters(LineCursor line) {
    line.skipBlanks();
    String t = line.text();
    int start = line.position();
    int end = start;
    while (end < t.length() && Character.isLetter(t.charAt(end))) {
      end++;
    }
    line.position(end);
    return t.substring(start, end);
  }

  private static long number(LineCursor line, @Nullable String s, String what) throws ParseException {
    if (s == null || s.isEmpty() || !Fields.onlyDigits(s, "") || s.length() > 18) {
      throw line.errorAt(0, "expected " + what + ", found '" + s + "'");
    }
    return Long.parseLong(s);
  }

  /** 0.0, the share most rows print: one wrapper for all of them. */
  private static final OptionalDouble ZERO = OptionalDouble.of(0.0);

  /**
   * The share {@code s} printed at {@code [from, to)} of the line, read in place; the error names
   * the first place {@code s} occurs in the line, as when it was read from a copy.
   */
  private static OptionalDouble percent(LineCursor line, int from, int to, String s, String what) throws ParseException {
    int save = line.position();
    try {
      line.position(from - line.lineStart());
      double v = line.decimal(what, true);
      if (line.position() == to - line.lineStart()) {
        return Double.doubleToRawLongBits(v) == 0L ? ZERO : OptionalDouble.of(v);
      }
    } catch (ParseException e) {
      // positioned below
    } finally {
      line.position(save);
    }
    throw line.errorAt(Math.max(0, line.text().indexOf(s)), "expected " + what + ", found '" + s + "'");
  }
}
