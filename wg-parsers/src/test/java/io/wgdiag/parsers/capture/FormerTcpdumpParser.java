package io.wgdiag.parsers.capture;

import io.wgdiag.model.capture.ImmutableTcpdumpCapture;
import io.wgdiag.model.capture.ImmutableTcpdumpPacket;
import io.wgdiag.model.capture.TcpdumpCapture;
import io.wgdiag.model.capture.TcpdumpPacket;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/**
 * The tcpdump parser as it was before it read packets in place: the reference its property compares
 * with, on recorded and mutated input, kept from the rewrite of round 5 of issue 7. A deliberate
 * change to what the parser reads must be made here too, or this reference and its property deleted
 * together.
 */
final class FormerTcpdumpParser extends LineParser<TcpdumpCapture> {

  FormerTcpdumpParser() {
    super("tcpdump", TcpdumpCapture.class);
  }

  @Override
  protected Session<TcpdumpCapture> newSession() {
    ImmutableTcpdumpCapture.Builder b = TcpdumpCapture.builder();
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("tcpdump: ") || line.lookingAt("reading from file ")) {
          line.rest();
          return true;
        }
        if (line.tryConsume("listening on ")) {
          String iface = line.until(',');
          b.listeningOn(iface.strip());
          line.rest();
          return true;
        }
        if (line.atDigit()) {
          int save = line.position();
          String first = line.word();
          if (first.indexOf(':') > 0 && Fields.onlyDigits(first, ":.")) {
            packet(b, line, first);
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
            line.rest();
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

  private static void packet(ImmutableTcpdumpCapture.Builder b, LineCursor line, String time) throws ParseException {
    ImmutableTcpdumpPacket.Builder p = TcpdumpPacket.builder().time(time).line(line.lineNumber());
    String proto = line.word("the protocol (IP, IP6, ARP, ...)");
    String next = line.peekWord();
    if (next.equals("In") || next.equals("Out") || next.equals("M") || next.equals("B") || next.equals("P")) {
      p.iface(proto).direction(line.word());
      proto = line.word("the protocol (IP, IP6, ARP, ...)");
    }
    p.protocol(proto);
    String detail;
    if (proto.equals("IP") || proto.equals("IP6")) {
      String src = line.word("the source address");
      line.expect(">");
      String dst = line.word("the destination address");
      if (!dst.endsWith(":")) {
        throw line.errorAt(line.position() - dst.length(), "expected ':' after the destination address");
      }
      dst = dst.substring(0, dst.length() - 1);
      detail = line.rest();
      String transport = detail.startsWith("UDP") ? "UDP"
          : detail.startsWith("ICMP6") ? "ICMP6"
          : detail.startsWith("ICMP") ? "ICMP"
          : detail.startsWith("Flags [") ? "TCP"
          : "OTHER";
      boolean ports = transport.equals("UDP") || transport.equals("TCP");
      address(p, src, ports, true);
      address(p, dst, ports, false);
      p.transport(transport);
    } else {
      detail = line.rest();
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
        p.lengthBytes(Integer.parseInt(detail.substring(s, e)));
      }
    }
    b.addPacket(p.detail(detail).build());
  }

  private static void address(ImmutableTcpdumpPacket.Builder p, String addr, boolean hasPort, boolean source) {
    int dot = addr.lastIndexOf('.');
    boolean v6 = addr.indexOf(':') >= 0;
    boolean portSplit = hasPort && dot > 0 && (v6 || count(addr, '.') == 4);
    String host = portSplit ? addr.substring(0, dot) : addr;
    String port = portSplit ? addr.substring(dot + 1) : "";
    if (source) {
      p.source(host);
    } else {
      p.destination(host);
    }
    if (!port.isEmpty() && port.length() <= 5 && Fields.onlyDigits(port, "")) {
      if (source) {
        p.sourcePort(Integer.parseInt(port));
      } else {
        p.destinationPort(Integer.parseInt(port));
      }
    }
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
