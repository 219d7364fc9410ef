package io.wgdiag.parsers.route;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.route.ImmutableRoute;
import io.wgdiag.model.route.ImmutableRouteCache;
import io.wgdiag.model.route.ImmutableRouteTable;
import io.wgdiag.model.route.Nexthop;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteCache;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.KeyValues;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.SharedOptionals;
import io.wgdiag.parsers.text.StreamingLineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
      final Draft draft = new Draft();
      boolean open;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAtWord("cache")) {
          // older kernels: the cloned route's cache line under it (ip route show cache / table all)
          if (!open) {
            throw line.errorAt(0, "expected a route line before this cache line");
          }
          draft.read(line, true);
          return true;
        }
        if (line.tryConsumeWord("nexthop")) {
          if (!open) {
            throw line.errorAt(0, "expected a route line before this nexthop");
          }
          draft.nexthops.add(RouteText.nexthop(line));
          return true;
        }
        flush();
        draft.clear(line.lineNumber());
        draft.read(line, false);
        open = true;
        return true;
      }

      private void flush() {
        if (open) {
          Route r = draft.build();
          if (sink != null) {
            sink.accept(r);
          } else {
            table.addRoute(r);
          }
          open = false;
        }
      }

      @Override
      public RouteTable finish(int lines, boolean strict) {
        flush();
        return table.build();
      }
    };
  }

  /**
   * One route being read, reused from line to line: a million-route table costs one {@link Route}
   * per line and the strings it keeps, not a builder with four collection builders per line.
   */
  private static final class Draft {
    String type = "unicast";
    String destination = "";
    @Nullable String gateway;
    @Nullable String device;
    @Nullable String table;
    @Nullable String protocol;
    @Nullable String scope;
    @Nullable String source;
    long metric = -1;
    @Nullable String preference;
    int mtuBytes = -1;
    boolean mtuLocked;
    final KeyValues metrics = new KeyValues();
    final List<String> flags = new ArrayList<>();
    final List<Nexthop> nexthops = new ArrayList<>();
    final KeyValues other = new KeyValues();
    int line;
    /** The cache line's values, once a {@code cache} keyword was read; else null. */
    ImmutableRouteCache.@Nullable Builder cache;

    /** The Optional around each value, one per string instance (see {@link SharedOptionals}). */
    private final SharedOptionals wrapped = new SharedOptionals();

    private Optional<String> opt(@Nullable String s) {
      return wrapped.of(s);
    }

    Route build() {
      OptionalLong m = RouteText.optionalLong(metric);
      return ImmutableRoute.of(type, destination, opt(gateway), opt(device), opt(table), opt(protocol), opt(scope),
          opt(source), m, opt(preference), mtuBytes < 0 ? OptionalInt.empty() : OptionalInt.of(mtuBytes), mtuLocked,
          metrics.toMap(),
          flags.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(flags),
          nexthops.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(nexthops),
          other.toMap(), line).withCache(cache == null ? Optional.empty() : Optional.of(cache.build()));
    }

    void clear(int lineNumber) {
      type = "unicast";
      destination = "";
      gateway = null;
      device = null;
      table = null;
      protocol = null;
      scope = null;
      source = null;
      metric = -1;
      preference = null;
      mtuBytes = -1;
      mtuLocked = false;
      metrics.clear();
      flags.clear();
      nexthops.clear();
      other.clear();
      line = lineNumber;
      cache = null;
    }

    /** A keyword's value, once: a second one for the same route is an error on this line. */
    private static void putOnce(KeyValues map, String key, String value, LineCursor line, int at)
        throws ParseException {
      if (!map.putIfAbsent(key, value)) {
        throw line.errorAt(at, "'" + key + "' twice in one route");
      }
    }

    /**
     * Reads a route line, or with {@code cacheLine} the {@code cache ...} line under the route
     * read last: the same keywords follow on both (metrics, {@code iif}), the cache's own values
     * ({@code expires}, {@code users}, {@code age}, ...) only after {@code cache}.
     */
    void read(LineCursor line, boolean cacheLine) throws ParseException {
      if (!cacheLine) {
        line.tryConsumeWord("Deleted");
        String first = line.word("a route destination");
        if (RouteText.TYPES.contains(first)) {
          type = first;
          first = line.word("the destination after the route type");
        }
        if (!first.equals("default") && !RouteText.looksLikeValue(first)) {
          throw line.errorAt(line.position() - first.length(), "expected a route destination (default, a prefix or an address), found '" + first + "'");
        }
        destination = first;
      }
      while (!line.atEnd()) {
        if (cache != null && cacheValue(line)) {
          continue;
        }
        int at = line.position();
        String w = line.word();
        switch (w) {
          case "via" -> {
            String gw = line.word("the gateway after 'via'");
            if (gw.equals("inet") || gw.equals("inet6")) {
              gw = line.word("the gateway after 'via ", gw, "'");
            }
            gateway = gw;
          }
          case "dev" -> device = line.word("the device after 'dev'");
          case "table" -> table = line.word("the table after 'table'");
          case "proto" -> protocol = line.word("the protocol after 'proto'");
          case "scope" -> scope = line.word("the scope after 'scope'");
          case "src" -> source = line.word("the source address after 'src'");
          case "metric" -> metric = line.number("the metric");
          case "pref" -> preference = line.word("the preference after 'pref'");
          default -> {
            if (w.equals("mtu")) {
              boolean lock = line.tryConsumeWord("lock");
              mtuBytes = (int) Math.min(Integer.MAX_VALUE, line.number("the MTU in bytes after 'mtu'"));
              mtuLocked = lock;
            } else if (RouteText.METRICS.contains(w)) {
              boolean lock = line.tryConsumeWord("lock");
              putOnce(metrics, w, (lock ? "lock " : "") + line.word("the value of ", w, ""), line, at);
            } else if (RouteText.FLAGS.contains(w)) {
              flags.add(w);
            } else if (w.equals("from") || w.equals("nhid") || w.equals("tos") || w.equals("mark") || w.equals("realms")
                || w.equals("expires") || w.equals("error") || w.equals("iif") || w.equals("users") || w.equals("used")
                || w.equals("age") || w.equals("ipid") || w.equals("uid") || w.equals("ttl-propagate")) {
              putOnce(other, w, line.word("the value of ", w, ""), line, at);
            } else if (w.equals("cache") || w.equals("\\")) {
              // "\\" joins the cache line onto the route's with ip -o
              if (w.equals("cache")) {
                if (cache != null) {
                  throw line.errorAt(at, "a second cache line for one route");
                }
                cache = RouteCache.builder();
                if (line.peek() == '<') {
                  cacheFlags(line);
                }
              }
            } else if (RouteText.looksLikeValue(w)) {
              throw line.errorAt(at, "expected a keyword, found the value '" + w + "'");
            } else {
              // a keyword this version does not know: keep it, with its value if one follows
              String next = line.peekWord();
              putOnce(other, w, RouteText.looksLikeValue(next) ? line.word() : "", line, at);
            }
          }
        }
      }
    }
    /** {@code <local,brd>}: the route-cache flags; a hex number for flags iproute2 has no name for. */
    private void cacheFlags(LineCursor line) throws ParseException {
      int at = line.position();
      String w = line.word();
      if (!w.endsWith(">") || w.length() < 3) {
        throw line.errorAt(at, "expected the cache flags in angle brackets such as <local,brd>, found '" + w + "'");
      }
      ImmutableRouteCache.Builder c = java.util.Objects.requireNonNull(cache);
      for (String f : w.substring(1, w.length() - 1).split(",")) {
        if (f.isEmpty()) {
          throw line.errorAt(at, "expected a flag name between the commas of '" + w + "'");
        }
        c.addFlag(f);
      }
    }

    /**
     * Reads one of the cache line's own keywords and its value ({@code print_route}'s
     * {@code RTA_CACHEINFO}): false, consuming nothing, for any other word.
     */
    private boolean cacheValue(LineCursor line) throws ParseException {
      ImmutableRouteCache.Builder c = java.util.Objects.requireNonNull(cache);
      String w = line.peekWord();
      switch (w) {
        case "expires" -> {
          line.skipWord();
          c.expiresSeconds(seconds(line, "expires"));
        }
        case "age" -> {
          line.skipWord();
          c.ageSeconds(seconds(line, "age"));
        }
        case "users" -> {
          line.skipWord();
          c.users(line.number("the user count after 'users'"));
        }
        case "used" -> {
          line.skipWord();
          c.used(line.number("the use count after 'used'"));
        }
        case "error" -> {
          line.skipWord();
          c.error(line.integer("the error number after 'error'"));
        }
        case "ipid" -> {
          line.skipWord();
          c.ipId(line.word("the IP ID after 'ipid'"));
        }
        case "ts", "tsage" -> {
          int at = line.position();
          line.skipWord();
          putOnce(other, w, line.word("the value of ", w, ""), line, at);
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    /** {@code 588sec}: a whole number of seconds. */
    private static long seconds(LineCursor line, String key) throws ParseException {
      int at = line.position();
      String v = line.word("the seconds after '", key, "'");
      String digits = v.endsWith("sec") ? v.substring(0, v.length() - 3) : v;
      // iproute2 prints expires with %d: an entry past its expiry that the kernel has not yet
      // removed shows a negative count ("cache  expires -1sec")
      boolean negative = key.equals("expires") && digits.startsWith("-");
      if (negative) {
        digits = digits.substring(1);
      }
      if (digits.isEmpty() || !io.wgdiag.parsers.text.Fields.onlyDigits(digits, "") || digits.length() > 18) {
        throw line.errorAt(at, "expected the seconds after '" + key + "' such as 588sec, found '" + v + "'");
      }
      return negative ? -Long.parseLong(digits) : Long.parseLong(digits);
    }
  }
}
