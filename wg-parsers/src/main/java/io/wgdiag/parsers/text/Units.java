package io.wgdiag.parsers.text;

/**
 * Conversion of the units tools print into base units: bytes, bits per second, milliseconds.
 *
 * <p>Sizes are binary (powers of 1024), as {@code wg} ({@code KiB}), iperf3 ({@code KBytes}) and
 * tc ({@code Kb} means KiB) print them. Rates are decimal (powers of 1000), as iperf3 ({@code
 * Mbits/sec}), ss ({@code Mbps}) and tc ({@code Mbit}) print them. Each method returns a negative
 * value (or NaN) for a unit it does not know, so the caller can raise a positioned error.
 */
public final class Units {
  private Units() {}

  /** Bytes in {@code value unit}; {@code -1} for an unknown unit. Rounds to the nearest byte. */
  public static long bytes(double value, String unit) {
    double f = bytesFactor(unit);
    return f < 0 ? -1 : Math.round(value * f);
  }

  /** How many bytes one {@code unit} is: 1 for B/b/Bytes, 1024 for KiB/KBytes/Kb/K, ...; -1 if unknown. */
  public static double bytesFactor(String unit) {
    switch (unit) {
      case "":
      case "B":
      case "b":
      case "Bytes":
      case "bytes":
        return 1;
      case "KiB":
      case "KBytes":
      case "Kb":
      case "K":
      case "k":
      case "kB":
      case "KB":
        return 1024d;
      case "MiB":
      case "MBytes":
      case "Mb":
      case "M":
      case "MB":
        return 1024d * 1024;
      case "GiB":
      case "GBytes":
      case "Gb":
      case "G":
      case "GB":
        return 1024d * 1024 * 1024;
      case "TiB":
      case "TBytes":
      case "Tb":
      case "T":
      case "TB":
        return 1024d * 1024 * 1024 * 1024;
      default:
        return -1;
    }
  }

  /** Bits per second in {@code value unit} (bps, Kbps, Mbits/sec, Gbit, ...); NaN if unknown. */
  public static double bitsPerSecond(double value, String unit) {
    switch (unit) {
      case "bps":
      case "bit":
      case "bits/sec":
        return value;
      case "Kbps":
      case "kbps":
      case "Kbit":
      case "kbit":
      case "Kbits/sec":
        return value * 1e3;
      case "Mbps":
      case "Mbit":
      case "Mbits/sec":
        return value * 1e6;
      case "Gbps":
      case "Gbit":
      case "Gbits/sec":
        return value * 1e9;
      case "Tbps":
      case "Tbit":
      case "Tbits/sec":
        return value * 1e12;
      case "Kibit":
        return value * 1024;
      case "Mibit":
        return value * 1024 * 1024;
      case "Gibit":
        return value * 1024d * 1024 * 1024;
      default:
        return Double.NaN;
    }
  }

  /** Milliseconds in {@code value unit} (ns, us, ms, s, sec, min); NaN if unknown. */
  public static double millis(double value, String unit) {
    switch (unit) {
      case "ns":
        return value / 1e6;
      case "us":
      case "usec":
        return value / 1e3;
      case "ms":
      case "msec":
        return value;
      case "s":
      case "sec":
        return value * 1e3;
      case "min":
        return value * 60e3;
      default:
        return Double.NaN;
    }
  }
}
