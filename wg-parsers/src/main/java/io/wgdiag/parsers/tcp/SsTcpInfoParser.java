package io.wgdiag.parsers.tcp;

import io.wgdiag.model.tcp.ImmutableSsReport;
import io.wgdiag.model.tcp.ImmutableTcpSocket;
import io.wgdiag.model.tcp.SsReport;
import io.wgdiag.model.tcp.TcpSocket;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.Names;
import io.wgdiag.parsers.text.StreamingLineParser;
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
public final class SsTcpInfoParser extends StreamingLineParser<SsReport, TcpSocket> {

  private static final Set<String> STATES = Set.of(
      "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "UNCONN", "CLOSE-WAIT",
      "LAST-ACK", "LISTEN", "CLOSING", "CLOSED", "UNKNOWN");

  private static final Set<String> NETIDS = Set.of("tcp", "udp", "raw", "u_str", "u_dgr", "u_seq", "mptcp", "sctp", "p_raw", "p_dgr", "nl");

  /** Creates the parser. */
  public SsTcpInfoParser() {
    super("ss-tcp-info", SsReport.class, TcpSocket.class);
  }

  /** Each socket goes to {@code sink} once its info line is read; the report comes back empty. */
  @Override
  protected Session<SsReport> newSession(java.util.function.@Nullable Consumer<? super TcpSocket> sink) {
    ImmutableSsReport.Builder out = SsReport.builder();
    return new Session<>() {
      ImmutableTcpSocket.@Nullable Builder sock;
      /** One socket builder for the parse: cleared when the next socket line starts. */
      final ImmutableTcpSocket.Builder reused = TcpSocket.builder();
      /** The other fields the open socket has printed: a name printed twice is that line's error. */
      final Names otherKeys = new Names();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String first = line.peekWord();
        if (first.equals("State") || first.equals("Netid") || first.equals("Recv-Q")) {
          line.skipRest(); // the header
          return true;
        }
        if (NETIDS.contains(first) || STATES.contains(first)) {
          flush();
          otherKeys.clear();
          sock = socket(reused.clear(), line);
          if (!line.atEnd()) {
            info(sock, line, otherKeys); // -O: everything on one line
          }
          return true;
        }
        ImmutableTcpSocket.Builder s = sock;
        if (s == null) {
          return false;
        }
        info(s, line, otherKeys);
        return true;
      }

      private void flush() {
        if (sock != null) {
          if (sink != null) {
            sink.accept(sock.build());
          } else {
            out.addSocket(sock.build());
          }
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

  private static ImmutableTcpSocket.Builder socket(ImmutableTcpSocket.Builder s, LineCursor line) throws ParseException {
    s.line(line.lineNumber());
    String w = line.word();
    if (NETIDS.contains(w)) {
      if (line.atDigit()) {
        // ss -i state established: a single state asked for, no State column printed
        s.recvQ(line.number("Recv-Q"));
        return socketRest(s, line);
      }
      w = line.word("the socket state");
    }
    if (!STATES.contains(w)) {
      throw line.errorAt(line.position() - w.length(), "expected a socket state such as ESTAB, found '" + w + "'");
    }
    s.state(w);
    s.recvQ(line.number("Recv-Q"));
    return socketRest(s, line);
  }

  /** The columns after Recv-Q: Send-Q, the two endpoints, the process. */
  private static ImmutableTcpSocket.Builder socketRest(ImmutableTcpSocket.Builder s, LineCursor line) throws ParseException {
    s.sendQ(line.number("Send-Q"));
    int colon = endpoint(line, "the local address:port");
    s.localAddress(address(line, colon)).localPort(port(line, colon));
    colon = endpoint(line, "the peer address:port");
    s.peerAddress(address(line, colon)).peerPort(port(line, colon));
    if (line.lookingAt("users:(")) {
      s.process(line.word());
    }
    return s;
  }

  /**
   * Finds the endpoint {@code 10.0.0.1:22}, {@code [::1]:22}, {@code [fe80::1%eth0]:22}, {@code
   * *:*}, {@code 10.0.0.1%wg0:22} in place and returns the position of its last colon in {@link
   * LineCursor#source()}; the cursor stays at the endpoint's start for {@link #address} and {@link
   * #port}, which move it past the word.
   */
  private static int endpoint(LineCursor line, String what) throws ParseException {
    String src = line.source();
    int base = line.lineStart();
    int from = base + line.skipBlanks().position();
    int to = Fields.wordEnd(src, from, line.lineEnd());
    int colon = Fields.lastIndexOf(src, ':', from, to);
    if (to == from) {
      throw line.error(what);
    }
    if (colon <= from || colon == to - 1) {
      throw line.errorAt(from - base, "expected " + what + ", found '" + src.substring(from, to) + "'");
    }
    return colon;
  }

  /** The address before {@code colon}, without IPv6 brackets. */
  private static String address(LineCursor line, int colon) {
    int from = line.lineStart() + line.position();
    if (colon - from >= 2 && line.source().charAt(from) == '[' && line.source().charAt(colon - 1) == ']') {
      return line.token(from + 1, colon - 1);
    }
    return line.token(from, colon);
  }

  /** The port after {@code colon} (shared: ports repeat); the cursor moves past the endpoint. */
  private static String port(LineCursor line, int colon) {
    String src = line.source();
    int to = Fields.wordEnd(src, colon + 1, line.lineEnd());
    line.position(to - line.lineStart());
    return line.token(colon + 1, to);
  }


  private static final Set<String> CONGESTION = Set.of("cubic", "bbr", "bbr2", "reno", "dctcp", "htcp", "vegas",
      "westwood", "bic", "illinois", "hybla", "scalable", "yeah", "lp", "veno", "cdg", "nv", "highspeed");

  private static void info(ImmutableTcpSocket.Builder s, LineCursor line, Names otherKeys) throws ParseException {
    // positions are absolute in line.source(): the line is read in place
    String t = line.source();
    int base = line.lineStart();
    int limit = line.lineEnd();
    while (!line.atEnd()) {
      int at = base + line.position();
      int end = Fields.wordEnd(t, at, limit);
      int colon = Fields.indexOf(t, ':', at, end);
      if (colon < 0) {
        String w = line.token(at, end);
        line.position(end - base);
        if (w.equals("send") || w.equals("pacing_rate") || w.equals("delivery_rate")) {
          double bps = rate(line);
          switch (w) {
            case "send" -> s.sendBitsPerSecond(bps);
            case "pacing_rate" -> s.pacingBitsPerSecond(bps);
            default -> s.deliveryBitsPerSecond(bps);
          }
        } else if (CONGESTION.contains(w)) {
          s.congestionControl(w);
        } else {
          s.addFlag(w);
        }
        continue;
      }
      String key = line.token(at, colon);
      int v = colon + 1;
      switch (key) {
        case "rtt" -> {
          int slash = Fields.indexOf(t, '/', v, end);
          if (slash > 0) {
            s.rttMillis(decimal(line, key, v, slash));
            s.rttVarMillis(decimal(line, key, slash + 1, end));
          } else {
            s.rttMillis(decimal(line, key, v, end));
          }
        }
        case "rto" -> s.rtoMillis(decimal(line, key, v, end));
        case "minrtt" -> s.minRttMillis(decimal(line, key, v, end));
        case "mss" -> s.mssBytes(count(line, key, v, end));
        case "pmtu" -> s.pmtuBytes(count(line, key, v, end));
        case "advmss" -> s.advmssBytes(count(line, key, v, end));
        case "cwnd" -> s.cwndSegments(count(line, key, v, end));
        case "ssthresh" -> s.ssthreshSegments(count(line, key, v, end));
        case "bytes_sent" -> s.bytesSent(count(line, key, v, end));
        case "bytes_retrans" -> s.bytesRetrans(count(line, key, v, end));
        case "bytes_acked" -> s.bytesAcked(count(line, key, v, end));
        case "bytes_received" -> s.bytesReceived(count(line, key, v, end));
        case "segs_out" -> s.segsOut(count(line, key, v, end));
        case "segs_in" -> s.segsIn(count(line, key, v, end));
        case "data_segs_out" -> s.dataSegsOut(count(line, key, v, end));
        case "lost" -> s.lost(count(line, key, v, end));
        case "retrans" -> {
          int slash = Fields.indexOf(t, '/', v, end);
          if (slash > 0) {
            s.retransCurrent(count(line, key, v, slash));
            s.retransTotal(count(line, key, slash + 1, end));
          } else {
            s.retransCurrent(count(line, key, v, end));
          }
        }
        default -> {
          if (otherKeys.find(key) >= 0) {
            // the socket's map would refuse it when the socket is made, lines later and for the whole input
            throw line.errorAt(at - base, "'" + key + "' is printed twice for this socket");
          }
          otherKeys.add(key);
          s.putOtherField(key, line.token(v, end));
        }
      }
      line.position(end - base);
    }
  }

  /** The decimal in {@code [from, to)} of the source, or an error naming {@code key}. */
  private static double decimal(LineCursor line, String key, int from, int to) throws ParseException {
    int base = line.lineStart();
    line.position(from - base);
    try {
      double d = line.decimal("a number");
      if (line.position() == to - base) {
        return d;
      }
    } catch (ParseException e) {
      // positioned below
    }
    throw notANumber(line, key, from, to);
  }

  /** The whole number in {@code [from, to)} of the source, or an error naming {@code key}. */
  private static long count(LineCursor line, String key, int from, int to) throws ParseException {
    long value = Fields.digits(line.source(), from, to);
    if (value < 0) {
      throw notANumber(line, key, from, to);
    }
    return value;
  }


  private static ParseException notANumber(LineCursor line, String key, int from, int to) {
    return line.errorAt(from - line.lineStart(),
        "expected a number after '" + key + ":', found '" + line.source().substring(from, to) + "'");
  }

  /**
   * A rate after {@code send}/{@code pacing_rate}/{@code delivery_rate}: {@code 1.9Gbps}, {@code
   * 23525743590bps}, {@code 3.8Gbps/4Gbps} (the first of the pair), read in place.
   */
  private static double rate(LineCursor line) throws ParseException {
    int base = line.lineStart();
    int at = base + line.skipBlanks().position();
    String t = line.source();
    int wordEnd = Fields.wordEnd(t, at, line.lineEnd());
    int slash = Fields.indexOf(t, '/', at + 1, wordEnd); // a pair: the first rate counts
    int stop = slash < 0 ? wordEnd : slash;
    try {
      double value = line.decimal("a rate");
      int u = base + line.position();
      boolean letters = u < stop;
      for (int i = u; i < stop; i++) {
        letters &= Character.isLetter(t.charAt(i));
      }
      if (letters) {
        double bps = Units.bitsPerSecond(value, line.token(u, stop));
        if (!Double.isNaN(bps)) {
          line.position(wordEnd - base);
          return bps;
        }
      }
    } catch (ParseException e) {
      // positioned below
    }
    line.position(wordEnd - base);
    throw line.errorAt(at - base, "expected a rate such as 1.9Gbps, found '" + t.substring(at, wordEnd) + "'");
  }
}
