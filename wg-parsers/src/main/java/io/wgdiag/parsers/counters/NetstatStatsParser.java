package io.wgdiag.parsers.counters;

import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

  private static final PhraseTable NO_PHRASES = new PhraseTable(Map.of());

  @Override
  protected Session<ProtocolCounters> newSession() {
    CounterSections sections = new CounterSections();
    return new Session<>() {
      /** The counters of the last section header read; null before the first. */
      CounterSections.@Nullable Section counters;
      String histogram = "";
      PhraseTable phrases = NO_PHRASES;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // read in place: only names the model keeps become strings
        String src = line.source();
        int s = Fields.trimStart(src, line.lineStart(), line.lineEnd());
        int e = Fields.trimEnd(src, s, line.lineEnd());
        if (e > s && src.charAt(e - 1) == ':' && Character.isUpperCase(src.charAt(s)) && !hasBlank(src, s, e)) {
          String section = line.token(s, e - 1);
          histogram = "";
          phrases = NetstatPhrases.TABLES.getOrDefault(section, NO_PHRASES);
          counters = sections.section(section);
          return true;
        }
        CounterSections.Section counters = this.counters;
        if (counters == null) {
          return false;
        }
        if (Fields.is(src, s, e, "ICMP input histogram:")) {
          histogram = "In";
          return true;
        }
        if (Fields.is(src, s, e, "ICMP output histogram:")) {
          histogram = "Out";
          return true;
        }
        int colon = colonBeforeNumber(src, s, e);
        if (colon > s && isNumber(src, colon + 2, e)) {
          // "InType3: 45", "destination unreachable: 12" (histograms), "TCPTimeouts: 7" (netstat -s on new kernels)
          long v = value(line, src, colon + 2, e);
          if (!histogram.isEmpty()) {
            String type = (histogram.equals("In") ? NetstatPhrases.ICMP_IN : NetstatPhrases.ICMP_OUT).get(src, s, colon);
            counters.put(type != null ? type : histogram + " " + src.substring(s, colon), v);
          } else {
            counters.put(line.token(s, colon), v);
          }
          return true;
        }
        if (line.atDigit()) {
          long v = line.number("a counter");
          int from = Fields.trimStart(src, line.lineStart() + line.position(), e);
          if (from == e) {
            throw line.error("the counter's description after the number");
          }
          line.skipRest();
          String name = phrases.get(src, from, e);
          counters.put(name != null ? name : src.substring(from, e), v);
          return true;
        }
        // a number inside the phrase: "Quick ack mode was activated 5 times"
        String t = src.substring(s, e);
        String[] words = t.split(" ");
        for (int i = 1; i < words.length; i++) {
          if (isNumber(words[i])) {
            long v = value(line, words[i]);
            words[i] = "N";
            counters.put(String.join(" ", words), v);
            line.skipRest();
            return true;
          }
        }
        return false;
      }

      @Override
      public ProtocolCounters finish(int lines, boolean strict) {
        return sections.build();
      }
    };
  }

  /**
   * Where the line ends in {@code ": "} and a number, the position of that {@code ':'} (the line's
   * last {@code ": "}: a number holds none), else -1. Only the number at the end is read, backwards:
   * a search back through the line for its last {@code ": "} read every character of the many lines
   * without one ({@code 412 packets received}); a search back past the line's start, through the
   * lines before it, had made a block of such lines quadratic (35 s for 2.2 MB).
   */
  static int colonBeforeNumber(String src, int s, int e) {
    int d = e;
    while (d > s && Character.isDigit(src.charAt(d - 1))) {
      d--;
    }
    if (d < e && d > s && src.charAt(d - 1) == '-') {
      d--;
    }
    int colon = d - 2;
    return d < e && colon > s && src.charAt(colon) == ':' && src.charAt(colon + 1) == ' ' ? colon : -1;
  }

  private static boolean hasBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Fields.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The counter at {@code [from, to)} of {@code s}, which {@link #isNumber(String, int, int)} accepted. */
  static long value(LineCursor line, String s, int from, int to) throws ParseException {
    try {
      return Long.parseLong(s, from, to, 10);
    } catch (NumberFormatException e) {
      throw line.errorAt(from - line.lineStart(), "expected a counter value, found '" + s.substring(from, to) + "'");
    }
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

  /** The counter {@code s}, a word of the cursor's line. */
  static long value(LineCursor line, String s) throws ParseException {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw line.errorAt(Math.max(0, line.text().indexOf(s)), "expected a counter value, found '" + s + "'");
    }
  }
}
