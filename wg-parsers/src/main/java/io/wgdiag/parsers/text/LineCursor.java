package io.wgdiag.parsers.text;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Secrets;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A cursor over one line of tool output that always knows its position.
 *
 * <p>Every read skips leading blanks (spaces and tabs) first, so parsers are indifferent to
 * indentation and column alignment, which pasted output often loses. Failed reads raise {@link
 * ParseException} naming the line, the column and what was expected:
 *
 * <pre>{@code
 * c.expect("mtu");
 * long mtu = c.number("the MTU in bytes after 'mtu'");
 * // line 7, column 23: expected the MTU in bytes after 'mtu', found 'lock'
 * }</pre>
 *
 * <p>A cursor is reused from line to line by {@link LineParser}; it is not thread-safe and must
 * not be kept after the call it was handed to.
 */
public final class LineCursor {
  /** The backing text: the whole input in memory, a chunk of a stream, or one line. */
  private String src = "";
  /** Where the current line starts in {@link #src}, and just after it ends. */
  private int base;
  private int limit;
  /** The absolute position in {@link #src}. */
  private int pos;
  private int lineNumber;
  /** The line as a string, made on first use of {@link #text()}. */
  private @Nullable String lineText = "";
  private final UnaryOperator<String> redactor;

  /** Creates a cursor whose errors pass the line text through {@code redactor} (to mask secrets). */
  public LineCursor(UnaryOperator<String> redactor) {
    this.redactor = redactor;
  }

  /** Creates a cursor over {@code line}, numbered {@code lineNumber}, that masks nothing. */
  public static LineCursor of(String line, int lineNumber) {
    LineCursor c = new LineCursor(UnaryOperator.identity());
    c.caching = false;
    c.reset(line, lineNumber);
    return c;
  }

  /** Points the cursor at the start of a new line. */
  public void reset(String newLine, int newLineNumber) {
    this.src = newLine;
    this.base = 0;
    this.limit = newLine.length();
    this.lineText = newLine;
    this.lineNumber = newLineNumber;
    this.pos = 0;
  }

  /**
   * Points the cursor at the line {@code [from, to)} of {@code text} without copying it: the
   * in-memory parse reads every line in place, and only the values it keeps become strings.
   */
  public void reset(String text, int from, int to, int newLineNumber) {
    this.src = text;
    this.base = from;
    this.limit = to;
    this.lineText = null;
    this.lineNumber = newLineNumber;
    this.pos = from;
  }

  /** The whole line (made into a string on first use; parsers on hot paths use {@link #source()}). */
  public String text() {
    String t = lineText;
    if (t == null) {
      t = src.substring(base, limit);
      lineText = t;
    }
    return t;
  }

  /**
   * The line without leading and trailing white space, as {@code text().strip()} gives it, with one
   * copy instead of two.
   */
  public String stripped() {
    int from = Fields.trimStart(src, base, limit);
    int to = Fields.trimEnd(src, from, limit);
    String t = lineText;
    if (t != null && from == base && to == limit) {
      return t;
    }
    return src.substring(from, to);
  }

  /**
   * The text the line lies in: the whole input or the line itself. Together with {@link
   * #lineStart()} and {@link #lineEnd()} it lets a parser read fields in place.
   */
  public String source() {
    return src;
  }

  /** Where the line starts in {@link #source()}. */
  public int lineStart() {
    return base;
  }

  /** Where the line ends (exclusive) in {@link #source()}. */
  public int lineEnd() {
    return limit;
  }

  /** The 1-based line number. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The 0-based position of the next character to read. */
  public int position() {
    return pos - base;
  }

  /** Moves back (or forward) to a position obtained from {@link #position()}. */
  public void position(int newPos) {
    if (newPos < 0 || newPos > limit - base) {
      throw new IllegalArgumentException("position " + newPos + " outside the line");
    }
    this.pos = base + newPos;
  }

  /** The 1-based column of the next character to read. */
  public int column() {
    return pos - base + 1;
  }

  private static boolean blank(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\u000b';
  }

  /** Skips blanks and returns this cursor. */
  public LineCursor skipBlanks() {
    while (pos < limit && blank(src.charAt(pos))) {
      pos++;
    }
    return this;
  }

