package io.wgdiag.parsers.route;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.route.ImmutableRouteTable;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteCache;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads the kernel routing table as net-tools' {@code route} and {@code netstat -r} print it
 * ({@code lib/inet_gr.c}, {@code lib/inet6_gr.c}), and busybox's {@code route}, into the same
 * {@link RouteTable} {@code ip route} gives, so every analyzer reads either.
 *
 * <pre>{@code
 * Kernel IP routing table
 * Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
 * 0.0.0.0         192.168.71.2    0.0.0.0         UG    100    0        0 ens33
 * 192.168.71.0    0.0.0.0         255.255.255.0   U     100    0        0 ens33
 * }</pre>
 *
 * <p>The columns are read by the header's names, so every layout reads: {@code route -n},
 * {@code -e} and {@code netstat -rn} ({@code MSS Window irtt}), {@code -ee} (all of them), the
 * IPv6 table ({@code Destination Next Hop Flag Met Ref Use If}) and the route cache of
 * {@code route -C} ({@code Source Destination Gateway ...}), whose rows become cached routes.
 *
 * <p>How a row maps onto a {@link Route}: the destination and genmask become a prefix as {@code ip
 * route} prints it ({@code 192.168.71.0/24}; {@code default} for {@code 0.0.0.0/0}; a host route
 * as the bare address); a gateway of {@code 0.0.0.0}, {@code ::} or {@code *} is none; a metric of
 * 0 is not kept, as {@code ip route} does not print it; a reject route ({@code !}) is of type
 * {@code unreachable}; non-zero {@code MSS}, {@code Window} and {@code irtt} become the metrics
 * {@code advmss}, {@code window} and {@code rtt} (milliseconds); {@code Ref} and {@code Use}, and
 * every flag letter, are kept in {@link Route#other()} and {@link Route#flags()}. Without {@code
 * -n} the tool prints names ({@code default}, {@code gateway}, {@code link-local}), kept as printed.
 */
public final class RouteParser extends LineParser<RouteTable> {

  /** Creates the parser. */
  public RouteParser() {
    super("route", RouteTable.class);
  }

  /** The columns a header names, mapped to what they hold. */
  private enum Column { DESTINATION, GATEWAY, GENMASK, FLAGS, METRIC, REF, USE, IFACE, MSS, WINDOW, IRTT, SOURCE, OTHER }

  private static Column column(String name) {
    return switch (name) {
      case "Destination" -> Column.DESTINATION;
      case "Gateway", "Next Hop", "NextHop" -> Column.GATEWAY;
      case "Genmask" -> Column.GENMASK;
      case "Flags", "Flag" -> Column.FLAGS;
      case "Metric", "Met" -> Column.METRIC;
      case "Ref" -> Column.REF;
      case "Use" -> Column.USE;
      case "Iface", "If" -> Column.IFACE;
      case "MSS" -> Column.MSS;
      case "Window" -> Column.WINDOW;
      case "irtt" -> Column.IRTT;
      case "Source" -> Column.SOURCE;
      default -> Column.OTHER;
    };
  }

