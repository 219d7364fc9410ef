package io.wgdiag.parsers.qdisc;

import com.google.common.primitives.ImmutableLongArray;
import io.wgdiag.model.qdisc.CakeStats;
import io.wgdiag.model.qdisc.CakeTin;
import io.wgdiag.model.qdisc.FqStats;
import io.wgdiag.model.qdisc.ImmutableCakeStats;
import io.wgdiag.model.qdisc.ImmutableCakeTin;
import io.wgdiag.model.qdisc.ImmutableFqStats;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The typed statistics lines of one cake or fq qdisc in {@code tc -s qdisc}, read beside the
 * key-value pairs {@link TcQdiscParser} keeps: cake's memory, capacity and size lines and its
 * per-tin table (iproute2 {@code tc/q_cake.c}), fq's flow and drop counters in the current form
 * ({@code flows 3 (inactive 1 throttled 0)}) and the one before iproute2 5.6 ({@code 3 flows (1
 * inactive, 0 throttled)}), from {@code tc/q_fq.c}.
 */
final class KindStats {

  /** The row labels of cake's tin table, as {@code cake_print_xstats} prints them. */
  private static final Set<String> TIN_ROWS = Set.of("thresh", "target", "interval", "pk_delay", "av_delay", "sp_delay",
      "backlog", "pkts", "bytes", "way_inds", "way_miss", "way_cols", "drops", "marks", "ack_drop", "sp_flows", "bk_flows",
      "un_flows", "max_len", "quantum");

  private final boolean cake;
  private final ImmutableCakeStats.Builder cakeStats = CakeStats.builder();
  private final List<ImmutableCakeTin.Builder> tins = new ArrayList<>();
  private final ImmutableFqStats.Builder fqStats = FqStats.builder();
  private final long[] bandPackets = new long[3];
  private final long[] bandDrops = new long[3];
  private int bands = -1;
  private boolean seen;

  private KindStats(boolean cake) {
    this.cake = cake;
  }

  /** The reader for a qdisc of {@code kind}, or null when the kind has no typed statistics. */
  static @Nullable KindStats forKind(String kind) {
    return switch (kind) {
      case "cake" -> new KindStats(true);
      case "fq" -> new KindStats(false);
      default -> null;
    };
  }

  /**
   * Reads the line if it is one of this kind's statistics lines: true when it was read whole and
   * needs nothing more; false when it is not one (the caller reads it as before). An fq line of
   * the current form is read here and still returns false, so its pairs also go to the qdisc's
   * statistics map as before.
   */
  boolean accept(LineCursor line) throws ParseException {
    int start = line.position();
    boolean read = cake ? cakeLine(line) : fqLine(line);
    if (read) {
      seen = true;
    } else {
      line.position(start);
    }
    return read;
  }

  /** Whether a line after the Sent/backlog lines should be offered here before the backlog reader (cake's backlog row). */
  boolean inTable() {
    return !tins.isEmpty();
  }

  // ---------------------------------------------------------------- cake

  private boolean cakeLine(LineCursor line) throws ParseException {
    if (line.tryConsume("memory used:")) {
      cakeStats.memoryUsedBytes(size(line, "the memory used such as 124352b"));
      line.expect("of");
      cakeStats.memoryLimitBytes(size(line, "the memory limit such as 4Mb"));
      return end(line);
    }
    if (line.tryConsume("capacity estimate:")) {
      cakeStats.capacityEstimateBitsPerSecond(rate(line, "the capacity estimate such as 809Kbit"));
      return end(line);
    }
    if (line.tryConsume("min/max network layer size:")) {
      cakeStats.minNetworkSizeBytes(line.number("the smallest network-layer size"));
      line.expect("/");
      cakeStats.maxNetworkSizeBytes(line.number("the largest network-layer size"));
      return end(line);
    }
    if (line.tryConsume("min/max overhead-adjusted size:")) {
      cakeStats.minAdjustedSizeBytes(line.number("the smallest overhead-adjusted size"));
      line.expect("/");
      cakeStats.maxAdjustedSizeBytes(line.number("the largest overhead-adjusted size"));
      return end(line);
    }
    if (line.tryConsume("average network hdr offset:")) {
      cakeStats.averageHeaderOffsetBytes(line.number("the average header offset"));
      return end(line);
    }
    if (line.tryConsume("active queues:")) {
      cakeStats.activeQueues(line.number("the active queue count"));
      return end(line);
    }
    String first = line.peekWord();
    if (tins.isEmpty() && (first.equals("Bulk") || first.equals("Tin") || first.equals("Best") || first.equals("Voice")
        || first.equals("Video"))) {
      header(line);
      return true;
    }
    if (!tins.isEmpty() && TIN_ROWS.contains(first)) {
      row(line, first);
      return true;
    }
    return false;
  }

