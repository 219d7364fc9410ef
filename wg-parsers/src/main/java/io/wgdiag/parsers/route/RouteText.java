package io.wgdiag.parsers.route;

import io.wgdiag.model.route.ImmutableNexthop;
import io.wgdiag.model.route.Nexthop;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.SharedOptionals;
import java.util.OptionalLong;
import java.util.Set;

/** The vocabulary of {@code ip route} lines ({@code print_route}), shared by the route and lookup parsers. */
final class RouteText {
  private RouteText() {}

  static final Set<String> TYPES = Set.of(
      "unicast", "local", "broadcast", "blackhole", "unreachable", "prohibit", "throw", "multicast", "anycast", "nat");

  /** Route metrics ({@code print_rta_metrics}): {@code name [lock ]value}. */
  static final Set<String> METRICS = Set.of(
      "mtu", "advmss", "window", "rtt", "rttvar", "ssthresh", "cwnd", "initcwnd", "initrwnd", "hoplimit",
      "reordering", "features", "rto_min", "quickack", "congctl", "fastopen_no_cookie");

  /** Flags printed alone ({@code print_rt_flags}). */
  static final Set<String> FLAGS = Set.of(
      "dead", "onlink", "pervasive", "offload", "trap", "notify", "linkdown", "unresolved", "rt_offload",
      "rt_trap", "rt_offload_failed");

  /** {@code v} as an OptionalLong, empty when negative (not printed); small values share their wrapper. */
  static OptionalLong optionalLong(long v) {
    return v < 0 ? OptionalLong.empty() : SharedOptionals.ofLong(v);
  }

  /** Whether {@code w} looks like a value rather than a keyword: digits, addresses, prefixes. */
  static boolean looksLikeValue(String w) {
    if (w.isEmpty()) {
      return false;
    }
    char c = w.charAt(0);
    return Character.isDigit(c) || w.indexOf(':') >= 0 || w.indexOf('.') >= 0 || w.indexOf('/') >= 0 || c == '<';
  }

  /** {@code nexthop via GW dev DEV weight N [flags]} (the {@code nexthop} word already consumed). */
  static Nexthop nexthop(LineCursor line) throws ParseException {
    ImmutableNexthop.Builder n = Nexthop.builder();
    while (!line.atEnd()) {
      String w = line.word();
      switch (w) {
        case "via" -> {
          String gw = line.word("the gateway after 'via'");
          if ((gw.equals("inet") || gw.equals("inet6")) && !line.atEnd()) {
            gw = line.word("the gateway after 'via ", gw, "'");
          }
          n.gateway(gw);
        }
        case "dev" -> n.device(line.word("the device after 'dev'"));
        case "weight" -> n.weight((int) line.number("the weight"));
        default -> n.addFlag(w);
      }
    }
    return n.build();
  }
}
