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
import org.jspecify.annotations.Nullable;

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
 * detail is kept as printed; its transport and last {@code length N} are read from it. With {@code
 * -e} the link-level header comes first ({@code MAC > MAC, ethertype 802.1Q (0x8100), length 102:
 * vlan 20, p 0, ethertype IPv4, ...}) and no protocol word follows for IPv4 and IPv6; with {@code
 * -t} there is no timestamp (read only where the line starts with a MAC address, which is
 * unambiguous).
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
      /** Whether {@link #packet} holds a packet not yet added (indented lines may still follow). */
      boolean open;
      /** Whether the open packet's {@code -v} IP header line waits for its {@code SRC > DST: ...} line. */
      boolean awaiting;
      /** The open packet's protocol word. */
      String proto = "";

      private void flush() {
        if (open) {
          if (awaiting) {
            // cut after the header line: no addresses, no transport line to read them from
            packet.detail("");
            packet.transport("OTHER");
          }
          b.addPacket(packet.build());
          open = false;
          awaiting = false;
        }
      }

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (awaiting) {
          // the second line of -v output: "    10.0.0.1.51820 > 10.0.0.2.51820: UDP, length 148"
          addresses(packet, seen, line, proto);
          awaiting = false;
          return true;
        }
        if (open && line.lineEnd() > line.lineStart()
            && (line.source().charAt(line.lineStart()) == ' ' || line.source().charAt(line.lineStart()) == '\t')) {
          // an ICMP error's quoted packet ("\tIP (tos 0x0, ...)"), -vv decodes
          packet.addQuoted(line.stripped());
          line.skipRest();
          return true;
        }
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
        if (macAhead(line)) {
          // -t -e: no timestamp, the link-level header first ("a2:df:d1:ed:e9:d5 > 4a:c7:...")
          flush();
          String pending = packet(packet, seen, line, "");
          awaiting = pending != null;
          proto = pending != null ? pending : "";
          open = true;
          return true;
        }
        if (line.atDigit()) {
          int save = line.position();
          String first = line.word();
          if (first.indexOf(':') > 0 && Fields.onlyDigits(first, ":.")) {
            flush();
            String pending = packet(packet, seen, line, first);
            awaiting = pending != null;
            proto = pending != null ? pending : "";
            open = true;
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
        flush();
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
   * One packet line after its timestamp, read in place into {@code p} (cleared first): addresses,
   * ports and the length where they stand; the hosts and the detail through {@code seen}. With
   * {@code -v} an IPv4 header in parentheses comes first and the addresses follow on the next line:
   * returns the protocol word when that line is still to come, else null.
   */
  private static @Nullable String packet(ImmutableTcpdumpPacket.Builder p, SharedText seen, LineCursor line, String time)
      throws ParseException {
    p.clear().time(time).line(line.lineNumber());
    int at = line.skipBlanks().position();
    String proto = line.word("the protocol (IP, IP6, ARP, ...)");
    if (line.lookingAtWord("In") || line.lookingAtWord("Out") || line.lookingAtWord("M") || line.lookingAtWord("B")
        || line.lookingAtWord("P")) {
      p.iface(proto).direction(line.word());
      at = line.skipBlanks().position();
      proto = line.word("the protocol (IP, IP6, ARP, ...)");
    } else if (DIRECTIONS.contains(proto) && isMac(line.peekWord())) {
      // -e on a cooked (-i any) capture: the direction, then the one MAC address
      p.direction(proto);
      at = line.skipBlanks().position();
      proto = line.word();
    }
    if (isMac(proto)) {
      proto = linkHeader(p, line, at);
    }
    p.protocol(proto);
    if ((proto.equals("IP") || proto.equals("IP6")) && line.lookingAt("(")) {
      ipHeader(p, line);
      if (line.atEnd()) {
        return proto;
      }
    }
    addresses(p, seen, line, proto);
    return null;
  }

  /** The directions {@code -i any} prints ({@code print-sll.c}). */
  private static final java.util.Set<String> DIRECTIONS = java.util.Set.of("In", "Out", "M", "B", "P");

  /** Whether the next word is a MAC address, looked at in place (no string is made for it). */
  private static boolean macAhead(LineCursor line) {
    line.skipBlanks();
    String src = line.source();
    int at = line.lineStart() + line.position();
    int end = line.lineEnd();
    if (at + 17 > end || (at + 17 < end && src.charAt(at + 17) != ' ' && src.charAt(at + 17) != '\t')) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = src.charAt(at + i);
      if (i % 3 == 2 ? c != ':' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A MAC address as tcpdump prints it: {@code 00:00:01:01:02:0b}. */
  static boolean isMac(String w) {
    if (w.length() != 17) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = w.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code -e}'s link-level header (tcpdump {@code print-ether.c}, {@code print-sll.c}), read from
   * {@code at} (the first MAC address) into {@code p}: {@code SRC > DST, ethertype NAME (0xNNNN),
   * length N: } (a cooked capture prints one address and no {@code >}), {@code (oui ...)} after an
   * address without {@code -n}, then for each 802.1Q tag {@code vlan N, p N, ethertype NAME[
   * (0xNNNN)], }. Returns the network protocol: {@code IP} for IPv4, {@code IP6} for IPv6 (tcpdump
   * then prints no such word), else the innermost ethertype as printed, whose packet stays detail.
   */
  private static String linkHeader(ImmutableTcpdumpPacket.Builder p, LineCursor line, int at) throws ParseException {
    String t = line.text();
    int e = t.indexOf(" ethertype ", at);
    if (e < 0) {
      throw line.errorAt(at, "expected 'ethertype' after the MAC address (tcpdump -e)");
    }
    int name = e + " ethertype ".length();
    int length = t.indexOf(", length ", name);
    int colon = length < 0 ? -1 : t.indexOf(": ", length);
    if (colon < 0) {
      throw line.errorAt(name, "expected ', length N: ' after the ethertype (tcpdump -e)");
    }
    String ethertype = ethertypeName(t, name, length);
    int end = colon + 2;
    boolean tagged = false;
    while (t.startsWith("vlan ", end)) {
      int d = end + 5;
      int d1 = d;
      while (d1 < t.length() && Character.isDigit(t.charAt(d1))) {
        d1++;
      }
      if (d1 == d || d1 - d > 4) {
        throw line.errorAt(d, "expected the VLAN id after 'vlan'");
      }
      if (!tagged) {
        p.vlan(Integer.parseInt(t, d, d1, 10));
        tagged = true;
      }
      int inner = t.indexOf(", ethertype ", d1);
      if (inner < 0) {
        throw line.errorAt(d1, "expected ', ethertype NAME' after the VLAN tag");
      }
      int n0 = inner + ", ethertype ".length();
      int n1 = t.indexOf(", ", n0);
      if (n1 < 0) {
        // the ethertype ends the line: nothing of the packet follows it
        ethertype = ethertypeName(t, n0, t.length());
        end = t.length();
        break;
      }
      ethertype = ethertypeName(t, n0, n1);
      end = n1 + 2;
    }
    p.linkHeader(t.substring(at, Math.max(at, end - (end < t.length() ? 2 : 0))).strip());
    line.position(end);
    return ethertype.equals("IPv4") ? "IP" : ethertype.equals("IPv6") ? "IP6" : ethertype;
  }

  /** The ethertype at {@code [from, to)} without its {@code (0xNNNN)}. */
  private static String ethertypeName(String t, int from, int to) {
    String s = t.substring(from, to); // searched within its bounds only: linear in the line, however many tags
    int hex = s.indexOf(" (0x");
    return (hex >= 0 ? s.substring(0, hex) : s).strip();
  }

  /**
   * {@code -v}'s IP header (tcpdump {@code print-ip.c}): {@code (tos 0x0, ttl 63, id 60034, offset
   * 0, flags [DF], proto UDP (17), length 1440)}, with {@code tos 0x1,ECT(1)} for ECN, and for IPv6
   * {@code (flowlabel 0x1, hlim 64, next-header UDP (17) payload length: 148)}.
   */
  private static void ipHeader(ImmutableTcpdumpPacket.Builder p, LineCursor line) throws ParseException {
    int open = line.position();
    line.expect("(");
    String t = line.text();
    int depth = 1;
    int i = line.position();
    while (i < t.length() && depth > 0) {
      char c = t.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      i++;
    }
    if (depth > 0) {
      throw line.errorAt(open, "expected the IP header in parentheses to be closed");
    }
    String h = t.substring(line.position(), i - 1);
    line.position(i);
    for (String part : h.split(", ")) {
      String f = part.strip();
      if (f.startsWith("tos ")) {
        String tos = f.substring(4);
        int comma = tos.indexOf(',');
        if (comma > 0) {
          p.ecn(tos.substring(comma + 1));
          tos = tos.substring(0, comma);
        }
        p.tos(tos);
      } else if (f.startsWith("ttl ")) {
        p.ttl(small(line, open, f.substring(4)));
      } else if (f.startsWith("hlim ")) {
        p.ttl(small(line, open, f.substring(5)));
      } else if (f.startsWith("id ")) {
        p.ipId(small(line, open, f.substring(3)));
      } else if (f.startsWith("offset ")) {
        p.fragmentOffsetBytes(small(line, open, f.substring(7)));
      } else if (f.startsWith("flags [") && f.endsWith("]")) {
        p.ipFlags(f.substring(7, f.length() - 1));
      } else if (f.startsWith("proto ") || f.startsWith("next-header ")) {
        String rest = f.substring(f.indexOf(' ') + 1);
        int sp = rest.indexOf(' ');
        p.ipProtocol(sp > 0 ? rest.substring(0, sp) : rest);
        int pl = rest.indexOf("payload length: ");
        if (pl >= 0) {
          p.ipLengthBytes(small(line, open, rest.substring(pl + "payload length: ".length())));
        }
      } else if (f.startsWith("length ")) {
        p.ipLengthBytes(small(line, open, f.substring(7)));
      }
      // other fields (options, bad cksum, flowlabel) stay in the text only
    }
  }

  private static int small(LineCursor line, int at, String digits) throws ParseException {
    String d = digits.strip();
    if (d.isEmpty() || d.length() > 9 || !Fields.onlyDigits(d, "")) {
      throw line.errorAt(at, "expected a number in the IP header, found '" + d + "'");
    }
    return Integer.parseInt(d);
  }

  /** {@code SRC > DST: DETAIL} (or, for other protocols, the detail alone) into {@code p}. */
  private static void addresses(ImmutableTcpdumpPacket.Builder p, SharedText seen, LineCursor line, String proto)
      throws ParseException {
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
      // -vv prints checksum verdicts before the transport: "[udp sum ok] UDP, length 148"
      String what = detail.startsWith("[") && detail.indexOf("] ") > 0 ? detail.substring(detail.indexOf("] ") + 2) : detail;
      String transport = what.startsWith("UDP") ? "UDP"
          : what.startsWith("ICMP6") ? "ICMP6"
          : what.startsWith("ICMP") ? "ICMP"
          : what.startsWith("Flags [") ? "TCP"
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
    p.detail(detail);
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
