package io.wgdiag.analysis.internal;

import java.util.Locale;

/** Number formatting for titles, evidence and charts: units always printed. Internal: not exported. */
public final class Fmt {
  private Fmt() {}

  /** {@code 18.42 GiB}, {@code 1 452 B}: binary units, two decimals above 1 KiB. */
  public static String bytes(double b) {
    return bytes(b, 2);
  }

  /** {@code b} bytes in binary units, with {@code decimals} decimals above 1 KiB. */
  public static String bytes(double b, int decimals) {
    String[] u = {"B", "KiB", "MiB", "GiB", "TiB"};
    int i = 0;
    double v = b;
    while (Math.abs(v) >= 1024 && i < u.length - 1) {
      v /= 1024;
      i++;
    }
    return i == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%." + decimals + "f %s", v, u[i]);
  }

  /** {@code 474 Mbit/s}, {@code 2.07 Gbit/s}: decimal units. */
  public static String bitrate(double bps) {
    if (bps >= 1e9) {
      return String.format(Locale.ROOT, "%.2f Gbit/s", bps / 1e9);
    }
    if (bps >= 1e6) {
      return String.format(Locale.ROOT, "%.0f Mbit/s", bps / 1e6);
    }
    if (bps >= 1e3) {
      return String.format(Locale.ROOT, "%.0f kbit/s", bps / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f bit/s", bps);
  }

  /** A percentage with one decimal: {@code 62.3%}. */
  public static String pct(double p) {
    return String.format(Locale.ROOT, "%.1f%%", p);
  }

  /** A ratio as a percentage with up to three significant decimals: {@code 0.018%}. */
  public static String ratio(double r) {
    double p = r * 100;
    if (p >= 10) {
      return String.format(Locale.ROOT, "%.0f%%", p);
    }
    if (p >= 1) {
      return String.format(Locale.ROOT, "%.1f%%", p);
    }
    return String.format(Locale.ROOT, "%.3f%%", p);
  }

  /** Milliseconds with one decimal: {@code 23.4 ms}. */
  public static String ms(double ms) {
    return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : "%.1f ms", ms);
  }

  /** A whole number. */
  public static String n(long v) {
    return Long.toString(v);
  }
}
