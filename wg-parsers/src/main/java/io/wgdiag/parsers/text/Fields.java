package io.wgdiag.parsers.text;

/**
 * The fields of one line as positions, without a substring per field: split at runs of blanks
 * (spaces and tabs alike). One instance per parse session; {@link
 * #split} reuses its arrays, so a parse allocates nothing per line for splitting.
 */
public final class Fields {
  /** Runs of white space, compiled once: {@code String.split("\\s+")} compiles its pattern per call. */
  public static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int count;
  private String line = "";

  /** Splits {@code text}; leading and trailing blanks are no field. Returns this. */
  public Fields split(String text) {
    return split(text, 0, text.length());
  }

  /**
   * Splits the cursor's line in place: positions are then in {@link LineCursor#source()} (also
   * {@link #text()}), not relative to the line. Returns this.
   */
  public Fields split(LineCursor line) {
    return split(line.source(), line.lineStart(), line.lineEnd());
  }

  /** Splits {@code [from, to)} of {@code text}; positions are in {@code text}. Returns this. */
  public Fields split(String text, int from, int to) {
    this.line = text;
    count = 0;
    int lo = from;
    int hi = to;
    while (lo < hi && blank(text.charAt(lo))) {
      lo++;
    }
    while (hi > lo && blank(text.charAt(hi - 1))) {
      hi--;
    }
    if (lo == hi) {
      return this;
    }
    // Tabs are blanks like any other: the dump formats never print an empty field, and a paste
    // that turned runs of spaces into tabs (a mail client, an editor) then reads as printed.
    for (int i = lo; i < hi; ) {
      int end = fieldEnd(text, i, hi);
      add(i, end);
      i = skipBlanks(text, end, hi);
    }
    return this;
  }

  /**
   * Splits a tab-separated line at each tab, an empty field between two tabs included, when the line
   * has a tab; otherwise at runs of blanks as {@link #split}. For the dump formats ({@code wg show
   * dump}), where a doubled tab must shift the fields and be seen, never be read past: a key must
   * not land in another column. Returns this.
   */
  public Fields splitTabs(LineCursor line) {
    String text = line.source();
    int lo = line.lineStart();
    int hi = line.lineEnd();
    while (hi > lo && (text.charAt(hi - 1) == '\r' || text.charAt(hi - 1) == '\n')) {
      hi--;
    }
    int tab = text.indexOf('\t', lo);
    if (tab < 0 || tab >= hi) {
      return split(text, lo, hi);
    }
    this.line = text;
    count = 0;
    int start = lo;
    for (int i = lo; i <= hi; i++) {
      if (i == hi || text.charAt(i) == '\t') {
        add(start, i);
        start = i + 1;
      }
    }
    return this;
  }

  /** {@link #splitTabs(LineCursor)} of a whole string. */
  public Fields splitTabs(String text) {
    int tab = text.indexOf('\t');
    if (tab < 0) {
      return split(text, 0, text.length());
    }
    this.line = text;
    count = 0;
    int hi = text.length();
    while (hi > 0 && (text.charAt(hi - 1) == '\r' || text.charAt(hi - 1) == '\n')) {
      hi--;
    }
    int start = 0;
    for (int i = 0; i <= hi; i++) {
      if (i == hi || text.charAt(i) == '\t') {
        add(start, i);
        start = i + 1;
      }
    }
    return this;
  }

