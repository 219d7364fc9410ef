package io.wgdiag.parsers.tcp;

import io.wgdiag.model.tcp.ImmutableSsReport;
import io.wgdiag.model.tcp.ImmutableTcpSocket;
import io.wgdiag.model.tcp.SsReport;
import io.wgdiag.model.tcp.TcpSocket;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Units;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ss -ti} and its variants ({@code -tin}, {@code -tinH}, {@code -tinHO}, {@code -tiepm}):
 * socket lines and the {@code tcp_info} lines after them (tab-indented in real output, flush left
 * when pasted: any line that is not a socket line belongs to the socket before it).
 *
 * <p>Rates in every form iproute2 has printed ({@code 1.9Gbps}, {@code 18.7Kbps}, raw {@code
 * 23525743590bps} with {@code -n}, {@code 1e+03Mbps}) become bits per second. Unknown {@code
 * key:value} tokens are kept in {@link TcpSocket#otherFields()}, so a newer iproute2 never breaks
 * the parse.
 */
public final class SsTcpInfoParser extends LineParser<SsReport> {

  private static final Set<String> STATES = Set.of(
      "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "UNCONN", "CLOSE-WAIT",
      "LAST-ACK", "LISTEN", "CLOSING", "CLOSED", "UNKNOWN");

  private static final Set<String> NETIDS = Set.of("tcp", "udp", "raw", "u_str", "u_dgr", "u_seq", "mptcp", "sctp", "p_raw", "p_dgr", "nl");

  /** Creates the parser. */
  public SsTcpInfoParser() {
    super("ss-tcp-info", SsReport.class);
  }

  @Override
  protected Session<SsReport> newSession() {
    ImmutableSsReport.Builder out = SsReport.builder();
    return new Session<>() {
      ImmutableTcpSocket.@Nullable Builder sock;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String first = line.peekWord();
        if (first.equals("State") || first.equals("Netid") || first.equals("Recv-Q")) {
          line.rest(); // the header
          return true;
        }
        if (NETIDS.contains(first) || STATES.contains(first)) {
          flush();
          sock = socket(line);
          if (!line.atEnd()) {
            info(sock, line); // -O: everything on one line
          }
          return true;
        }
        ImmutableTcpSocket.Builder s = sock;
        if (s == null) {
          return false;
        }
        info(s, line);
        return true;
      }

      private void flush() {
        if (sock != null) {
          out.addSockets(sock.build());
          sock = null;
        }
      }

      @Override
      public SsReport finish(int lines, boolean strict) {
        flush();
        return out.build();
      }
    };
  }

  private static ImmutableTcpSocket.Builder socket(LineCursor line) throws ParseException {
    ImmutableTcpSocket.Builder s = TcpSocket.builder().line(line.lineNumber());
    String w = line.word();
    if (NETIDS.contains(w)) {
      w = line.word("the socket state");
    }
    if (!STATES.contains(w)) {
      throw line.errorAt(line.position() - w.length(), "expected a socket state such as ESTAB, found '" + w + "'");
    }
    s.state(w);
    s.recvQ(line.number("Recv-Q"));
    s.sendQ(line.number("Send-Q"));
    String[] local = endpoint(line, "the local address:port");
    s.localAddress(local[0]).localPort(local[1]);
    String[] peer = endpoint(line, "the peer address:port");
    s.peerAddress(peer[0]).peerPort(peer[1]);
    if (line.lookingAt("users:(")) {
      s.process(line.word());
    }
    return s;
  }

  /** {@code 10.0.0.1:22}, {@code [::1]:22}, {@code [fe80::1%eth0]:22}, {@code *:*}, {@code 10.0.0.1%wg0:22}. */
  private static String[] endpoint(LineCursor line, String what) throws ParseException {
    int at = line.skipBlanks().position();
    String w = line.word(what);
    int colon = w.lastIndexOf(':');
    if (colon <= 0 || colon == w.length() - 1) {
      throw line.errorAt(at, "expected " + what + ", found '" + w + "'");
    }
    String addr = w.substring(0, colon);
    if (addr.startsWith("[") && addr.endsWith("]")) {
      addr = addr.substring(1, addr.length() - 1);
    }
    return new String[] {addr, w.substring(colon + 1)};
  }

  private static void info(ImmutableTcpSocket.Builder s, LineCursor line) throws ParseException {
    while (!line.atEnd()) {
      int at = line.position();
      String w = line.word();
      int colon = w.indexOf(':');
      if (w.equals("send") || w.equals("pacing_rate") || w.equals("delivery_rate")) {
        double bps = rate(line);
        switch (w) {
          case "send" -> s.sendBitsPerSecond(bps);
          case "pacing_rate" -> s.pacingBitsPerSecond(bps);
          default -> s.deliveryBitsPerSecond(bps);
        }
        continue;
      }
      if (colon < 0) {
        if (Set.of("cubic", "bbr", "bbr2", "reno", "dctcp", "htcp", "vegas", "westwood", "bic", "illinois", "hybla",
            "scalable", "yeah", "lp", "veno", "cdg", "nv", "highspeed").contains(w)) {
          s.congestionControl(w);
        } else {
          s.addFlags(w);
        }
        continue;
      }
      String key = w.substring(0, colon);
      String value = w.substring(colon + 1);
      try {
        switch (key) {
          case "rtt" -> {
            String[] p = value.split("/");
            s.rttMillis(Double.parseDouble(p[0]));
            if (p.length > 1) {
              s.rttVarMillis(Double.parseDouble(p[1]));
            }
          }
          case "rto" -> s.rtoMillis(Double.parseDouble(value));
          case "minrtt" -> s.minRttMillis(Double.parseDouble(value));
          case "mss" -> s.mssBytes(Long.parseLong(value));
          case "pmtu" -> s.pmtuBytes(Long.parseLong(value));
          case "advmss" -> s.advmssBytes(Long.parseLong(value));
          case "cwnd" -> s.cwndSegments(Long.parseLong(value));
          case "ssthresh" -> s.ssthreshSegments(Long.parseLong(value));
          case "bytes_sent" -> s.bytesSent(Long.parseLong(value));
          case "bytes_retrans" -> s.bytesRetrans(Long.parseLong(value));
          case "bytes_acked" -> s.bytesAcked(Long.parseLong(value));
          case "bytes_received" -> s.bytesReceived(Long.parseLong(value));
          case "segs_out" -> s.segsOut(Long.parseLong(value));
          case "segs_in" -> s.segsIn(Long.parseLong(value));
          case "data_segs_out" -> s.dataSegsOut(Long.parseLong(value));
          case "lost" -> s.lost(Long.parseLong(value));
          case "retrans" -> {
            String[] p = value.split("/");
            s.retransCurrent(Long.parseLong(p[0]));
            if (p.length > 1) {
              s.retransTotal(Long.parseLong(p[1]));
            }
          }
          default -> s.putOtherField(key, value);
        }
      } catch (NumberFormatException e) {
        throw line.errorAt(at + colon + 1, "expected a number after '" + key + ":', found '" + value + "'");
      }
    }
  }

  /** A rate after {@code send}/{@code pacing_rate}/{@code delivery_rate}: {@code 1.9Gbps}, {@code 23525743590bps}, {@code 3.8Gbps/4Gbps}. */
  private static double rate(LineCursor line) throws ParseException {
    int at = line.skipBlanks().position();
    String w = line.word("a rate such as 1.9Gbps");
    String first = w.indexOf('/') > 0 ? w.substring(0, w.indexOf('/')) : w;
    LineCursor c = LineCursor.of(first, line.lineNumber());
    try {
      LineCursor.Quantity q = c.quantity("a rate");
      double bps = Units.bitsPerSecond(q.value(), q.unit());
      if (!Double.isNaN(bps) && c.atEnd()) {
        return bps;
      }
    } catch (ParseException e) {
      // positioned below
    }
    throw line.errorAt(at, "expected a rate such as 1.9Gbps, found '" + w + "'");
  }
}
