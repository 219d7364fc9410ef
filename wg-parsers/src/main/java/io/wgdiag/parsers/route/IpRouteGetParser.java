package io.wgdiag.parsers.route;

import io.wgdiag.model.route.ImmutableRouteLookup;
import io.wgdiag.model.route.ImmutableRouteLookups;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ip route get ADDR}: the route line and the IPv4 {@code cache} line, or the error.
 *
 * <pre>{@code
 * 10.60.0.10 dev wg0 src 10.60.0.1 uid 1000
 *     cache expires 583sec mtu 1380
 * local 10.60.0.1 dev lo table local src 10.60.0.1 uid 0
 * 2001:db8::1 from :: via fd00::1 dev eth0 src fd00::2 metric 1024 pref medium
 * RTNETLINK answers: Network is unreachable
 * }</pre>
 *
 * <p>Several lookups in one text (several commands' output pasted together) each become a {@link
 * RouteLookup}. The {@code cache} line belongs to the lookup before it, indented or not.
 */
public final class IpRouteGetParser extends LineParser<RouteLookups> {

  /** Creates the parser. */
  public IpRouteGetParser() {
    super("ip-route-get", RouteLookups.class);
  }

  @Override
  protected Session<RouteLookups> newSession() {
    ImmutableRouteLookups.Builder out = RouteLookups.builder();
    return new Session<>() {
      ImmutableRouteLookup.@Nullable Builder current;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("RTNETLINK answers:") || line.lookingAt("Error:")) {
          flush();
          out.addLookup(RouteLookup.builder().destination("").error(line.rest()).line(line.lineNumber()).build());
          return true;
        }
        if (line.tryConsumeWord("cache")) {
          ImmutableRouteLookup.Builder c = current;
          if (c == null) {
            throw line.errorAt(0, "expected a route line before this cache line");
          }
          c.cached(true);
          tokens(c, line);
          return true;
        }
        flush();
        ImmutableRouteLookup.Builder l = RouteLookup.builder().line(line.lineNumber());
        String first = line.word("the destination");
        if (RouteText.TYPES.contains(first)) {
          l.type(first);
          first = line.word("the destination after the route type");
        }
        if (!RouteText.looksLikeValue(first)) {
          return false;
        }
        l.destination(first);
        tokens(l, line);
        current = l;
        return true;
      }

      private void flush() {
        if (current != null) {
          out.addLookup(current.build());
          current = null;
        }
      }

      @Override
      public RouteLookups finish(int lines, boolean strict) {
        flush();
        return out.build();
      }
    };
  }

  private static void tokens(ImmutableRouteLookup.Builder l, LineCursor line) throws ParseException {
    while (!line.atEnd()) {
      int at = line.position();
      String w = line.word();
      switch (w) {
        case "from" -> l.from(line.word("the source after 'from'"));
        case "via" -> {
          String gw = line.word("the gateway after 'via'");
          if (gw.equals("inet") || gw.equals("inet6")) {
            gw = line.word("the gateway after 'via ", gw, "'");
          }
          l.gateway(gw);
        }
        case "dev" -> l.device(line.word("the device after 'dev'"));
        case "table" -> l.table(line.word("the table after 'table'"));
        case "src" -> l.source(line.word("the source address after 'src'"));
        case "uid" -> l.uid(line.number("the uid"));
        case "metric" -> l.metric(line.number("the metric"));
        case "expires" -> l.expiresSeconds(line.number("the expiry", "sec"));
        case "mtu" -> {
          boolean lock = line.tryConsumeWord("lock");
          l.mtuBytes((int) Math.min(Integer.MAX_VALUE, line.number("the MTU in bytes after 'mtu'")));
          l.mtuLocked(lock);
        }
        default -> {
          if (w.startsWith("<") && w.endsWith(">")) {
            for (String f : w.substring(1, w.length() - 1).split(",")) {
              l.addFlag(f);
            }
          } else if (RouteText.FLAGS.contains(w)) {
            l.addFlag(w);
          } else if (RouteText.looksLikeValue(w)) {
            throw line.errorAt(at, "expected a keyword, found the value '" + w + "'");
          } else {
            String next = line.peekWord();
            l.putOther(w, RouteText.looksLikeValue(next) || RouteText.TYPES.contains(next) ? line.word() : "");
          }
        }
      }
    }
  }
}
