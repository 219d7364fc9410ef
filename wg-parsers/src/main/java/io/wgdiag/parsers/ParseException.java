package io.wgdiag.parsers;

/**
 * Input that a parser could not read, with where and what.
 *
 * <p>The message reads like {@code line 7, column 23: expected a number after 'mtu', found
 * 'lock'}. The offending line is kept, cut to {@link #MAX_LINE_TEXT} characters. Both the line
 * and the problem pass through the key guard ({@link Secrets#mask}): no WireGuard key, private,
 * preshared or public, is in either, whatever the parser put there. A token quoted in the problem
 * is cut to {@link #MAX_LINE_TEXT} characters and the problem to {@link #MAX_PROBLEM}.
 */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The longest line text kept in an exception, in characters. */
  public static final int MAX_LINE_TEXT = 200;

  /** The longest problem text kept in an exception, in characters. */
  public static final int MAX_PROBLEM = 2 * MAX_LINE_TEXT;

  private final int line;
  private final int column;
  private final String lineText;
  private final String problem;

  /**
   * Creates an exception.
   *
   * @param line the 1-based line number, or 0 when the problem is not on one line (end of input)
   * @param column the 1-based column, or 0 when unknown
   * @param lineText the line's text (it is cut to {@link #MAX_LINE_TEXT} characters)
   * @param problem what was expected and found, e.g. {@code expected a number, found 'lock'}
   */
  public ParseException(int line, int column, String lineText, String problem) {
    this(line, column, lineText, bound(problem), true);
  }

  private ParseException(int line, int column, String lineText, String boundedProblem, boolean ignored) {
    super(format(line, column, boundedProblem));
    this.line = line;
    this.column = column;
    this.lineText = cut(Secrets.mask(lineText));
    this.problem = boundedProblem;
  }

  /**
   * {@code problem} as an exception or a diagnostic keeps it: keys masked, each token quoted in
   * {@code '...'} cut to {@link #MAX_LINE_TEXT} characters, the whole cut to {@link #MAX_PROBLEM}.
   */
  public static String bound(String problem) {
    String p = Secrets.mask(problem);
    if (p.length() <= MAX_LINE_TEXT) {
      return p;
    }
    StringBuilder b = new StringBuilder(Math.min(p.length(), MAX_PROBLEM + 3));
    int i = 0;
    while (i < p.length() && b.length() < MAX_PROBLEM) {
      int open = p.indexOf('\'', i);
      if (open < 0) {
        b.append(p, i, p.length());
        break;
      }
      int close = p.indexOf('\'', open + 1);
      if (close < 0) {
        close = p.length();
      }
      b.append(p, i, open + 1).append(cut(p.substring(open + 1, close)));
      i = close;
      if (i < p.length()) {
        b.append('\'');
        i++;
      }
    }
    return b.length() <= MAX_PROBLEM ? b.toString() : b.substring(0, MAX_PROBLEM - 3) + "...";
  }

  private static String format(int line, int column, String problem) {
    if (line <= 0) {
      return problem;
    }
    return column > 0
        ? "line " + line + ", column " + column + ": " + problem
        : "line " + line + ": " + problem;
  }

  /** Cuts {@code text} to at most {@link #MAX_LINE_TEXT} characters, marking the cut with "...". */
  public static String cut(String text) {
    return text.length() <= MAX_LINE_TEXT ? text : text.substring(0, MAX_LINE_TEXT - 3) + "...";
  }

  /** The 1-based line number, 0 if the problem is at the end of input or not tied to a line. */
  public int line() {
    return line;
  }

  /** The 1-based column, 0 if unknown. */
  public int column() {
    return column;
  }

  /** The offending line, cut to {@link #MAX_LINE_TEXT} characters, secrets masked. */
  public String lineText() {
    return lineText;
  }

  /** What was expected and what was found, without the position. */
  public String problem() {
    return problem;
  }

  /**
   * The same problem with the line number moved by {@code offset}, for a block that starts at
   * line {@code offset + 1} of a larger file.
   */
  public ParseException shifted(int offset) {
    if (line <= 0 || offset == 0) {
      return this;
    }
    ParseException e = new ParseException(line + offset, column, lineText, problem);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** This problem as a lenient-mode diagnostic. */
  public Diagnostic toDiagnostic() {
    return new Diagnostic(line, column, problem, lineText);
  }
}
