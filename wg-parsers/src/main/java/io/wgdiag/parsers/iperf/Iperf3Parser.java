package io.wgdiag.parsers.iperf;

import io.wgdiag.model.iperf.ImmutableIperfInterval;
import io.wgdiag.model.iperf.ImmutableIperfResult;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads iperf3's text output, client or server, TCP or UDP, with {@code -P}, {@code -R} and the
 * error lines.
 *
 * <pre>{@code
 * Connecting to host 10.60.0.10, port 5201
 * [  5] local 10.60.0.1 port 43144 connected to 10.60.0.10 port 5201
 * [ ID] Interval           Transfer     Bitrate         Retr  Cwnd
 * [  5]   0.00-1.00   sec  62.2 MBytes   522 Mbits/sec    0   1.10 MBytes
 * - - - - - - - - - - - - - - - - - - - - - - - - -
 * [  5]   0.00-15.00  sec   848 MBytes   474 Mbits/sec   44             sender
 * [  5]   0.00-15.00  sec   846 MBytes   473 Mbits/sec                  receiver
 * }</pre>
 */
public final class Iperf3Parser extends LineParser<IperfResult> {

  /** Creates the parser. */
  public Iperf3Parser() {
    super("iperf3", IperfResult.class);
  }

  /** The lines read and let go: a progress, separator or banner line that the model does not keep. */
  private static final String[] SKIPPED = {"- -", "-----", "Server listening on", "Accepted connection from",
      "CPU Utilization:", "Test Complete", "Starting Test:", "Cookie:", "TCP MSS:", "Time:", "Linux ",
      "Control connection MSS", "Target Bitrate", "iperf 3.", "snd_tcp_congestion", "rcv_tcp_congestion", "warning:"};

