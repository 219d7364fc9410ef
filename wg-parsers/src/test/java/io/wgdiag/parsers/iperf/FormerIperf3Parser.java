package io.wgdiag.parsers.iperf;

import io.wgdiag.model.iperf.ImmutableIperfInterval;
import io.wgdiag.model.iperf.ImmutableIperfResult;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Units;

/**
 * The iperf3 parser as it was before it read lines in place: the reference its property compares
 * with, on recorded and mutated input, kept from the rewrite of round 5 of issue 7. A deliberate
 * change to what the parser reads must be made here too, or this reference and its property deleted
 * together.
 */
final class FormerIperf3Parser extends LineParser<IperfResult> {

  FormerIperf3Parser() {
    super("iperf3", IperfResult.class);
  }

  @Override
  protected Session<IperfResult> newSession() {
    ImmutableIperfResult.Builder r = IperfResult.builder();
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String t = line.stripped();
        if (t.startsWith("Connecting to host ")) {
          String host = t.substring("Connecting to host ".length());
          int comma = host.indexOf(',');
          r.server(comma > 0 ? host.substring(0, comma) : host);
          line.rest();
          return true;
        }
        if (t.startsWith("Reverse mode")) {
          r.reverse(true);
          line.rest();
          return true;
        }
        if (t.startsWith("iperf3: ")) {
          r.error(t.substring("iperf3: ".length()));
          line.rest();
          return true;
        }
        if (t.startsWith("- -") || t.startsWith("-----") || t.equals("iperf Done.") || t.startsWith("Server listening on")
            || t.startsWith("Accepted connection from") || t.startsWith("CPU Utilization:") || t.startsWith("Test Complete")
            || t.startsWith("Starting Test:") || t.startsWith("Cookie:") || t.startsWith("TCP MSS:")
            || t.startsWith("Time:") || t.startsWith("Linux ") || t.startsWith("Control connection MSS")
            || t.startsWith("Target Bitrate") || t.startsWith("iperf 3.") || t.startsWith("snd_tcp_congestion")
            || t.startsWith("rcv_tcp_congestion") || t.startsWith("warning:")) {
          line.rest();
          return true;
        }
        if (!line.tryConsume("[")) {
          return false;
        }
        String id = line.until(']').strip();
        line.expect("]");
        if (id.equals("ID")) {
          if (t.contains("Jitter") || t.contains("Datagrams")) {
            r.protocol("UDP");
          }
          line.rest();
          return true;
        }
        if (line.lookingAt("local ")) {
          r.addStream(id);
          line.rest();
          return true;
        }
        interval(r, line, id);
        return true;
      }

      @Override
      public IperfResult finish(int lines, boolean strict) {
        return r.build();
      }
    };
  }

  private static void interval(ImmutableIperfResult.Builder r, LineCursor line, String id) throws ParseException {
    ImmutableIperfInterval.Builder i = IperfInterval.builder().stream(id).line(line.lineNumber());
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
    boolean summary = false;
    while (!line.atEnd()) {
      if (line.lookingAtWord("sender") || line.lookingAtWord("receiver")) {
        i.role(line.word());
        summary = true;
      } else if (line.lookingAt("(")) {
        line.until(')'); // "(0%)" after Lost/Total
        line.expect(")");
      } else if (line.atDigit()) {
        int mark = line.position();
        double v = line.decimal("a number");
        if (line.tryConsumeWord("ms")) {
          i.jitterMillis(v);
          r.protocol("UDP");
        } else if (line.tryConsume("/")) {
          i.lostDatagrams((long) v);
          i.totalDatagrams(line.number("the datagram total"));
          r.protocol("UDP");
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
    IperfInterval built = i.build();
    if ("UDP".equals(r.build().protocol()) && built.retransmits().isPresent()) {
      // a UDP client interval prints its datagram count where TCP prints Retr
      built = ImmutableIperfInterval.copyOf(built).withTotalDatagrams(built.retransmits()).withRetransmits(java.util.OptionalLong.empty());
    }
    if (summary) {
      r.addSummary(built);
    } else {
      r.addInterval(built);
    }
  }
}
