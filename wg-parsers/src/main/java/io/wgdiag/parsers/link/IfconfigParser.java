package io.wgdiag.parsers.link;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.link.ImmutableLink;
import io.wgdiag.model.link.ImmutableLinkStats;
import io.wgdiag.model.link.ImmutableLinks;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ifconfig} (net-tools {@code lib/interface.c}, both its layouts, and busybox's) into
 * the same {@link Links} {@code ip -s link} gives, so every analyzer reads either.
 *
 * <pre>{@code
 * ens33: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
 *         inet 192.168.71.137  netmask 255.255.255.0  broadcast 192.168.71.255
 *         ether 00:0c:29:3b:58:0e  txqueuelen 1000  (Ethernet)
 *         RX packets 8061  bytes 1514413 (1.4 MiB)
 *         RX errors 0  dropped 0  overruns 0  frame 0
 *         TX packets 4502  bytes 419474 (409.6 KiB)
 *         TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0
 *
 * eth0      Link encap:Ethernet  HWaddr 00:0C:29:3B:58:0E
 *           inet addr:192.168.71.137  Bcast:192.168.71.255  Mask:255.255.255.0
 *           UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
 *           RX packets:8061 errors:0 dropped:0 overruns:0 frame:0
 *           TX packets:4502 errors:0 dropped:0 overruns:0 carrier:0
 *           collisions:0 txqueuelen:1000
 *           RX bytes:1514413 (1.5 MB)  TX bytes:419474 (419.4 KB)
 * }</pre>
 *
 * <p>How it maps onto a {@link Link}: {@code ifconfig} prints no interface index, so {@link
 * Link#index()} is 0; the flags are kept as printed (ifconfig's {@code RUNNING} where {@code ip}
 * prints {@code LOWER_UP}); the operational state is {@code UP} when {@code RUNNING} is set, else
 * {@code DOWN}; the hardware type is named as {@code ip} names it ({@code Ethernet}/{@code ether}
 * as {@code ether}, {@code Local Loopback}/{@code loop} as {@code loopback}, and {@code UNSPEC},
 * which net-tools prints for WireGuard's type {@code none}, as {@code none}). The counters map to
 * {@link LinkStats} as the kernel feeds them ({@code /proc/net/dev}): RX {@code overruns} is the
 * FIFO errors, RX {@code frame} the frame errors, TX {@code overruns} the TX FIFO errors; no
 * multicast count is printed. The address lines ({@code inet}, {@code inet6}) and the device lines
 * ({@code Interrupt:}, {@code device memory}) are kept as printed in {@link Link#otherDetails()}.
 */
public final class IfconfigParser extends LineParser<Links> {

  /** Creates the parser. */
  public IfconfigParser() {
    super("ifconfig", Links.class);
  }

  /** The flag names net-tools and busybox print ({@code if_flags}). */
  private static final Set<String> FLAGS = Set.of("UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT",
      "NOTRAILERS", "RUNNING", "NOARP", "PROMISC", "ALLMULTI", "SLAVE", "MASTER", "MULTICAST", "DYNAMIC",
      "PORTSEL", "AUTOMEDIA", "LOWER_UP", "DORMANT", "ECHO");

  @Override
  protected Session<Links> newSession() {
    ImmutableLinks.Builder links = Links.builder();
    return new Session<>() {
      @Nullable Draft draft;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String t = line.stripped();
        Draft header = Draft.header(line, t);
        if (header != null) {
          Draft before = draft;
          draft = header;
          if (before != null) {
            links.addLink(before.build(true)); // an error names the interface before, at its header
          }
          return true;
        }
        Draft d = draft;
        if (d == null) {
          return false;
        }
        return d.body(line, t);
      }

      @Override
      public Links finish(int lines, boolean strict) throws ParseException {
        Draft d = draft;
        if (d != null) {
          links.addLink(d.build(strict));
        }
        return links.build();
      }
    };
  }

  /** One interface being read. */
  private static final class Draft {
    final ImmutableLink.Builder link = Link.builder().index(0);
    final long[] counters = new long[Counter.COUNT];
    boolean anyCounter;
    final List<String> flags = new ArrayList<>();
    final int headerLine;
    final String headerText;
    boolean mtuSeen;

    Draft(int headerLine, String headerText) {
      this.headerLine = headerLine;
      this.headerText = headerText;
      Arrays.fill(counters, -1);
      link.line(headerLine);
    }

    /** The draft a header line starts, or null if {@code t} is no header. */
    static @Nullable Draft header(LineCursor line, String t) throws ParseException {
      int flagsAt = t.indexOf(": flags=");
      if (flagsAt > 0 && Fields.indexOf(t, ' ', 0, flagsAt) < 0) {
        // eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
        Draft d = new Draft(line.lineNumber(), t);
        d.link.name(t.substring(0, flagsAt));
        int open = t.indexOf('<', flagsAt);
        int close = t.indexOf('>', flagsAt);
        if (open < 0 || close < open) {
          throw line.errorAt(flagsAt + 2, "expected the flags as flags=N<UP,...>");
        }
        for (String f : t.substring(open + 1, close).split(",")) {
          if (!f.isEmpty()) {
            d.flags.add(f);
          }
        }
        LineCursor rest = LineCursor.of(t.substring(close + 1), line.lineNumber());
        while (!rest.atEnd()) {
          String k = rest.word();
          switch (k) {
            case "mtu" -> {
              d.link.mtuBytes((int) Math.min(Integer.MAX_VALUE, rest.number("the MTU in bytes after 'mtu'")));
              d.mtuSeen = true;
            }
            case "metric" -> d.link.addOtherDetail("metric " + rest.number("the metric after 'metric'"));
            case "outfill", "keepalive" -> d.link.addOtherDetail(k + " " + rest.number("the value of '" + k + "'"));
            default -> throw line.errorAt(line.text().indexOf(k, close), "expected 'mtu' or 'metric' after the flags, found '" + k + "'");
          }
        }
        return d;
      }
      int nameEnd = Fields.fieldEnd(t, 0, t.length());
      int encap = Fields.skipBlanks(t, nameEnd, t.length());
      if (nameEnd > 0 && encap > nameEnd && t.startsWith("Link encap:", encap)) {
        // eth0      Link encap:Ethernet  HWaddr 00:0C:29:3B:58:0E
        Draft d = new Draft(line.lineNumber(), t);
        d.link.name(t.substring(0, nameEnd));
        String after = t.substring(encap + "Link encap:".length());
        int hw = after.indexOf("HWaddr");
        String type = (hw < 0 ? after : after.substring(0, hw)).strip();
        if (type.isEmpty()) {
          throw line.errorAt(line.text().indexOf("Link encap:") + 11, "expected the hardware type after 'Link encap:'");
        }
        d.link.linkType(linkType(type));
        if (hw >= 0) {
          String addr = after.substring(hw + "HWaddr".length()).strip();
          int sp = Fields.fieldEnd(addr, 0, addr.length());
          if (sp == 0) {
            throw line.errorAt(line.text().indexOf("HWaddr") + 6, "expected the hardware address after 'HWaddr'");
          }
          d.address(addr.substring(0, sp));
          String more = addr.substring(sp).strip();
          if (!more.isEmpty()) {
            d.link.addOtherDetail(more);
          }
        }
        return d;
      }
      return null;
    }

    void address(String a) {
      // WireGuard and tun: 00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00, no address to speak of
      if (!a.replace("0", "").replace("-", "").isEmpty()) {
        link.address(a.toLowerCase(Locale.ROOT));
      }
    }

    /** The name {@code ip} gives the hardware type ifconfig names {@code type} (title or short name). */
    static String linkType(String type) {
      return switch (type) {
        case "Ethernet", "ether" -> "ether";
        case "Local Loopback", "loop" -> "loopback";
        case "UNSPEC", "unspec" -> "none";
        case "Point-to-Point Protocol", "ppp" -> "ppp";
        case "IPIP Tunnel", "tunnel" -> "ipip";
        case "IPv6-in-IPv4", "sit" -> "sit";
        case "InfiniBand", "infiniband" -> "infiniband";
        default -> type;
      };
    }

    boolean body(LineCursor line, String t) throws ParseException {
      if (t.startsWith("RX ") || t.startsWith("TX ") || t.startsWith("collisions:")) {
        counters(line, t);
        return true;
      }
      if (t.startsWith("inet ") || t.startsWith("inet6 ") || t.startsWith("inet addr:") || t.startsWith("Interrupt:")
          || t.startsWith("Memory:") || t.startsWith("Base address:") || t.startsWith("DMA chan:")
          || t.startsWith("device ")) {
        link.addOtherDetail(t);
        return true;
      }
      String first = t.isEmpty() ? "" : t.substring(0, Fields.fieldEnd(t, 0, t.length()));
      if (FLAGS.contains(first) || first.startsWith("MTU:")) {
        // UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
        LineCursor c = LineCursor.of(t, line.lineNumber());
        while (!c.atEnd()) {
          int at = c.position();
          String w = c.word();
          if (w.startsWith("MTU:")) {
            link.mtuBytes((int) Math.min(Integer.MAX_VALUE, value(line, w, 4, "the MTU in bytes after 'MTU:'")));
            mtuSeen = true;
          } else if (w.startsWith("Metric:") || w.startsWith("Outfill:") || w.startsWith("Keepalive:")) {
            link.addOtherDetail(w);
          } else if (FLAGS.contains(w)) {
            flags.add(w);
          } else {
            throw line.errorAt(line.text().indexOf(t) + at, "expected an interface flag or 'MTU:', found '" + w + "'");
          }
        }
        return true;
      }
      // ether 00:0c:29:3b:58:0e  txqueuelen 1000  (Ethernet) / loop  txqueuelen 1000  (Local Loopback)
      int q = t.indexOf("txqueuelen ");
      int paren = t.lastIndexOf('(');
      if (q > 0 && paren > q && t.endsWith(")")) {
        String head = t.substring(0, q).strip();
        String hwName = head.substring(0, Fields.fieldEnd(head, 0, head.length()));
        String addr = head.substring(hwName.length()).strip();
        link.linkType(linkType(hwName));
        if (!addr.isEmpty()) {
          address(addr);
        }
        LineCursor c = LineCursor.of(t.substring(q + "txqueuelen".length(), paren), line.lineNumber());
        link.txQueueLengthPackets(c.number("the queue length in packets after 'txqueuelen'"));
        if (!c.atEnd()) {
          throw line.errorAt(line.text().indexOf("txqueuelen"), "expected the hardware title in parentheses after the queue length");
        }
        return true;
      }
      return false;
    }

    /**
     * {@code RX packets:8061 errors:0 dropped:0 overruns:0 frame:0}, {@code RX bytes:1514413 (1.5 MB)
     * TX bytes:419474 (419.4 KB)}, {@code collisions:0 txqueuelen:1000}, {@code RX packets 8061
     * bytes 1514413 (1.4 MiB)}, {@code TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0}.
     */
    void counters(LineCursor line, String t) throws ParseException {
      String[] words = Fields.BLANKS.split(t);
      boolean rx = true;
      int offset = line.text().indexOf(t);
      int pos = 0;
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        int at = offset + t.indexOf(w, pos);
        pos = at - offset + w.length();
        if (w.equals("RX") || w.equals("TX")) {
          rx = w.equals("RX");
          continue;
        }
        if (w.startsWith("(")) {
          // the humanised size: (1.5 MB)
          while (i < words.length && !words[i].endsWith(")")) {
            i++;
          }
          continue;
        }
        String key;
        String value;
        int colon = w.indexOf(':');
        if (colon > 0 && colon < w.length() - 1) {
          key = w.substring(0, colon);
          value = w.substring(colon + 1);
        } else if (i + 1 < words.length) {
          key = w;
          value = words[++i];
          pos = t.indexOf(value, pos) + value.length();
        } else {
          throw line.errorAt(at, "expected a counter and its value, found '" + w + "'");
        }
        long v = value(line, value, 0, "the value of '" + key + "'");
        Counter c = counter(rx, key);
        if (key.equals("txqueuelen")) {
          link.txQueueLengthPackets(v);
        } else if (c == null) {
          throw line.errorAt(at, "expected an ifconfig counter (packets, bytes, errors, dropped, overruns, frame, carrier, collisions), found '" + key + "'");
        } else {
          counters[c.ordinal()] = v;
          anyCounter = true;
        }
      }
    }

    static @Nullable Counter counter(boolean rx, String key) {
      return switch (key) {
        case "packets" -> rx ? Counter.RX_PACKETS : Counter.TX_PACKETS;
        case "bytes" -> rx ? Counter.RX_BYTES : Counter.TX_BYTES;
        case "errors" -> rx ? Counter.RX_ERRORS : Counter.TX_ERRORS;
        case "dropped" -> rx ? Counter.RX_DROPPED : Counter.TX_DROPPED;
        case "overruns" -> rx ? Counter.RX_FIFO : Counter.TX_FIFO;
        case "frame" -> rx ? Counter.RX_FRAME : null;
        case "carrier" -> rx ? null : Counter.TX_CARRIER;
        case "collisions" -> Counter.TX_COLLISIONS;
        case "compressed" -> rx ? Counter.RX_COMPRESSED : Counter.TX_COMPRESSED;
        default -> null;
      };
    }

    static long value(LineCursor line, String w, int from, String what) throws ParseException {
      long v = Fields.digits(w, from, w.length());
      if (v < 0) {
        throw line.errorAt(Math.max(0, line.text().indexOf(w)) + from, "expected " + what + ", found '" + w.substring(from) + "'");
      }
      return v;
    }

    Link build(boolean strict) throws ParseException {
      if (!mtuSeen) {
        throw new ParseException(headerLine, 1, headerText, "expected the interface's MTU (a flags line with 'MTU:' or 'mtu')");
      }
      link.flags(ImmutableList.copyOf(flags));
      link.operState(flags.contains("RUNNING") ? "UP" : "DOWN");
      if (anyCounter) {
        Counter missing = null;
        for (Counter c : Counter.values()) {
          if (Counter.required(c) && c != Counter.RX_MULTICAST && counters[c.ordinal()] < 0) {
            missing = c;
            break;
          }
        }
        if (missing == null) {
          ImmutableLinkStats.Builder s = LinkStats.builder();
          Counter.apply(counters, s);
          link.stats(s.build());
        } else if (strict) {
          throw new ParseException(headerLine, 1, headerText,
              "expected every RX/TX counter of this interface; " + missing.name().toLowerCase(Locale.ROOT) + " is missing");
        }
      }
      return link.build();
    }
  }
}
