package io.wgdiag.bench;

/** The practical limit every parser is measured against: split the input into lines and touch each. */
public final class LineSplitBaseline {
  private LineSplitBaseline() {}

  /** Splits {@code text} into lines and sums their lengths and first characters. */
  public static long touchLines(String text) {
    long acc = 0;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(start, end);
      acc += line.length() + (line.isEmpty() ? 0 : line.charAt(0));
      start = end + 1;
    }
    return acc;
  }
}
