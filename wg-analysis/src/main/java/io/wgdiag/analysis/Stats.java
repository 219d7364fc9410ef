package io.wgdiag.analysis;

import io.wgdiag.analysis.internal.Fmt;

/**
 * Honest rates: the Wilson score interval of a share {@code k / n}, and a confidence that falls
 * with the interval's width. Used by every rule that judges a rate (loss, retransmits, drops).
 */
final class Stats {
  private Stats() {}

  /**
   * The Wilson score interval of {@code k} events in {@code n} trials at z-score {@code z}: {@code
   * [low, high]}, both within [0, 1]. With {@code n <= 0}, {@code [0, 1]}.
   */
  static double[] wilson(long k, long n, double z) {
    if (n <= 0) {
      return new double[] {0, 1};
    }
    double p = Math.min(1, Math.max(0, (double) k / n));
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * A confidence (0 to 1) for a rate finding: {@code base} when the interval is narrow against the
   * rate, falling to 70% of it as the interval's half-width reaches the rate itself (that the events
   * happened is sure; how often is not), and to a third with no event at all.
   */
  static double confidence(double base, long k, long n, double z) {
    if (k <= 0 || n <= 0) {
      return base / 3;
    }
    double[] w = wilson(k, n, z);
    double rate = (double) k / n;
    double relative = Math.min(1, (w[1] - w[0]) / 2 / rate);
    double c = base * (1 - 0.3 * relative);
    return Math.round(c * 100) / 100.0;
  }

  /** The interval as text: {@code 95% interval 2.1%-9.8%}. */
  static String interval(long k, long n, double z) {
    double[] w = wilson(k, n, z);
    return String.format(java.util.Locale.ROOT, "%s interval %s-%s", z == 1.96 ? "95%" : "z=" + z,
        Fmt.pct(w[0] * 100), Fmt.pct(w[1] * 100));
  }
}
