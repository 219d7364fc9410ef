package io.wgdiag.analysis.compare;

import java.util.Locale;

/** Numbers as the comparison prints them, each with its unit. */
final class Format {
  private Format() {}

  /** Bits per second as {@code 94.1 Mbit/s}. */
  static String bitrate(double bitsPerSecond) {
    double v = Math.abs(bitsPerSecond);
    if (v >= 1e9) {
      return String.format(Locale.ROOT, "%.3g Gbit/s", bitsPerSecond / 1e9);
    }
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%.3g Mbit/s", bitsPerSecond / 1e6);
    }
    if (v >= 1e3) {
      return String.format(Locale.ROOT, "%.3g kbit/s", bitsPerSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f bit/s", bitsPerSecond);
  }

  /** Milliseconds as {@code 0.593 ms} (three significant digits). */
  static String ms(double millis) {
    if (Double.isInfinite(millis)) {
      return "no reply";
    }
    return String.format(Locale.ROOT, "%.3g ms", millis);
  }

  /** A share from 0 to 1 as a percentage, {@code 0.030%}. */
  static String share(double share) {
    double p = share * 100;
    if (p == 0) {
      return "0%";
    }
    return String.format(Locale.ROOT, Math.abs(p) >= 1 ? "%.1f%%" : "%.3f%%", p);
  }

  /** Percent (0–100) as {@code 42.5%}. */
  static String pct(double percent) {
    return String.format(Locale.ROOT, "%.1f%%", percent);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Seconds as {@code 12 s}; infinity as {@code never}. */
  static String seconds(double s) {
    return Double.isInfinite(s) ? "never" : String.format(Locale.ROOT, "%.0f s", s);
  }

  /** A figure of {@code unit} as text. */
  static String of(Measure.Unit unit, double v) {
    return switch (unit) {
      case BITS_PER_SECOND -> bitrate(v);
      case MILLISECONDS -> ms(v);
      case SHARE -> share(v);
      case PERCENT -> pct(v);
      case BYTES -> String.format(Locale.ROOT, "%.0f bytes", v);
      case SECONDS -> seconds(v);
    };
  }
}
