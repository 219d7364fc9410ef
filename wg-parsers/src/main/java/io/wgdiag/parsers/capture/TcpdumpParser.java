package io.wgdiag.parsers.capture;

import io.wgdiag.model.capture.ImmutableTcpdumpCapture;
import io.wgdiag.model.capture.ImmutableTcpdumpPacket;
import io.wgdiag.model.capture.TcpdumpCapture;
import io.wgdiag.model.capture.TcpdumpPacket;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.SharedText;

/**
 * Reads {@code tcpdump -n} packet lines and its header and summary lines.
 *
 * <pre>{@code
 * listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes
 * 01:12:01.123456 IP 198.51.100.10.51820 > 203.0.113.44.51820: UDP, length 148
 * 5 packets captured
 * }</pre>
 *
 * <p>A packet line is a timestamp, an optional interface and direction ({@code -i any}), a protocol
 * word and {@code SRC > DST: DETAIL}; the ports are the last dot-separated field of an address. The
 * detail is kept as printed; its transport and last {@code length N} are read from it.
 */
public final class TcpdumpParser extends LineParser<TcpdumpCapture> {

  /** Creates the parser. */
  public TcpdumpParser() {
    super("tcpdump", TcpdumpCapture.class);
  }

  @Override
  protected Session<TcpdumpCapture> newSession() {
    ImmutableTcpdumpCapture.Builder b = TcpdumpCapture.builder();
    return new Session<>() {
      /** One packet builder for the parse, cleared for each packet. */
      final ImmutableTcpdumpPacket.Builder packet = TcpdumpPacket.builder();
      final SharedText seen = new SharedText(64, Integer.MAX_VALUE);

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("tcpdump: ") || line.lookingAt("reading from file ")) {
          line.skipRest();
          return true;
        }
        if (line.tryConsume("listening on ")) {
          String iface = line.until(',');
          b.listeningOn(iface.strip());
          line.skipRest();
          return true;
        }
        if (line.atDigit()) {
          int save = line.position();
          String first = line.word();
          if (first.indexOf(':') > 0 && Fields.onlyDigits(first, ":.")) {
            packet(b, packet, seen, line, first);
            return true;
          }
          line.position(save);
          long n = line.number("a packet count");
          if (line.tryConsume("packets captured") || line.tryConsume("packet captured")) {
            b.captured(n);
          } else if (line.tryConsume("packets received by filter") || line.tryConsume("packet received by filter")) {
            b.receivedByFilter(n);
          } else if (line.tryConsume("packets dropped by kernel") || line.tryConsume("packet dropped by kernel")) {
            b.droppedByKernel(n);
          } else if (line.tryConsume("packets dropped by interface") || line.tryConsume("packet dropped by interface")) {
            line.skipRest();
          } else {
            return false;
          }
          return end(line);
        }
        return false;
      }

      @Override
      public TcpdumpCapture finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }

  private static boolean end(LineCursor line) throws ParseException {
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
    return true;
  }

  /**
   * One packet line after its timestamp, read in place: addresses, ports and the length where they
   * stand; the hosts and the detail through {@code seen} (hosts repeat from packet to packet, and so
   * do many details); the packet from {@code p}, the session's one builder, cleared first.
   */
  private static void packet(ImmutableTcpdumpCapture.Builder b, ImmutableTcpdumpPacket.Builder p, SharedText seen,
      LineCursor line, String time) throws ParseException {
    p.clear().time(time).line(line.lineNumber());
    String proto = line.word("the protocol (IP, IP6, ARP, ...)");
    if (line.lookingAtWord("In") || line.lookingAtWord("Out") || line.lookingAtWord("M") || line.lookingAtWord("B")
        || line.lookingAtWord("P")) {
      p.iface(proto).direction(line.word());
      proto = line.word("the protocol (IP, IP6, ARP, ...)");
    }
    p.protocol(proto);
    String text = line.source();
    int base = line.lineStart();
    String detail;
    if (proto.equals("IP") || proto.equals("IP6")) {
      int s0 = wordStart(line, "the source address");
      line.skipWord();
      int s1 = base + line.position();
      line.expect(">");
      int d0 = wordStart(line, "the destination address");
      line.skipWord();
      int d1 = base + line.position();
      if (text.charAt(d1 - 1) != ':') {
        throw line.errorAt(line.position() - (d1 - d0), "expected ':' after the destination address");
      }
      detail = rest(line, seen);
      String transport = detail.startsWith("UDP") ? "UDP"
          : detail.startsWith("ICMP6") ? "ICMP6"
          : detail.startsWith("ICMP") ? "ICMP"
          : detail.startsWith("Flags [") ? "TCP"
          : "OTHER";
      boolean ports = transport.equals("UDP") || transport.equals("TCP");
      address(p, seen, text, s0, s1, ports, true);
      address(p, seen, text, d0, d1 - 1, ports, false);
      p.transport(transport);
    } else {
      detail = rest(line, seen);
      p.transport("OTHER");
    }
    int len = detail.lastIndexOf("length ");
    if (len >= 0) {
      int s = len + 7;
      int e = s;
      while (e < detail.length() && Character.isDigit(detail.charAt(e))) {
        e++;
      }
      if (e > s && e - s <= 9) {
        p.lengthBytes(Integer.parseInt(detail, s, e, 10));
      }
    }
    b.addPacket(p.detail(detail).build());
  }

  /** Where the next word starts (absolute), failing as {@link LineCursor#word(String)} does at the end. */
  private static int wordStart(LineCursor line, String what) throws ParseException {
    if (line.atEnd()) {
      throw line.error(what);
    }
    return line.lineStart() + line.position();
  }

  /** {@link LineCursor#rest()}, read in place and made a string through {@code seen}. */
  private static String rest(LineCursor line, SharedText seen) {
    int from = line.restStart();
    int to = line.restEnd();
    line.skipRest();
    return seen.get(line.source(), from, to);
  }


  /** The host (and port) of the address {@code [from, to)} of {@code addr}. */
  private static void address(ImmutableTcpdumpPacket.Builder p, SharedText seen, String addr, int from, int to, boolean hasPort,
      boolean source) {
    int dot = Fields.lastIndexOf(addr, '.', from, to);
    boolean v6 = Fields.indexOf(addr, ':', from, to) >= 0;
    boolean portSplit = hasPort && dot > from && (v6 || count(addr, from, to, '.') == 4);
    String host = seen.get(addr, from, portSplit ? dot : to);
    if (source) {
      p.source(host);
    } else {
      p.destination(host);
    }
    int p0 = dot + 1;
    if (portSplit && p0 < to && to - p0 <= 5 && digits(addr, p0, to)) {
      int port = Integer.parseInt(addr, p0, to, 10);
      if (source) {
        p.sourcePort(port);
      } else {
        p.destinationPort(port);
      }
    }
  }

  /** Whether {@code [from, to)} of {@code s} is all digits ({@link Character#isDigit}). */
  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int count(String s, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