  /** {@code Bulk  Best Effort  Video  Voice}, {@code Tin 0  Tin 1 ...}. */
  private void header(LineCursor line) throws ParseException {
    while (!line.atEnd()) {
      String w = line.word("a tin name");
      String name = w;
      if (w.equals("Best") && line.tryConsumeWord("Effort")) {
        name = "Best Effort";
      } else if (w.equals("Tin")) {
        name = "Tin " + line.number("the tin number after 'Tin'");
      }
      tins.add(CakeTin.builder().name(name));
    }
    seen = true;
  }

  /** One row of the tin table: its label, then one value per tin. */
  private void row(LineCursor line, String label) throws ParseException {
    line.expect(label);
    for (int i = 0; i < tins.size(); i++) {
      ImmutableCakeTin.Builder t = tins.get(i);
      String what = "the " + label + " of tin " + (i + 1) + " of " + tins.size();
      switch (label) {
        case "thresh" -> t.thresholdBitsPerSecond(rate(line, what + " such as 809Kbit"));
        case "target" -> t.targetMicros(micros(line, what + " such as 5ms"));
        case "interval" -> t.intervalMicros(micros(line, what + " such as 100ms"));
        case "pk_delay" -> t.peakDelayMicros(micros(line, what + " such as 4.3ms"));
        case "av_delay" -> t.averageDelayMicros(micros(line, what + " such as 343us"));
        case "sp_delay" -> t.sparseDelayMicros(micros(line, what + " such as 14us"));
        case "backlog" -> t.backlogBytes(size(line, what + " such as 0b"));
        case "pkts" -> t.packets(line.number(what));
        case "bytes" -> t.bytes(line.number(what));
        case "way_inds" -> t.wayIndirectHits(line.number(what));
        case "way_miss" -> t.wayMisses(line.number(what));
        case "way_cols" -> t.wayCollisions(line.number(what));
        case "drops" -> t.drops(line.number(what));
        case "marks" -> t.marks(line.number(what));
        case "ack_drop" -> t.ackDrops(line.number(what));
        case "sp_flows" -> t.sparseFlows(line.number(what));
        case "bk_flows" -> t.bulkFlows(line.number(what));
        case "un_flows" -> t.unresponsiveFlows(line.number(what));
        case "max_len" -> t.maxLengthBytes(line.number(what));
        case "quantum" -> t.quantumBytes(line.number(what));
        default -> throw line.error("a tin row");
      }
    }
    end(line);
  }

  // ---------------------------------------------------------------- fq

  private boolean fqLine(LineCursor line) throws ParseException {
    if (line.atDigit()) {
      return fqOldLine(line);
    }
    String first = line.peekWord();
    if (!(first.equals("flows") || first.equals("gc") || first.equals("pkts_too_long") || first.equals("alloc_errors")
        || first.equals("horizon_drops") || first.equals("horizon_caps") || first.startsWith("band"))) {
      return false;
    }
    boolean flowsLine = first.equals("flows");
    seen = true;
    while (!line.atEnd()) {
      line.tryConsume("(");
      String key = line.word("an fq statistic name");
      line.tryConsume("(");
      switch (key) {
        case "flows" -> fqStats.flows(line.number("the flow count"));
        case "inactive" -> fqStats.inactiveFlows(line.number("the inactive flow count"));
        case "throttled" -> {
          long n = line.number("the throttled count");
          if (flowsLine) {
            fqStats.throttledFlows(n);
          } else {
            fqStats.throttledEvents(n);
          }
        }
        case "next_packet_delay" -> fqStats.nextPacketDelayNanos(nanos(line, "the next packet delay such as 1.5ms"));
        case "gc" -> fqStats.gcFlows(line.number("the gc count"));
        case "highprio" -> fqStats.highprioPackets(line.number("the highprio count"));
        case "fastpath" -> fqStats.fastpathPackets(line.number("the fastpath count"));
        case "retrans" -> fqStats.retransPackets(line.number("the retrans count"));
        case "latency" -> fqStats.unthrottleLatencyNanos(nanos(line, "the unthrottle latency such as 18.3us"));
        case "ce_mark" -> fqStats.ceMarks(line.number("the ce_mark count"));
        case "flows_plimit" -> fqStats.flowsPlimitDrops(line.number("the flows_plimit count"));
        case "pkts_too_long" -> fqStats.tooLongDrops(line.number("the pkts_too_long count"));
        case "alloc_errors" -> fqStats.allocationErrors(line.number("the alloc_errors count"));
        case "horizon_drops" -> fqStats.horizonDrops(line.number("the horizon_drops count"));
        case "horizon_caps" -> fqStats.horizonCaps(line.number("the horizon_caps count"));
        default -> {
          int band = band(key);
          if (band < 0) {
            // a statistic newer than this reader: kept by the caller's pairs, skipped here
            if (line.atDigit()) {
              line.skipWord();
            }
            continue;
          }
          long n = line.number("the count after '" + key + "'");
          if (key.endsWith("_pkts")) {
            bandPackets[band] = n;
            bands = Math.max(bands, band);
          } else {
            bandDrops[band] = n;
          }
        }
      }
      line.tryConsume(")");
    }
    return false; // the pairs go to the statistics map as well
  }

