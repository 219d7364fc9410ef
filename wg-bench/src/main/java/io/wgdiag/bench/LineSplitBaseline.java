package io.wgdiag.bench;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The practical limit every parser is measured against: split the input into lines and touch each.
 * Each line is a real {@code String} handed to the blackhole, as a parser gets it; without that, the
 * JIT removes the substring and the "baseline" is only {@code indexOf('\n')}.
 */
public final class LineSplitBaseline {
  private LineSplitBaseline() {}

  /** Splits {@code text} into lines, hands each to {@code bh}, and sums their lengths and first characters. */
  public static long touchLines(String text, Blackhole bh) {
    long acc = 0;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(start, end);
      bh.consume(line);
      acc += line.length() + (line.isEmpty() ? 0 : line.charAt(0));
      start = end + 1;
    }
    return acc;
  }

  /**
   * The least a parser that reads every character must do, for comparison with the baseline: one
   * pass over the characters in order, reading each run of ASCII digits as a decimal number (as a
   * parser reads a counter) and counting every other character. Returns the sum of the numbers
   * (wrapping past {@code Long.MAX_VALUE}) plus that count, so that no character can be skipped.
   * The baseline hands the JIT's vectorised {@code indexOf} and {@code substring} (a copy) the
   * lines, 16 to 32 characters a step; this loop takes one character a step, as a scalar parser does.
   */
  public static long scanCharacters(String text) {
    long sum = 0;
    long number = 0;
    long others = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      int d = text.charAt(i) - '0';
      if (d >= 0 && d <= 9) {
        number = number * 10 + d;
      } else {
        sum += number;
        number = 0;
        others++;
      }
    }
    return sum + number + others;
  }
}
