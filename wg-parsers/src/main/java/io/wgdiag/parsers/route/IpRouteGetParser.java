package io.wgdiag.parsers.route;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.route.ImmutableRouteLookup;
import io.wgdiag.model.route.ImmutableRouteLookups;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.KeyValues;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
    return new Session<>() {
      /** The lookups made so far: usually one, so no list until a second comes. */
      @Nullable RouteLookup first;
      @Nullable List<RouteLookup> more;
      /** The lookup being read (its cache line may follow), reused from lookup to lookup. */
      final Draft current = new Draft();
      boolean open;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("RTNETLINK answers:") || line.lookingAt("Error:")) {
          flush();
          add(ImmutableRouteLookup.of("", "unicast", Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(),
              false, false, OptionalLong.empty(), ImmutableList.of(), ImmutableMap.of(),
              Optional.of(line.rest()), line.lineNumber()));
          return true;
        }
        if (line.tryConsumeWord("cache")) {
          if (!open) {
            throw line.errorAt(0, "expected a route line before this cache line");
          }
          current.cached = true;
          tokens(current, line);
          return true;
        }
        flush();
        Draft l = current;
        l.clear(line.lineNumber());
        String first = line.word("the destination");
        if (RouteText.TYPES.contains(first)) {
          l.type = first;
          first = line.word("the destination after the route type");
        }
        if (!RouteText.looksLikeValue(first)) {
          return false;
        }
        l.destination = first;
        tokens(l, line);
        open = true;
        return true;
      }

      private void flush() {
        if (open) {
          add(current.build()); // open stays set if this throws, as the builder stayed current
          open = false;
        }
      }

      private void add(RouteLookup l) {
        if (first == null) {
          first = l;
          return;
        }
        List<RouteLookup> m = more;
        if (m == null) {
          m = new ArrayList<>();
          m.add(first);
          more = m;
        }
        m.add(l);
      }

      @Override
      public RouteLookups finish(int lines, boolean strict) {
        flush();
        List<RouteLookup> m = more;
        RouteLookup f = first;
        return ImmutableRouteLookups.of(
            m != null ? ImmutableList.copyOf(m) : f != null ? ImmutableList.of(f) : ImmutableList.of());
      }
    };
  }

  /**
   * One lookup being read, reused from lookup to lookup: a lookup costs the {@link RouteLookup} and
   * what it keeps, not a builder with a list and a map builder. As with the builder, a keyword
   * printed twice keeps its last value; an other-keyword printed twice is the error of the line
   * that prints it again.
   */
  private static final class Draft {
    String destination = "";
    String type = "unicast";
    @Nullable String from;
    @Nullable String gateway;
    @Nullable String device;
    @Nullable String table;
    @Nullable String source;
    long uid = -1;
    long metric = -1;
    int mtuBytes = -1;
    boolean mtuLocked;
    boolean cached;
    long expiresSeconds = -1;
    final List<String> flags = new ArrayList<>(0);
    final KeyValues other = new KeyValues();
    int line;

    void clear(int lineNumber) {
      destination = "";
      type = "unicast";
      from = null;
      gateway = null;
      device = null;
      table = null;
      source = null;
      uid = -1;
      metric = -1;
      mtuBytes = -1;
      mtuLocked = false;
      cached = false;
      expiresSeconds = -1;
      flags.clear();
      other.clear();
      line = lineNumber;
    }

    RouteLookup build() {
      return ImmutableRouteLookup.of(destination, type, Optional.ofNullable(from), Optional.ofNullable(gateway),
          Optional.ofNullable(device), Optional.ofNullable(table), Optional.ofNullable(source),
          RouteText.optionalLong(uid), RouteText.optionalLong(metric),
          mtuBytes < 0 ? OptionalInt.empty() : OptionalInt.of(mtuBytes), mtuLocked, cached,
          RouteText.optionalLong(expiresSeconds), flags.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(flags),
          other.toMap(), Optional.empty(), line);
    }
  }

  private static void tokens(Draft l, LineCursor line) throws ParseException {
    while (!line.atEnd()) {
      int at = line.position();
      String w = line.word();
      switch (w) {
        case "from" -> l.from = line.word("the source after 'from'");
        case "via" -> {
          String gw = line.word("the gateway after 'via'");
          if (gw.equals("inet") || gw.equals("inet6")) {
            gw = line.word("the gateway after 'via ", gw, "'");
          }
          l.gateway = gw;
        }
        case "dev" -> l.device = line.word("the device after 'dev'");
        case "table" -> l.table = line.word("the table after 'table'");
        case "src" -> l.source = line.word("the source address after 'src'");
        case "uid" -> l.uid = line.number("the uid");
        case "metric" -> l.metric = line.number("the metric");
        case "expires" -> l.expiresSeconds = line.number("the expiry", "sec");
        case "mtu" -> {
          boolean lock = line.tryConsumeWord("lock");
          l.mtuBytes = (int) Math.min(Integer.MAX_VALUE, line.number("the MTU in bytes after 'mtu'"));
          l.mtuLocked = lock;
        }
        default -> {
          if (w.startsWith("<") && w.endsWith(">")) {
            for (String f : w.substring(1, w.length() - 1).split(",")) {
              l.flags.add(f);
            }
          } else if (RouteText.FLAGS.contains(w)) {
            l.flags.add(w);
          } else if (RouteText.looksLikeValue(w)) {
            throw line.errorAt(at, "expected a keyword, found the value '" + w + "'");
          } else {
            if (l.other.find(w) >= 0) {
              // the lookup's map would refuse it when the lookup is made, a line later or for the whole input
              throw line.errorAt(at, "'" + w + "' is printed twice for this lookup");
            }
            String next = line.peekWord();
            if (RouteText.looksLikeValue(next) || RouteText.TYPES.contains(next)) {
              line.skipWord(); // the value just peeked, kept as that string
              l.other.add(w, next);
            } else {
              l.other.add(w, "");
            }
          }
        }
      }
    }
  }
}