  /** The first position in {@code [from, to)} that is not a blank as {@link #split} sees one, or {@code to}. */
  public static int skipBlanks(String text, int from, int to) {
    while (from < to && blank(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** Where the field at {@code from} ends: the first blank as {@link #split} sees one in {@code [from, to)}, or {@code to}. */
  public static int fieldEnd(String text, int from, int to) {
    while (from < to && !blank(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** How many runs of non-blanks {@code [from, to)} of {@code text} holds (tabs count as blanks here). */
  public static int countFields(String text, int from, int to) {
    int n = 0;
    for (int i = skipBlanks(text, from, to); i < to; i = skipBlanks(text, fieldEnd(text, i, to), to)) {
      n++;
    }
    return n;
  }

  /** The text the positions refer to. */
  public String text() {
    return line;
  }

  /**
   * Whether {@link #split} sees {@code c} as a blank between fields: a space, tab, form feed,
   * vertical tab or carriage return (a set that holds {@link LineCursor}'s blanks).
   */
  public static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r';
  }

  private void add(int start, int end) {
    if (count == starts.length) {
      starts = java.util.Arrays.copyOf(starts, count * 2);
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  /** The number of fields. */
  public int count() {
    return count;
  }

  /** Where field {@code i} starts in {@link #text()}. */
  public int start(int i) {
    return starts[i];
  }

  /** Where field {@code i} ends (exclusive) in {@link #text()}. */
  public int end(int i) {
    return ends[i];
  }

  /** Field {@code i} as a string. */
  public String get(int i) {
    return line.substring(starts[i], ends[i]);
  }

  /** Whether field {@code i} is exactly {@code literal}. */
  public boolean is(int i, String literal) {
    return is(line, starts[i], ends[i], literal);
  }

  // Scans over a range of a text, for parsers that read a line in place (positions in the text).

  /**
   * A hash of {@code [from, to)} of {@code text} from its length and five of its characters (the
   * first, the quarters, the middle and the last), for a fixed table of words or phrases looked up
   * where they stand in a line: it reads five characters however long the text is, where {@code
   * String.hashCode} takes a multiply per character, each waiting for the one before. Equal ranges
   * hash equal; a table still checks a match whole.
   */
  public static int sampledHash(String text, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return 0;
    }
    int h = len;
    h = 31 * h + text.charAt(from);
    h = 31 * h + text.charAt(from + (len >> 2));
    h = 31 * h + text.charAt(from + (len >> 1));
    h = 31 * h + text.charAt(from + len - 1 - (len >> 2));
    return 31 * h + text.charAt(to - 1);
  }

  /**
   * Whether {@code text} holds {@code s} at {@code from}, which must leave room for it: a plain loop
   * over the characters, which the JIT inlines into a table's lookup. JDK 17's {@code
   * String.startsWith} is a call, and with it the ethtool parse took an eighth longer (round 15, in
   * the git history of docs/benchmarks.md); elsewhere, where the parsers' big methods inline less
   * when every comparison is inlined into them, {@link #is} and {@link #startsWith} are the faster
   * choice.
   */
  public static boolean holds(String text, int from, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != text.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code [from, to)} of {@code text} is exactly {@code literal}. */
  public static boolean is(String text, int from, int to, String literal) {
    return to - from == literal.length() && text.startsWith(literal, from);
  }

  /** Whether {@code [from, to)} of {@code text} starts with {@code prefix}. */
  public static boolean startsWith(String text, int from, int to, String prefix) {
    return to - from >= prefix.length() && text.startsWith(prefix, from);
  }

  /** The first {@code c} in {@code [from, to)} of {@code text}, or -1; never looks past {@code to}. */
  public static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether every character of {@code s} is a digit ({@link Character#isDigit}) or one of {@code
   * alsoAllowed}; true for an empty {@code s}.
   */
  public static boolean onlyDigits(String s, String alsoAllowed) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isDigit(c) && alsoAllowed.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The last {@code c} in {@code [from, to)} of {@code text}, or -1. */
  public static int lastIndexOf(String text, char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code needle} in {@code [from, to)} of {@code text}, or -1; never looks past {@code to}. */
  public static int indexOf(String text, String needle, int from, int to) {
    char first = needle.charAt(0);
    for (int i = from; i + needle.length() <= to; i++) {
      if (text.charAt(i) == first && text.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Where the word starting at {@code from} ends: the first space or tab in {@code [from, to)}, or {@code to}. */
  public static int wordEnd(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
      i++;
    }
    return i;
  }

  /** The decimal digits {@code [from, to)} of {@code text} as a long; -1 if empty, not all digits, or above {@link Long#MAX_VALUE}. */
  public static long digits(String text, int from, int to) {
    if (from >= to) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9 || value > (Long.MAX_VALUE - d) / 10) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** The first position in {@code [from, to)} that is not white space ({@link Character#isWhitespace}), or {@code to}. */
  public static int trimStart(String text, int from, int to) {
    while (from < to && isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** Just after the last position in {@code [from, to)} that is not white space, or {@code from}. */
  public static int trimEnd(String text, int from, int to) {
    while (to > from && isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /**
   * {@link Character#isWhitespace(char)}, answered without its property table for ASCII: blank,
   * tab to carriage return and the four separators U+001C to U+001F; the table
   * only above ASCII.
   */
  public static boolean isWhitespace(char c) {
    if (c < 0x80) {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c < ' ');
    }
    return Character.isWhitespace(c);
  }
}