  @Override
  protected Session<IperfResult> newSession() {
    ImmutableIperfResult.Builder r = IperfResult.builder();
    return new Session<>() {
      /** Whether the run is UDP so far: the protocol set in {@code r}, kept here to be read per interval. */
      boolean udp;
      /** One interval builder for the parse, cleared for each row. */
      final ImmutableIperfInterval.Builder row = IperfInterval.builder();
      /** The stream ids read so far ({@code 5}, {@code SUM}), each made once. */
      final List<String> ids = new ArrayList<>();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // the line without its outer white space, read in place: as line.stripped() would give it
        String src = line.source();
        int from = Fields.trimStart(src, line.lineStart(), line.lineEnd());
        int to = Fields.trimEnd(src, from, line.lineEnd());
        if (Fields.startsWith(src, from, to, "Connecting to host ")) {
          int h = from + "Connecting to host ".length();
          int comma = Fields.indexOf(src, ',', h, to);
          r.server(src.substring(h, comma > h ? comma : to));
          line.skipRest();
          return true;
        }
        if (Fields.startsWith(src, from, to, "Reverse mode")) {
          r.reverse(true);
          line.skipRest();
          return true;
        }
        if (Fields.startsWith(src, from, to, "iperf3: ")) {
          r.error(src.substring(from + "iperf3: ".length(), to));
          line.skipRest();
          return true;
        }
        if (Fields.is(src, from, to, "iperf Done.")) {
          line.skipRest();
          return true;
        }
        for (String skipped : SKIPPED) {
          if (Fields.startsWith(src, from, to, skipped)) {
            line.skipRest();
            return true;
          }
        }
        if (!line.tryConsume("[")) {
          return false;
        }
        String id = id(line);
        line.expect("]");
        if (id.equals("ID")) {
          if (Fields.indexOf(src, "Jitter", from, to) >= 0 || Fields.indexOf(src, "Datagrams", from, to) >= 0) {
            markUdp();
          }
          line.skipRest();
          return true;
        }
        if (line.lookingAt("local ")) {
          r.addStream(id);
          line.skipRest();
          return true;
        }
        if (line.lookingAt("(sender statistics not available)") || line.lookingAt("(receiver statistics not available)")) {
          // iperf 3.x's summary on a server that did not get the other side's numbers (iperf_api.c)
          line.skipRest();
          return true;
        }
        interval(row.clear(), line, id);
        IperfInterval built = row.build();
        if (udp && built.retransmits().isPresent()) {
          // a UDP client interval prints its datagram count where TCP prints Retr
          built = ImmutableIperfInterval.copyOf(built).withTotalDatagrams(built.retransmits()).withRetransmits(java.util.OptionalLong.empty());
        }
        if (built.role().isPresent()) {
          r.addSummary(built);
        } else {
          r.addInterval(built);
        }
        return true;
      }

      /** The run is UDP: in the result, and in {@link #udp} for the rows still to come. */
      private void markUdp() {
        r.protocol("UDP");
        udp = true;
      }

      /**
       * The stream id up to {@code ]}, as {@code line.until(']').strip()} reads it: the string made
       * for the same id before, or a new one.
       */
      private String id(LineCursor line) {
        line.skipBlanks();
        String src = line.source();
        int from = line.lineStart() + line.position();
        int stop = Fields.indexOf(src, ']', from, line.lineEnd());
        int end = stop < 0 ? line.lineEnd() : stop;
        int to = Fields.trimEnd(src, from, end);
        for (String known : ids) {
          if (Fields.is(src, from, to, known)) {
            line.position(end - line.lineStart());
            return known;
          }
        }
        String id = line.until(']').strip();
        if (ids.size() < 64) {
          ids.add(id);
        }
        return id;
      }

      /**
       * Reads an interval or summary row into {@code i} (cleared); a jitter or Lost/Total column sets
       * the run's protocol to UDP in {@code r} and {@code udp} at once.
       */
      private void interval(ImmutableIperfInterval.Builder i, LineCursor line, String id) throws ParseException {
        i.stream(id).line(line.lineNumber());
        i.startSeconds(line.decimal("the interval start"));
        line.expect("-");
        i.endSeconds(line.decimal("the interval end"));
        line.expect("sec");
        int at = line.skipBlanks().position();
        double size = line.decimal("the transfer size");
        String unit = line.word("a size unit (Bytes, KBytes, MBytes, GBytes)");
        long bytes = Units.bytes(size, unit);
        if (bytes < 0 || !unit.endsWith("Bytes")) {
          throw line.errorAt(at, "expected a size in Bytes, KBytes, MBytes or GBytes, found '" + unit + "'");
        }
        i.bytes(bytes);
        at = line.skipBlanks().position();
        double rate = line.decimal("the bitrate");
        String ru = line.word("a rate unit (bits/sec, Kbits/sec, Mbits/sec, Gbits/sec)");
        double bps = Units.bitsPerSecond(rate, ru);
        if (Double.isNaN(bps)) {
          throw line.errorAt(at, "expected a rate in bits/sec, Kbits/sec, Mbits/sec or Gbits/sec, found '" + ru + "'");
        }
        i.bitsPerSecond(bps);
        while (!line.atEnd()) {
          if (line.lookingAtWord("sender") || line.lookingAtWord("receiver")) {
            i.role(line.word());
          } else if (line.lookingAt("(")) {
            line.until(')'); // "(0%)" after Lost/Total
            line.expect(")");
          } else if (line.atDigit()) {
            int mark = line.position();
            double v = line.decimal("a number");
            if (line.tryConsumeWord("ms")) {
              i.jitterMillis(v);
              markUdp();
            } else if (line.tryConsume("/")) {
              i.lostDatagrams((long) v);
              i.totalDatagrams(line.number("the datagram total"));
              markUdp();
            } else if (line.lookingAtWord("KBytes") || line.lookingAtWord("MBytes") || line.lookingAtWord("Bytes")
                || line.lookingAtWord("GBytes")) {
              i.cwndBytes(Units.bytes(v, line.word()));
            } else {
              line.position(mark);
              long n = line.number("the retransmissions (Retr) or datagram count");
              i.retransmits(n);
            }
          } else {
            throw line.error("Retr, Cwnd, jitter, Lost/Total, sender or receiver");
          }
        }
      }

      @Override
      public IperfResult finish(int lines, boolean strict) {
        return r.build();
      }
    };
  }
}