  @Override
  protected Session<RouteTable> newSession() {
    ImmutableRouteTable.Builder table = RouteTable.builder();
    return new Session<>() {
      final Fields f = new Fields();
      @Nullable List<Column> columns;
      boolean cacheTable;
      boolean titled;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String t = line.stripped();
        if (t.startsWith("Kernel IP routing table") || t.startsWith("Kernel IPv6 routing table")) {
          cacheTable = false;
          titled = true;
          columns = null;
          return true;
        }
        if (t.startsWith("Kernel IP routing cache") || t.startsWith("Kernel IPv6 routing cache")) {
          cacheTable = true;
          titled = true;
          columns = null;
          return true;
        }
        String first = t.substring(0, Fields.fieldEnd(t, 0, t.length()));
        if (first.equals("Destination") || first.equals("Source")) {
          columns = header(t);
          return true;
        }
        List<Column> cols = columns;
        if (cols == null) {
          return false;
        }
        f.split(line);
        if (f.count() != cols.size()) {
          throw line.errorAt(0, "expected " + cols.size() + " columns as the header names, found " + f.count());
        }
        table.addRoute(row(line, f, cols, cacheTable));
        return true;
      }

      @Override
      public RouteTable finish(int lines, boolean strict) throws ParseException {
        if (strict && columns == null && lines > 0 && !titled) {
          throw new ParseException(1, 1, "", "expected the routing table's header (Destination Gateway Genmask ...)");
        }
        return table.build();
      }
    };
  }

  /** The header's columns; {@code Next Hop} is one column written as two words. */
  private static List<Column> header(String t) {
    List<Column> out = new ArrayList<>();
    String[] words = Fields.BLANKS.split(t);
    for (int i = 0; i < words.length; i++) {
      if (words[i].equals("Next") && i + 1 < words.length && words[i + 1].equals("Hop")) {
        out.add(Column.GATEWAY);
        i++;
      } else {
        out.add(column(words[i]));
      }
    }
    return out;
  }

  private static Route row(LineCursor line, Fields f, List<Column> cols, boolean cache) throws ParseException {
    String dest = null;
    String gateway = null;
    String mask = null;
    String flags = "";
    String iface = null;
    String source = null;
    long metric = -1;
    ImmutableMap.Builder<String, String> metrics = ImmutableMap.builder();
    ImmutableMap.Builder<String, String> other = ImmutableMap.builder();
    for (int i = 0; i < cols.size(); i++) {
      String v = f.get(i);
      int at = f.start(i) - line.lineStart();
      switch (cols.get(i)) {
        case DESTINATION -> dest = v;
        case GATEWAY -> gateway = v;
        case GENMASK -> mask = v;
        case FLAGS -> flags = v;
        case IFACE -> iface = v;
        case SOURCE -> source = v;
        case METRIC -> metric = signed(line, v, at, "the metric");
        case REF -> other.put("ref", String.valueOf(number(line, v, at, "the reference count")));
        case USE -> other.put("use", String.valueOf(number(line, v, at, "the use count")));
        case MSS -> nonZero(metrics, "advmss", number(line, v, at, "the MSS in bytes"), "");
        case WINDOW -> nonZero(metrics, "window", number(line, v, at, "the window in bytes"), "");
        case IRTT -> nonZero(metrics, "rtt", number(line, v, at, "the initial RTT in ms"), "ms");
        case OTHER -> other.put("column" + (i + 1), v);
      }
    }
    if (dest == null) {
      throw line.errorAt(0, "expected a Destination column in the header");
    }
    ImmutableList.Builder<String> flagList = ImmutableList.builder();
    String type = "unicast";
    for (int i = 0; i < flags.length(); i++) {
      char c = flags.charAt(i);
      if ("UGHRDMAC!amnef".indexOf(c) < 0) {
        throw line.errorAt(line.text().indexOf(flags), "expected route flags (U G H R D M A C ! a m n e f), found '" + flags + "'");
      }
      if (c == '!') {
        type = "unreachable";
      }
      flagList.add(String.valueOf(c));
    }
    var b = Route.builder()
        .type(type)
        .destination(destination(line, dest, mask))
        .gateway(Optional.ofNullable(noGateway(gateway) ? null : gateway))
        .device(Optional.ofNullable(iface == null || iface.equals("*") ? null : iface))
        .source(Optional.ofNullable(source))
        .metric(metric > 0 ? OptionalLong.of(metric) : OptionalLong.empty())
        .metrics(metrics.buildOrThrow())
        .flags(flagList.build())
        .other(other.buildOrThrow())
        .line(line.lineNumber());
    if (cache || flags.indexOf('C') >= 0) {
      b.cache(RouteCache.builder().build());
    }
    return b.build();
  }

  private static boolean noGateway(@Nullable String g) {
    return g == null || g.equals("0.0.0.0") || g.equals("*") || g.equals("::") || g.equals("[::]");
  }

  /** The destination as {@code ip route} prints it: a prefix, the bare address of a host route, or default. */
  private static String destination(LineCursor line, String dest, @Nullable String mask) throws ParseException {
    if (mask == null) {
      // IPv6 (or the cache): the prefix is printed with the address
      if (dest.equals("::/0") || dest.equals("[::]/0")) {
        return "default";
      }
      return dest;
    }
    if (dest.equals("default")) {
      return "default";
    }
    int bits = prefixLength(mask);
    if (bits < 0) {
      throw line.errorAt(line.text().indexOf(mask), "expected a netmask such as 255.255.255.0, found '" + mask + "'");
    }
    if (bits == 0 && dest.equals("0.0.0.0")) {
      return "default";
    }
    return bits == 32 ? dest : dest + "/" + bits;
  }

  /** The prefix length of a dotted netmask, or -1 if it is not one. */
  static int prefixLength(String mask) {
    String[] parts = mask.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !Fields.onlyDigits(p, "")) {
        return -1;
      }
      int o = Integer.parseInt(p);
      if (o > 255) {
        return -1;
      }
      v = (v << 8) | o;
    }
    int bits = Long.bitCount(v);
    long expected = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return v == expected ? bits : -1;
  }

  private static void nonZero(ImmutableMap.Builder<String, String> m, String key, long v, String unit) {
    if (v != 0) {
      m.put(key, v + unit);
    }
  }

  private static long number(LineCursor line, String v, int at, String what) throws ParseException {
    long n = Fields.digits(v, 0, v.length());
    if (n < 0) {
      throw line.errorAt(at, "expected " + what + ", found '" + v + "'");
    }
    return n;
  }

  /** A metric, which the IPv6 table prints signed ({@code -1} for 4294967295). */
  private static long signed(LineCursor line, String v, int at, String what) throws ParseException {
    if (v.startsWith("-")) {
      long n = number(line, v.substring(1), at, what);
      return (0x1_0000_0000L - n) & 0xFFFF_FFFFL;
    }
    return number(line, v, at, what);
  }
}