  /** {@code band0_pkts} → 0, {@code band2_drops} → 2; -1 for another word. */
  private static int band(String key) {
    if (key.length() >= 10 && key.startsWith("band") && key.charAt(5) == '_'
        && (key.endsWith("_pkts") || key.endsWith("_drops"))) {
      int b = key.charAt(4) - '0';
      return b >= 0 && b < 3 ? b : -1;
    }
    return -1;
  }

  /**
   * The form before iproute2 5.6, a count before each name: {@code 2 flows (1 inactive, 0
   * throttled), next packet delay 1234 ns}, {@code 0 gc, 0 highprio, 3 retrans, 12 throttled, 5000
   * ns latency, 7 flows_plimit}, {@code 0 too long pkts, 0 alloc errors}.
   */
  private boolean fqOldLine(LineCursor line) throws ParseException {
    int save = line.position();
    line.number();
    String first = name(line);
    line.position(save);
    if (!(first.equals("flows") || first.equals("gc") || first.equals("too long pkts"))) {
      return false;
    }
    boolean flowsLine = first.equals("flows");
    seen = true;
    while (!line.atEnd()) {
      if (line.tryConsume("next packet delay")) {
        fqStats.nextPacketDelayNanos(line.number("the next packet delay in ns"));
        line.expect("ns");
      } else {
        long n = line.number("a count");
        int at = line.skipBlanks().position();
        String name = name(line);
        switch (name) {
          case "flows" -> fqStats.flows(n);
          case "inactive" -> fqStats.inactiveFlows(n);
          case "throttled" -> {
            if (flowsLine) {
              fqStats.throttledFlows(n);
            } else {
              fqStats.throttledEvents(n);
            }
          }
          case "gc" -> fqStats.gcFlows(n);
          case "highprio" -> fqStats.highprioPackets(n);
          case "retrans" -> fqStats.retransPackets(n);
          case "ns latency" -> fqStats.unthrottleLatencyNanos(n);
          case "ce_mark" -> fqStats.ceMarks(n);
          case "flows_plimit" -> fqStats.flowsPlimitDrops(n);
          case "too long pkts" -> fqStats.tooLongDrops(n);
          case "alloc errors" -> fqStats.allocationErrors(n);
          default -> throw line.errorAt(at, "expected flows, inactive, throttled, gc, highprio, retrans, ns latency, "
              + "ce_mark, flows_plimit, too long pkts or alloc errors after the count, found '" + name + "'");
        }
      }
      if (!(line.tryConsume("(") || line.tryConsume(",") || line.tryConsume(")"))) {
        break;
      }
      line.tryConsume(",");
    }
    return end(line);
  }

  /** The words up to the next comma or parenthesis (or the end), blanks at both ends dropped. */
  private static String name(LineCursor line) {
    line.skipBlanks();
    String src = line.source();
    int start = line.lineStart() + line.position();
    int end = start;
    while (end < line.lineEnd() && ",()".indexOf(src.charAt(end)) < 0) {
      end++;
    }
    line.position(end - line.lineStart());
    return src.substring(start, end).strip();
  }

