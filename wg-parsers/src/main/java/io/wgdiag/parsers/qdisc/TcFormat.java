package io.wgdiag.parsers.qdisc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * tc's own humanised printing (iproute2 {@code lib/json_print.c}, {@code lib/json_print_math.c},
 * {@code lib/utils.c}), so a qdisc read from {@code tc -j} carries its options exactly as the text
 * form prints them. {@code tc -j} prints raw numbers: rates in bytes per second, sizes in bytes,
 * times in microseconds ({@code sprint_time}) or nanoseconds ({@code sprint_time64}).
 */
final class TcFormat {

  /** How tc prints a JSON option in its text form. */
  enum Kind {
    /** Bytes per second, printed as {@code 20Mbit}. */
    RATE,
    /** Bytes, printed as {@code 16Kb}. */
    SIZE,
    /** Packets, printed as {@code 10240p}. */
    PACKETS,
    /** Microseconds, printed as {@code 5ms}. */
    TIME_US,
    /** Nanoseconds, printed as {@code 10us}. */
    TIME_NS
  }

  /** Options and statistics per qdisc kind whose text form is humanised (from each {@code tc/q_*.c}). */
  private static final Map<String, Map<String, Kind>> KINDS = Map.of(
      "pfifo", Map.of("limit", Kind.PACKETS),
      "pfifo_head_drop", Map.of("limit", Kind.PACKETS),
      "bfifo", Map.of("limit", Kind.SIZE),
      "tbf", Map.of("rate", Kind.RATE, "peakrate", Kind.RATE, "burst", Kind.SIZE, "mpu", Kind.SIZE,
          "minburst", Kind.SIZE, "lat", Kind.TIME_US, "limit", Kind.SIZE),
      "fq_codel", Map.of("limit", Kind.PACKETS, "target", Kind.TIME_US, "ce_threshold", Kind.TIME_US,
          "interval", Kind.TIME_US, "memory_limit", Kind.SIZE),
      "codel", Map.of("limit", Kind.PACKETS, "target", Kind.TIME_US, "ce_threshold", Kind.TIME_US,
          "interval", Kind.TIME_US),
      "fq", Map.ofEntries(Map.entry("limit", Kind.PACKETS), Map.entry("flow_limit", Kind.PACKETS),
          Map.entry("quantum", Kind.SIZE), Map.entry("initial_quantum", Kind.SIZE),
          Map.entry("maxrate", Kind.RATE), Map.entry("defrate", Kind.RATE),
          Map.entry("low_rate_threshold", Kind.RATE), Map.entry("refill_delay", Kind.TIME_US),
          Map.entry("ce_threshold", Kind.TIME_US), Map.entry("timer_slack", Kind.TIME_NS),
          Map.entry("horizon", Kind.TIME_US), Map.entry("offload_horizon", Kind.TIME_US),
          Map.entry("next_packet_delay", Kind.TIME_NS), Map.entry("latency", Kind.TIME_NS)));

  private TcFormat() {}

  /** The text form of JSON value {@code raw} of {@code key} on a {@code qdiscKind} qdisc. */
  static String text(String qdiscKind, String key, long raw) {
    Map<String, Kind> kinds = KINDS.get(qdiscKind);
    Kind k = kinds == null ? null : kinds.get(key);
    if (k == null) {
      return Long.toString(raw);
    }
    return switch (k) {
      case RATE -> rate(raw);
      case SIZE -> size(raw);
      case PACKETS -> raw + "p";
      case TIME_US -> timeMicros(raw);
      case TIME_NS -> timeNanos(raw);
    };
  }

  /** {@code print_color_rate} without IEC units: bytes per second to {@code 20Mbit}. */
  static String rate(long bytesPerSecond) {
    long rate = bytesPerSecond << 3;
    String[] units = {"", "K", "M", "G", "T"};
    int i = 0;
    for (; i < units.length - 1; i++) {
      if (Long.compareUnsigned(rate, 1000) < 0) {
        break;
      }
      if (Long.remainderUnsigned(rate, 1000) != 0 && Long.compareUnsigned(rate, 1000 * 1000) < 0) {
        break;
      }
      rate = Long.divideUnsigned(rate, 1000);
    }
    return Long.toUnsignedString(rate) + units[i] + "bit";
  }

  /** {@code sprint_size}: bytes to {@code 1514b}, {@code 16Kb}, {@code 32Mb}, {@code 1Gb}. */
  static String size(long sz) {
    long kilo = 1024;
    long mega = kilo * kilo;
    long giga = mega * kilo;
    double tmp = sz;
    if (sz >= giga && Math.abs(giga * Math.rint(tmp / giga) - sz) < 1024) {
      return g(Math.rint(tmp / giga), 6) + "Gb";
    } else if (sz >= mega && Math.abs(mega * Math.rint(tmp / mega) - sz) < 1024) {
      return g(Math.rint(tmp / mega), 6) + "Mb";
    } else if (sz >= kilo && Math.abs(kilo * Math.rint(tmp / kilo) - sz) < 16) {
      return g(Math.rint(tmp / kilo), 6) + "Kb";
    }
    return sz + "b";
  }

  /** {@code sprint_time}: microseconds to {@code 5ms}, {@code 19.8ms}, {@code 1.5s}, {@code 250us}. */
  static String timeMicros(long us) {
    if (us >= 1_000_000) {
      return g(us / 1e6, 3) + "s";
    } else if (us >= 1000) {
      return g(us / 1e3, 3) + "ms";
    }
    return us + "us";
  }

  /** {@code sprint_time64}: nanoseconds to {@code 10.5us}, {@code 2ms}, {@code 1s}, {@code 800ns}. */
  static String timeNanos(long ns) {
    if (ns >= 1_000_000_000L) {
      return g(ns / 1e9, 3) + "s";
    } else if (ns >= 1_000_000L) {
      return g(ns / 1e6, 3) + "ms";
    } else if (ns >= 1000) {
      return g(ns / 1e3, 3) + "us";
    }
    return ns + "ns";
  }

  /** C's {@code %.Ng} for a finite non-negative value: N significant digits, no trailing zeros. */
  static String g(double v, int precision) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
      String e = String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
      return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + e;
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
