package io.wgdiag.parsers.route;

import io.wgdiag.model.route.ImmutableRoute;
import io.wgdiag.model.route.ImmutableRouteTable;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.StreamingLineParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ip route show [table N|all]} (iproute2 {@code print_route}), IPv4 and IPv6.
 *
 * <pre>{@code
 * default via 192.0.2.1 dev eth0 proto static metric 100
 * blackhole 10.9.0.0/16 proto static
 * 10.60.0.0/24 dev wg0 proto kernel scope link src 10.60.0.1 mtu lock 1380
 * 10.70.0.0/24 proto static
 *         nexthop via 192.0.2.1 dev eth0 weight 1
 *         nexthop via 198.51.100.1 dev eth1 weight 2
 * }</pre>
 *
 * <p>A line starting with {@code nexthop} belongs to the route before it (real output indents it;
 * pasted copies lose that). Keywords iproute2 adds later are kept in {@link Route#other()}.
 */
public final class IpRouteParser extends StreamingLineParser<RouteTable, Route> {

  /** Creates the parser. */
  public IpRouteParser() {
    super("ip-route", RouteTable.class, Route.class);
  }

  @Override
  protected JsonForm<RouteTable> jsonForm() {
    return (p, diagnostics, strict) -> RouteJson.routes(p, diagnostics);
  }

  /** Each route goes to {@code sink} once its nexthop lines are read; the table comes back empty. */
  @Override
  protected Session<RouteTable> newSession(java.util.function.@Nullable Consumer<? super Route> sink) {
    ImmutableRouteTable.Builder table = RouteTable.builder();
    return new Session<>() {
      ImmutableRoute.@Nullable Builder current;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.tryConsumeWord("nexthop")) {
          ImmutableRoute.Builder c = current;
          if (c == null) {
            throw line.errorAt(0, "expected a route line before this nexthop");
          }
          c.addNexthops(RouteText.nexthop(line));
          return true;
        }
        flush();
        current = route(line);
        return true;
      }

      private void flush() {
        if (current != null) {
          if (sink != null) {
            sink.accept(current.build());
          } else {
            table.addRoutes(current.build());
          }
          current = null;
        }
      }

      @Override
      public RouteTable finish(int lines, boolean strict) {
        flush();
        return table.build();
      }
    };
  }

  static ImmutableRoute.Builder route(LineCursor line) throws ParseException {
    ImmutableRoute.Builder r = Route.builder().line(line.lineNumber());
    line.tryConsumeWord("Deleted");
    String first = line.word("a route destination");
    if (RouteText.TYPES.contains(first)) {
      r.type(first);
      first = line.word("the destination after the route type");
    }
    if (!first.equals("default") && !RouteText.looksLikeValue(first)) {
      throw line.errorAt(line.position() - first.length(), "expected a route destination (default, a prefix or an address), found '" + first + "'");
    }
    r.destination(first);
    while (!line.atEnd()) {
      int at = line.position();
      String w = line.word();
      switch (w) {
        case "via" -> {
          String gw = line.word("the gateway after 'via'");
          if (gw.equals("inet") || gw.equals("inet6")) {
            gw = line.word("the gateway after 'via " + gw + "'");
          }
          r.gateway(gw);
        }
        case "dev" -> r.device(line.word("the device after 'dev'"));
        case "table" -> r.table(line.word("the table after 'table'"));
        case "proto" -> r.protocol(line.word("the protocol after 'proto'"));
        case "scope" -> r.scope(line.word("the scope after 'scope'"));
        case "src" -> r.source(line.word("the source address after 'src'"));
        case "metric" -> r.metric(line.number("the metric"));
        case "pref" -> r.preference(line.word("the preference after 'pref'"));
        default -> {
          if (w.equals("mtu")) {
            boolean lock = line.tryConsumeWord("lock");
            r.mtuBytes((int) Math.min(Integer.MAX_VALUE, line.number("the MTU in bytes after 'mtu'")));
            r.mtuLocked(lock);
          } else if (RouteText.METRICS.contains(w)) {
            boolean lock = line.tryConsumeWord("lock");
            r.putMetric(w, (lock ? "lock " : "") + line.word("the value of " + w));
          } else if (RouteText.FLAGS.contains(w)) {
            r.addFlags(w);
          } else if (w.equals("from") || w.equals("nhid") || w.equals("tos") || w.equals("mark") || w.equals("realms")
              || w.equals("expires") || w.equals("error") || w.equals("iif") || w.equals("users") || w.equals("used")
              || w.equals("age") || w.equals("ipid") || w.equals("uid") || w.equals("ttl-propagate")) {
            r.putOther(w, line.word("the value of " + w));
          } else if (w.equals("cache")) {
            r.putOther("cache", "");
          } else if (RouteText.looksLikeValue(w)) {
            throw line.errorAt(at, "expected a keyword, found the value '" + w + "'");
          } else {
            // a keyword this version does not know: keep it, with its value if one follows
            String next = line.peekWord();
            r.putOther(w, RouteText.looksLikeValue(next) ? line.word() : "");
          }
        }
      }
    }
    return r;
  }
}
