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
}