  /**
   * fq's statistics from a {@code tc -j -s qdisc} object: the same counters, times in
   * nanoseconds. tc prints the key {@code throttled} twice there (flows, then events); the JSON
   * reader keeps the first, so the throttle events are absent.
   */
  static @Nullable FqStats fqFromJson(java.util.Map<?, ?> m) {
    if (!(m.get("flows") instanceof Long)) {
      return null;
    }
    ImmutableFqStats.Builder b = FqStats.builder();
    long[] bp = new long[3];
    long[] bd = new long[3];
    int lastP = -1;
    int lastD = -1;
    for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof Long n)) {
        continue;
      }
      String k = String.valueOf(e.getKey());
      switch (k) {
        case "flows" -> b.flows(n);
        case "inactive" -> b.inactiveFlows(n);
        case "throttled" -> b.throttledFlows(n);
        case "next_packet_delay" -> b.nextPacketDelayNanos(n);
        case "gc" -> b.gcFlows(n);
        case "highprio" -> b.highprioPackets(n);
        case "fastpath" -> b.fastpathPackets(n);
        case "retrans" -> b.retransPackets(n);
        case "latency" -> b.unthrottleLatencyNanos(n);
        case "ce_mark" -> b.ceMarks(n);
        case "flows_plimit" -> b.flowsPlimitDrops(n);
        case "pkts_too_long" -> b.tooLongDrops(n);
        case "alloc_errors" -> b.allocationErrors(n);
        case "horizon_drops" -> b.horizonDrops(n);
        case "horizon_caps" -> b.horizonCaps(n);
        default -> {
          int band = band(k);
          if (band >= 0 && k.endsWith("_pkts")) {
            bp[band] = n;
            lastP = Math.max(lastP, band);
          } else if (band >= 0 && n != 0) {
            bd[band] = n;
            lastD = Math.max(lastD, band);
          }
        }
      }
    }
    if (lastP >= 0) {
      b.bandPackets(ImmutableLongArray.copyOf(bp).subArray(0, lastP + 1));
    }
    if (lastD >= 0) {
      b.bandDrops(ImmutableLongArray.copyOf(bd).subArray(0, lastD + 1));
    }
    return b.build();
  }

  // ---------------------------------------------------------------- values

  private static boolean end(LineCursor line) throws ParseException {
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
    return true;
  }

  /** A tc SIZE ({@code 0b}, {@code 4Mb}, {@code 15140Kb}) in bytes. */
  private static long size(LineCursor line, String what) throws ParseException {
    int at = line.skipBlanks().position();
    LineCursor.Quantity q = line.quantity(what);
    long b = Units.bytes(q.value(), q.unit());
    if (b < 0 || q.unit().isEmpty()) {
      throw line.errorAt(at, "expected " + what + " (a size in b, Kb, Mb or Gb), found '" + q.value() + q.unit() + "'");
    }
    return b;
  }

  /** A tc RATE ({@code 0bit}, {@code 50560bit}, {@code 809Kbit}) in bits per second. */
  private static double rate(LineCursor line, String what) throws ParseException {
    int at = line.skipBlanks().position();
    LineCursor.Quantity q = line.quantity(what);
    double bps = Units.bitsPerSecond(q.value(), q.unit());
    if (Double.isNaN(bps)) {
      throw line.errorAt(at, "expected " + what + " (a rate in bit, Kbit, Mbit or Gbit), found '" + q.unit() + "'");
    }
    return bps;
  }

  /** A tc TIME ({@code 0us}, {@code 4.3ms}, {@code 100.0ms}, {@code 1.5s}) in microseconds, rounded. */
  private static long micros(LineCursor line, String what) throws ParseException {
    return Math.round(nanosOf(line, what) / 1000.0);
  }

  /** A tc TIME64 ({@code 10us}, {@code 18.3us}, {@code 123ns}) in nanoseconds, rounded. */
  private static long nanos(LineCursor line, String what) throws ParseException {
    return Math.round(nanosOf(line, what));
  }

  private static double nanosOf(LineCursor line, String what) throws ParseException {
    int at = line.skipBlanks().position();
    LineCursor.Quantity q = line.quantity(what);
    double f = switch (q.unit()) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      default -> -1;
    };
    if (f < 0) {
      throw line.errorAt(at, "expected " + what + " (a time in ns, us, ms or s), found '" + q.unit() + "'");
    }
    return q.value() * f;
  }

  // ---------------------------------------------------------------- result

  /** The cake statistics read, or null when no cake line was read. */
  @Nullable CakeStats cakeStats() {
    if (!cake || !seen) {
      return null;
    }
    for (ImmutableCakeTin.Builder t : tins) {
      cakeStats.addTin(t.build());
    }
    return cakeStats.build();
  }

  /** The fq statistics read, or null when no fq line was read. */
  @Nullable FqStats fqStats() {
    if (cake || !seen) {
      return null;
    }
    if (bands >= 0) {
      fqStats.bandPackets(ImmutableLongArray.copyOf(bandPackets).subArray(0, bands + 1));
    }
    int lastDrop = -1;
    for (int i = 0; i < bandDrops.length; i++) {
      if (bandDrops[i] != 0) {
        lastDrop = i;
      }
    }
    if (lastDrop >= 0) {
      fqStats.bandDrops(ImmutableLongArray.copyOf(bandDrops).subArray(0, lastDrop + 1));
    }
    return fqStats.build();
  }
}