  /** Whether only blanks remain. */
  public boolean atEnd() {
    skipBlanks();
    return pos >= limit;
  }

  /** Whether the whole line is blank. */
  public boolean isBlank() {
    for (int i = base; i < limit; i++) {
      if (!blank(src.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The next character after blanks, or {@code '\0'} at the end. Consumes nothing but blanks. */
  public char peek() {
    skipBlanks();
    return pos < limit ? src.charAt(pos) : '\0';
  }

  /** Whether the text after blanks starts with {@code literal}. Consumes nothing but blanks. */
  public boolean lookingAt(String literal) {
    skipBlanks();
    return pos + literal.length() <= limit && src.startsWith(literal, pos);
  }

  /** Whether the next word (after blanks) is exactly {@code word}. Consumes nothing but blanks. */
  public boolean lookingAtWord(String word) {
    skipBlanks();
    int end = pos + word.length();
    return end <= limit && src.startsWith(word, pos) && (end == limit || blank(src.charAt(end)));
  }

  /** Consumes {@code literal} after blanks if it is there. */
  public boolean tryConsume(String literal) {
    if (lookingAt(literal)) {
      pos += literal.length();
      return true;
    }
    return false;
  }

  /** Consumes the whole word {@code word} after blanks if it is there. */
  public boolean tryConsumeWord(String word) {
    if (lookingAtWord(word)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  /** Consumes {@code literal} after blanks, or fails with {@code "expected '<literal>'"}. */
  public void expect(String literal) throws ParseException {
    if (!tryConsume(literal)) {
      throw error("'" + literal + "'");
    }
  }

  /** Reads the next word: the characters up to the next blank or the end. Fails at the end. */
  public String word() throws ParseException {
    return word("a word");
  }

  /** Reads the next word, failing with {@code "expected <what>"} at the end of the line. */
  public String word(String what) throws ParseException {
    String w = wordOrNull();
    if (w == null) {
      throw error(what);
    }
    return w;
  }

  /**
   * Reads the next word, failing with "expected {@code prefix + key + suffix}": the message is put
   * together only on failure, so a parser can name the keyword it read without building a string
   * per line ({@code line.word("the value of ", key, "")}).
   */
  public String word(String prefix, String key, String suffix) throws ParseException {
    String w = wordOrNull();
    if (w == null) {
      throw error(prefix + key + suffix);
    }
    return w;
  }

  /**
   * Reads a non-negative integer as {@link #number(String)} does, failing with "expected {@code
   * prefix + key + suffix}" (put together only on failure, as for {@link #word(String, String,
   * String)}), and with "(at most ...)" added when it does not fit a long.
   */
  public long number(String prefix, String key, String suffix) throws ParseException {
    skipBlanks();
    int start = pos;
    long value = 0;
    while (pos < limit) {
      char ch = src.charAt(pos);
      if (ch < '0' || ch > '9') {
        break;
      }
      int d = ch - '0';
      if (value > (Long.MAX_VALUE - d) / 10) {
        pos = start;
        throw error(prefix + key + suffix + " (at most " + Long.MAX_VALUE + ")");
      }
      value = value * 10 + d;
      pos++;
    }
    if (pos == start || (pos < limit && Character.isLetter(src.charAt(pos)))) {
      pos = start;
      throw error(prefix + key + suffix);
    }
    return value;
  }

  /** Reads the next word, or returns null at the end of the line. */
  public @Nullable String wordOrNull() {
    skipBlanks();
    if (pos >= limit) {
      return null;
    }
    int start = pos;
    int h = 0;
    while (pos < limit && !blank(src.charAt(pos))) {
      h = 31 * h + src.charAt(pos);
      pos++;
    }
    return shared(start, pos, h);
  }

  /**
   * Short tokens repeat (keywords, units, device names, states): a word the tools print everywhere
   * comes from {@link KnownTokens} from the first line on, and from line {@value #SMALL_CACHE_LINE}
   * on a direct-mapped cache hands back the string already made for the same text instead of a new
   * substring: {@value #SMALL_CACHE_SLOTS} slots while the input is short, {@value #CACHE_SLOTS}
   * from line {@value #LARGE_CACHE_LINE} on (the entries kept). A two-line input pays for no cache.
   * Equal strings either way; only allocation changes.
   */
  private String @Nullable [] tokens;

  /** The first line whose tokens go through the cache, and the cache's size until the large one. */
  static final int SMALL_CACHE_LINE = 4;
  static final int SMALL_CACHE_SLOTS = 32;
  /** The first line with the large cache, and its size. */
  static final int LARGE_CACHE_LINE = 128;
  static final int CACHE_SLOTS = 256;

  /** Whether {@link #shared} may cache: not for a throwaway cursor over one piece of a line. */
  private boolean caching = true;

  private String shared(int start, int end, int hash) {
    int len = end - start;
    if (len <= 16) {
      String known = KnownTokens.lookup(src, start, len, hash);
      if (known != null) {
        return known;
      }
    }
    if (len > 16 || lineNumber < SMALL_CACHE_LINE || !caching) {
      return src.substring(start, end);
    }
    String[] cache = tokens;
    if (cache == null || (cache.length < CACHE_SLOTS && lineNumber >= LARGE_CACHE_LINE)) {
      cache = grown(cache, lineNumber >= LARGE_CACHE_LINE ? CACHE_SLOTS : SMALL_CACHE_SLOTS);
      tokens = cache;
    }
    int slot = slot(hash, cache.length);
    String hit = cache[slot];
    if (hit != null && hit.length() == len && src.startsWith(hit, start)) {
      return hit;
    }
    String made = src.substring(start, end);
    cache[slot] = made;
    return made;
  }

  private static int slot(int hash, int slots) {
    return (hash ^ (hash >>> 8)) & (slots - 1);
  }

  /** A cache of {@code slots} slots holding the entries of {@code old}, if any. */
  private static String[] grown(String @Nullable [] old, int slots) {
    String[] cache = new String[slots];
    if (old != null) {
      for (String s : old) {
        if (s != null) {
          cache[slot(s.hashCode(), slots)] = s; // the hash shared() computes is String.hashCode()
        }
      }
    }
    return cache;
  }

  /**
   * The text {@code [start, end)} of {@link #source()} (absolute positions, within the line) as a
   * string; short tokens repeated across a big input come from the shared cache.
   */
  public String token(int start, int end) {
    if (start < base || end > limit || start > end) {
      throw new IndexOutOfBoundsException("token [" + start + ", " + end + ") outside the line");
    }
    int h = 0;
    if (end - start <= 16) {
      for (int i = start; i < end; i++) {
        h = 31 * h + src.charAt(i);
      }
    }
    return shared(start, end, h);
  }

  /** The next word without consuming it, or "" at the end. */
  public String peekWord() {
    skipBlanks();
    int end = pos;
    int h = 0;
    while (end < limit && !blank(src.charAt(end))) {
      h = 31 * h + src.charAt(end);
      end++;
    }
    return shared(pos, end, h);
  }


  /**
   * Consumes the next word (after blanks) without making a string of it: after {@link #peekWord()}
   * has already handed it back. Consumes nothing but blanks at the end of the line.
   */
  public void skipWord() {
    skipBlanks();
    while (pos < limit && !blank(src.charAt(pos))) {
      pos++;
    }
  }

  /** Reads up to (not including) {@code stop} or the end of the line, after blanks. */
  public String until(char stop) {
    skipBlanks();
    int start = pos;
    int h = 0;
    while (pos < limit) {
      char ch = src.charAt(pos);
      if (ch == stop) {
        break;
      }
      h = 31 * h + ch;
      pos++;
    }
    return shared(start, pos, h);
  }

  /**
   * Reads, after blanks, a decimal number from 0 to 255 written without leading zeros and followed
   * directly by {@code stop} (the {@code 24} of {@code 24:}), and consumes both: the number's text,
   * as the one string {@link KnownTokens} holds for it, read in place with no hashing or lookup.
   * For anything else it returns null and consumes only the blanks, and the caller reads the text
   * another way ({@link #until}). For labels most rows carry, such as the IRQ numbers of {@code
   * /proc/interrupts}.
   */
  public @Nullable String smallNumberBefore(char stop) {
    skipBlanks();
    int i = pos;
    int v = 0;
    while (i < limit && i - pos < 3) {
      int d = src.charAt(i) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
      i++;
    }
    if (i == pos || i >= limit || src.charAt(i) != stop || v >= KnownTokens.NUMBER_LIMIT
        || (i - pos > 1 && src.charAt(pos) == '0')) {
      return null;
    }
    pos = i + 1;
    return KnownTokens.number(v);
  }

  /** Reads the rest of the line, trimmed. */
  public String rest() {
    int from = restStart();
    int to = Fields.trimEnd(src, from, limit);
    pos = limit;
    return src.substring(from, to);
  }

  /**
   * Where the rest of the line starts in {@link #source()}, white space skipped, as {@link #rest()}
   * reads it: with {@link #restEnd()} and {@link #skipRest()}, the rest is read in place. Consumes
   * nothing.
   */
  public int restStart() {
    return Fields.trimStart(src, pos, limit);
  }

  /** Where the rest of the line ends in {@link #source()}, trailing white space trimmed, as {@link #rest()} reads it; at least {@link #restStart()}. */
  public int restEnd() {
    return Fields.trimEnd(src, restStart(), limit);
  }

  /** Consumes the rest of the line, as {@link #rest()} does, without making a string of it. */
  public void skipRest() {
    pos = limit;
  }

  /** Whether the next character (after blanks) is an ASCII digit. */
  public boolean atDigit() {
    char ch = peek();
    return ch >= '0' && ch <= '9';
  }

  /** Reads a non-negative decimal integer, failing with "expected a number". */
  public long number() throws ParseException {
    return number("a number");
  }

  /**
   * Reads a non-negative decimal integer (up to {@link Long#MAX_VALUE}), failing with {@code
   * "expected <what>"}. The digits must end at a blank, the end, or a character that is not a
   * letter or digit: {@code 123,} reads as 123, {@code 12ab} fails.
   */
  public long number(String what) throws ParseException {
    return number(what, "", "");
  }

  /**
   * Reads a non-negative integer glued to {@code suffix}, such as {@code 2002ms} or {@code 10240p},
   * failing with {@code "expected <what>"} when either part is missing.
   */
  public long number(String what, String suffix) throws ParseException {
    skipBlanks();
    int start = pos;
    int end = pos;
    while (end < limit && src.charAt(end) >= '0' && src.charAt(end) <= '9') {
      end++;
    }
    if (end == start || !(end + suffix.length() <= limit && src.startsWith(suffix, end))) {
      throw error(what + " followed by '" + suffix + "'");
    }
    int after = end + suffix.length();
    if (after < limit && Character.isLetterOrDigit(src.charAt(after))) {
      throw error(what + " followed by '" + suffix + "'");
    }
    int savedLimit = limit;
    limit = end;
    try {
      long v = number(what);
      pos = after;
      return v;
    } finally {
      limit = savedLimit;
    }
  }

  /** Reads an optionally signed decimal integer that fits an int. */
  public int integer(String what) throws ParseException {
    skipBlanks();
    int start = pos;
    boolean negative = pos < limit && src.charAt(pos) == '-';
    if (negative || (pos < limit && src.charAt(pos) == '+')) {
      pos++;
    }
    long v;
    try {
      v = number(what);
    } catch (ParseException e) {
      pos = start;
      throw error(what);
    }
    if (v > Integer.MAX_VALUE) {
      pos = start;
      throw error(what + " (at most " + Integer.MAX_VALUE + ")");
    }
    return negative ? (int) -v : (int) v;
  }

  /**
   * Reads a decimal number: optional sign, digits, an optional fraction and an optional exponent
   * ({@code 1e+03}, as {@code %g} prints). With {@code commaDecimal} a comma may stand for the
   * decimal point, as in non-C locales ({@code 12,5}).
   */
  public double decimal(String what, boolean commaDecimal) throws ParseException {
    skipBlanks();
    int start = pos;
    int i = pos;
    int n = limit;
    boolean negative = false;
    if (i < n && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
      negative = src.charAt(i) == '-';
      i++;
    }
    // The digits are read into a mantissa as they are checked: one pass over the number.
    long mantissa = 0;
    int digits = 0;
    char c;
    while (i < n && (c = src.charAt(i)) >= '0' && c <= '9') {
      mantissa = mantissa * 10 + (c - '0');
      i++;
      digits++;
    }
    int fraction = 0;
    boolean comma = false;
    if (i < n && (src.charAt(i) == '.' || (commaDecimal && src.charAt(i) == ','))) {
      boolean isComma = src.charAt(i) == ',';
      int j = i + 1;
      long m = mantissa;
      int frac = 0;
      while (j < n && (c = src.charAt(j)) >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
        j++;
        frac++;
      }
      if (frac > 0 || (!isComma && digits > 0)) {
        i = j;
        digits += frac;
        mantissa = m;
        fraction = frac;
        comma = isComma;
      }
    }
    if (digits == 0) {
      throw error(what);
    }
    boolean exponent = false;
    if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
        j++;
      }
      int exp = 0;
      while (j < n && src.charAt(j) >= '0' && src.charAt(j) <= '9' && exp < 4) {
        j++;
        exp++;
      }
      if (exp > 0) {
        i = j;
        exponent = true;
      }
    }
    pos = i;
    if (!exponent && digits <= 15) {
      // With at most 15 digits the mantissa and the power of ten are exact doubles, so one
      // division is correctly rounded and equals Double.parseDouble.
      double v = fraction > 0 ? mantissa / POW10[fraction] : (double) mantissa;
      return negative ? -v : v;
    }
    String text = src.substring(start, i);
    return Double.parseDouble(comma ? text.replace(',', '.') : text);
  }

  /** Exact powers of ten, for {@link #decimal(String, boolean)}'s numbers of at most 15 digits. */
  private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /** Reads a decimal number with a point for the decimal separator. */
  public double decimal(String what) throws ParseException {
    return decimal(what, false);
  }

  /**
   * Reads a number glued to its unit, such as {@code 1.9Gbps}, {@code 32Mb}, {@code 5.0ms} or
   * {@code 10240p}. The unit is the run of letters, {@code /} and {@code %} that follows.
   */
  public Quantity quantity(String what) throws ParseException {
    int start = skipBlanks().pos;
    double v = decimal(what);
    int u = pos;
    int h = 0;
    while (pos < limit) {
      char ch = src.charAt(pos);
      if (Character.isLetter(ch) || ch == '/' || ch == '%') {
        h = 31 * h + ch;
        pos++;
      } else {
        break;
      }
    }
    if (pos < limit && !blank(src.charAt(pos)) && src.charAt(pos) != ',' && src.charAt(pos) != ')') {
      pos = start;
      throw error(what);
    }
    return new Quantity(v, shared(u, pos, h));
  }

  /** An error at the current position: {@code "expected <expected>, found '<next word>'"}. */
  public ParseException error(String expected) {
    return errorAt(pos - base, "expected " + expected + ", found " + found());
  }

  /** An error with a free-form problem at 0-based position {@code at}. */
  public ParseException errorAt(int at, String problem) {
    return new ParseException(lineNumber, Math.max(0, at) + 1, redactor.apply(text()), problem);
  }

  /** An error for a whole line that is not one this tool prints. */
  public ParseException unrecognised(String toolId) {
    return new ParseException(
        lineNumber, 1, redactor.apply(text()), "unrecognised line for " + toolId);
  }

  private String found() {
    int save = pos;
    skipBlanks();
    if (pos >= limit) {
      pos = save;
      return "end of line";
    }
    int end = pos;
    while (end < limit && !blank(src.charAt(end)) && end - pos < 40) {
      end++;
    }
    String w = src.substring(pos, end);
    pos = save;
    return quoted(w);
  }

  /**
   * {@code token} of this line as a message may quote it: {@code 'token'}, or {@code a redacted
   * value} when the parser's redactor masks it in the line (a secret is never echoed, not even as
   * the token an error found). The exception cuts a long token and masks keys in any case.
   */
  public String quoted(String token) {
    if (Secrets.containsKey(token)) {
      return "a redacted value";
    }
    String shown = redactor.apply(text());
    return shown == text() || shown.contains(token) ? "'" + token + "'" : "a redacted value";
  }

  /**
   * A number and its unit as printed, before conversion; see {@link Units}.
   *
   * @param value the number
   * @param unit the unit text as printed, possibly empty
   */
  public record Quantity(double value, String unit) {}
}
