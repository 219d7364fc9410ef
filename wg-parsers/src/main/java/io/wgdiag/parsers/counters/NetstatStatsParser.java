package io.wgdiag.parsers.counters;

import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code netstat -s} and {@code netstat -su} (net-tools): sections such as {@code Udp:}, each
 * with free-text counter lines ({@code 412 send buffer errors}) or {@code Name: value} lines ({@code
 * InNoRoutes: 0}), mapped onto the kernel's counter names.
 *
 * <pre>{@code
 * Udp:
 *     2212345 packets received
 *     0 packets to unknown port received
 *     412 send buffer errors
 * IpExt:
 *     InNoRoutes: 0
 * }</pre>
 *
 * <p>A phrase with no known kernel name is kept under its text (the number replaced by {@code N}
 * when it stands inside, as in {@code Quick ack mode was activated N times}).
 */
public final class NetstatStatsParser extends LineParser<ProtocolCounters> {

  /** Creates the parser. */
  public NetstatStatsParser() {
    super("netstat-stats", ProtocolCounters.class);
  }

  @Override
  protected Session<ProtocolCounters> newSession() {
    Map<String, Map<String, Long>> sections = new LinkedHashMap<>();
    return new Session<>() {
      String section = "";
      String histogram = "";

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String t = line.stripped();
        if (t.endsWith(":") && t.indexOf(' ') < 0 && !t.isEmpty() && Character.isUpperCase(t.charAt(0))) {
          section = t.substring(0, t.length() - 1);
          histogram = "";
          sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
          return true;
        }
        if (section.isEmpty()) {
          return false;
        }
        if (t.equals("ICMP input histogram:")) {
          histogram = "In";
          return true;
        }
        if (t.equals("ICMP output histogram:")) {
          histogram = "Out";
          return true;
        }
        Map<String, Long> counters = sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
        int colon = t.lastIndexOf(": ");
        String number = colon > 0 ? t.substring(colon + 2) : "";
        if (colon > 0 && isNumber(number)) {
          String name = t.substring(0, colon);
          long v = value(line, number);
          if (!histogram.isEmpty()) {
            String type = NetstatPhrases.ICMP_TYPES.get(name);
            counters.put(type != null ? histogram + type : histogram + " " + name, v);
          } else {
            counters.put(name, v);
          }
          return true;
        }
        if (line.atDigit()) {
          long v = line.number("a counter");
          String phrase = line.rest();
          if (phrase.isEmpty()) {
            throw line.error("the counter's description after the number");
          }
          Map<String, String> map = NetstatPhrases.BY_SECTION.getOrDefault(section, Map.of());
          counters.put(map.getOrDefault(phrase, phrase), v);
          return true;
        }
        // a number inside the phrase: "Quick ack mode was activated 5 times"
        String[] words = t.split(" ");
        for (int i = 1; i < words.length; i++) {
          if (isNumber(words[i])) {
            words[i] = "N";
            long v = value(line, t.split(" ")[i]);
            counters.put(String.join(" ", words), v);
            line.rest();
            return true;
          }
        }
        return false;
      }

      @Override
      public ProtocolCounters finish(int lines, boolean strict) {
        ImmutableMap.Builder<String, ImmutableMap<String, Long>> b = ImmutableMap.builder();
        sections.forEach((k, v) -> b.put(k, ImmutableMap.copyOf(v)));
        return ProtocolCounters.builder().sections(b.buildKeepingLast()).build();
      }
    };
  }

  /** Whether {@code s} is an optionally negative whole number of at most 20 characters. */
  static boolean isNumber(String s) {
    return isNumber(s, 0, s.length());
  }

  /** {@link #isNumber(String)} on {@code [from, to)} of {@code s}, read in place. */
  static boolean isNumber(String s, int from, int to) {
    if (to - from < 1 || to - from > 20) {
      return false;
    }
    int start = s.charAt(from) == '-' ? from + 1 : from;
    if (start == to) {
      return false;
    }
    for (int i = start; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static long value(LineCursor line, String s) throws ParseException {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw line.errorAt(Math.max(0, line.text().indexOf(s)), "expected a counter value, found '" + s + "'");
    }
  }
}
