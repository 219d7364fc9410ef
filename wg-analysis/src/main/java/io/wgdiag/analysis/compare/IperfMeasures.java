package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Throughput from iperf3 runs, and which runs are comparable. */
final class IperfMeasures {
  private IperfMeasures() {}


  /** The last single-flow iperf3 TCP run: its receiver's bitrate (else the sender's), in bits per second. */
  static Optional<Reading> singleFlowThroughput(HostSnapshot host) {
    return throughput(host, false);
  }

  /** The last parallel ({@code -P N}, N > 1) iperf3 TCP run: its receiver's SUM bitrate, in bits per second. */
  static Optional<Reading> parallelThroughput(HostSnapshot host) {
    return throughput(host, true);
  }

  private static Optional<Reading> throughput(HostSnapshot host, boolean parallel) {
    Fact<IperfResult> run = null;
    for (Fact<IperfResult> f : host.facts(IperfResult.class)) {
      if (f.value().protocol().equals("TCP") && (streams(f) > 1) == parallel) {
        run = f;
      }
    }
    if (run == null) {
      return Optional.empty();
    }
    IperfResult r = run.value();
    String basis = iperfBasis(run.capture());
    Optional<IperfInterval> summary = r.summary("receiver").or(() -> r.summary("sender"));
    if (summary.isEmpty()) {
      // the run started and moved nothing it could report (refused, interrupted): 0 bit/s, as observed
      String why = r.error().map(e -> "iperf3 failed: " + e).orElse("iperf3 printed no summary");
      return Optional.of(Reading.of(0, "0 bit/s (" + why + ")", basis, run.source().toString()));
    }
    IperfInterval s = summary.get();
    List<Double> rates = new ArrayList<>();
    boolean sum = r.intervals().stream().anyMatch(i -> i.stream().equals("SUM"));
    for (IperfInterval i : r.intervals()) {
      if (i.stream().equals("SUM") == sum) {
        rates.add(i.bitsPerSecond());
      }
    }
    OptionalDouble spread = rates.size() >= 2 ? OptionalDouble.of(standardDeviation(rates)) : OptionalDouble.empty();
    String text = Format.bitrate(s.bitsPerSecond()) + " (" + s.role().orElse("summary")
        + (spread.isPresent() ? ", intervals ±" + Format.bitrate(spread.getAsDouble()) : "") + ")";
    return Optional.of(new Reading(s.bitsPerSecond(), text, spread, 0, 0, OptionalDouble.empty(), basis,
        run.sourceOf(s.line()).toString()));
  }

  /** The streams of a run: those it connected, else the {@code -P} of its command. */
  private static int streams(Fact<IperfResult> f) {
    int connected = f.value().parallelStreams();
    String p = option(f.capture().command(), "-P", "--parallel");
    try {
      return Math.max(connected, p.isEmpty() ? 1 : Integer.parseInt(p));
    } catch (NumberFormatException e) {
      return connected;
    }
  }

  /**
   * The options of an iperf3 command that shape the load ({@code -P}, {@code -b}, {@code -R},
   * {@code -u}, {@code -l}, {@code -w}, {@code -M}, {@code -C}, {@code --bidir}), in a fixed order:
   * two runs are comparable when these agree. The server, port, duration and output options do not
   * count.
   */
  static String iperfBasis(Capture c) {
    String cmd = c.command();
    StringBuilder b = new StringBuilder("iperf3");
    String[][] valued = {{"-P", "--parallel"}, {"-b", "--bitrate", "--bandwidth"}, {"-l", "--length"},
        {"-w", "--window"}, {"-M", "--set-mss"}, {"-C", "--congestion"}};
    for (String[] names : valued) {
      String v = option(cmd, names);
      if (!v.isEmpty() && !(names[0].equals("-P") && v.equals("1"))) {
        b.append(' ').append(names[0]).append(' ').append(v);
      }
    }
    List<String> words = List.of(cmd.split("\\s+"));
    for (String[] flag : new String[][] {{"-R", "--reverse"}, {"-u", "--udp"}, {"--bidir"}}) {
      for (String name : flag) {
        if (words.contains(name)) {
          b.append(' ').append(flag[0]);
          break;
        }
      }
    }
    return b.toString();
  }

  /** The value after the first of {@code names} in {@code command} ({@code -P 4}, {@code -P4}, {@code --parallel=4}), or "". */
  private static String option(String command, String... names) {
    String[] w = command.split("\\s+");
    for (int i = 0; i < w.length; i++) {
      for (String n : names) {
        if (w[i].equals(n) && i + 1 < w.length) {
          return w[i + 1];
        }
        if (n.startsWith("--") && w[i].startsWith(n + "=")) {
          return w[i].substring(n.length() + 1);
        }
        if (!n.startsWith("--") && w[i].startsWith(n) && w[i].length() > n.length()) {
          return w[i].substring(n.length());
        }
      }
    }
    return "";
  }


  private static double standardDeviation(List<Double> xs) {
    double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (xs.size() - 1));
  }
}
