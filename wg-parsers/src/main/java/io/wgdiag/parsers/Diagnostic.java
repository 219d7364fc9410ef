package io.wgdiag.parsers;

/**
 * A line a lenient parse could not read, kept with its position and text.
 *
 * @param line the 1-based line number, 0 for the end of input
 * @param column the 1-based column, 0 if unknown
 * @param message what was wrong, e.g. {@code unrecognised line} or {@code expected a number}; keys
 *     masked and bounded as {@link ParseException#bound} does
 * @param text the line's text, cut to {@link ParseException#MAX_LINE_TEXT} characters, keys masked
 *     ({@link Secrets#mask})
 */
public record Diagnostic(int line, int column, String message, String text) {

  /** Masks keys in both texts and bounds them, whoever made the diagnostic. */
  public Diagnostic {
    message = ParseException.bound(message);
    text = ParseException.cut(Secrets.mask(text));
  }

  /** The same diagnostic with the line number moved by {@code offset}. */
  public Diagnostic shifted(int offset) {
    return line <= 0 || offset == 0 ? this : new Diagnostic(line + offset, column, message, text);
  }

  @Override
  public String toString() {
    return (line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "")
        + message
        + (text.isEmpty() ? "" : ": " + text);
  }
}
