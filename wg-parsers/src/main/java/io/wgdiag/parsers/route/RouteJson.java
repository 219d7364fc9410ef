package io.wgdiag.parsers.route;

import com.fasterxml.jackson.core.JsonParser;
import io.wgdiag.model.route.ImmutableNexthop;
import io.wgdiag.model.route.ImmutableRoute;
import io.wgdiag.model.route.ImmutableRule;
import io.wgdiag.model.route.Nexthop;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.route.Rule;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.JsonSupport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ip -j route} and {@code ip -j rule} (iproute2's JSON keys) into the text forms' models. */
final class RouteJson {
  private RouteJson() {}

  private static final Set<String> ROUTE_KEYS = Set.of("type", "dst", "gateway", "via", "dev", "table", "protocol", "scope",
      "prefsrc", "metric", "pref", "flags", "metrics", "nexthops");

  static RouteTable routes(JsonParser p, List<Diagnostic> diagnostics) throws IOException, ParseException {
    p.nextToken();
    Object tree = JsonSupport.tree(p);
    if (!(tree instanceof List<?> list)) {
      throw JsonSupport.error(p, "a JSON array of routes");
    }
    var out = RouteTable.builder();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        throw JsonSupport.error(p, "a route object");
      }
      ImmutableRoute.Builder r = Route.builder();
      r.type(str(m, "type", "unicast"));
      r.destination(str(m, "dst", "default"));
      Object gw = m.get("gateway");
      if (gw instanceof String g) {
        r.gateway(g);
      } else if (m.get("via") instanceof Map<?, ?> via && via.get("host") instanceof String h) {
        r.gateway(h);
      }
      if (m.get("dev") instanceof String d) {
        r.device(d);
      }
      if (m.get("table") instanceof String t && !t.equals("main")) {
        r.table(t);
      }
      if (m.get("protocol") instanceof String pr && !pr.equals("boot")) {
        r.protocol(pr);
      }
      if (m.get("scope") instanceof String sc && !sc.equals("global")) {
        r.scope(sc);
      }
      if (m.get("prefsrc") instanceof String src) {
        r.source(src);
      }
      if (m.get("metric") instanceof Long metric) {
        r.metric(metric);
      }
      if (m.get("pref") instanceof String pref) {
        r.preference(pref);
      }
      if (m.get("flags") instanceof List<?> flags) {
        for (Object f : flags) {
          r.addFlag(String.valueOf(f));
        }
      }
      if (m.get("metrics") instanceof List<?> metrics) {
        for (Object mo : metrics) {
          if (mo instanceof Map<?, ?> mm) {
            for (Map.Entry<?, ?> e : mm.entrySet()) {
              if (e.getKey().equals("mtu") && e.getValue() instanceof Long v) {
                r.mtuBytes((int) (long) v);
              } else {
                r.putMetric(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
              }
            }
          }
        }
      }
      if (m.get("nexthops") instanceof List<?> nhs) {
        for (Object no : nhs) {
          if (no instanceof Map<?, ?> nm) {
            ImmutableNexthop.Builder n = Nexthop.builder();
            if (nm.get("gateway") instanceof String g) {
              n.gateway(g);
            }
            if (nm.get("dev") instanceof String d) {
              n.device(d);
            }
            if (nm.get("weight") instanceof Long w) {
              n.weight((int) (long) w);
            }
            if (nm.get("flags") instanceof List<?> fl) {
              for (Object f : fl) {
                n.addFlag(String.valueOf(f));
              }
            }
            r.addNexthop(n.build());
          }
        }
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!ROUTE_KEYS.contains(String.valueOf(e.getKey()))) {
          r.putOther(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
      }
      out.addRoute(r.build());
    }
    return out.build();
  }

  private static final Set<String> RULE_KEYS = Set.of("priority", "not", "src", "srclen", "dst", "dstlen", "iif", "oif",
      "fwmark", "fwmask", "table", "action", "suppress_prefixlen", "uid_start", "uid_end", "target");

  static RuleSet rules(JsonParser p, List<Diagnostic> diagnostics) throws IOException, ParseException {
    p.nextToken();
    Object tree = JsonSupport.tree(p);
    if (!(tree instanceof List<?> list)) {
      throw JsonSupport.error(p, "a JSON array of rules");
    }
    var out = RuleSet.builder();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("priority") instanceof Long prio)) {
        throw JsonSupport.error(p, "a rule object with a priority");
      }
      ImmutableRule.Builder r = Rule.builder().priority(prio);
      if (m.containsKey("not")) {
        r.inverted(true);
      }
      r.from(prefix(m, "src", "srclen"));
      if (m.containsKey("dst")) {
        r.to(prefix(m, "dst", "dstlen"));
      }
      if (m.get("iif") instanceof String i) {
        r.iif(i);
      }
      if (m.get("oif") instanceof String i) {
        r.oif(i);
      }
      if (m.get("fwmark") instanceof String f) {
        r.fwmark(Long.parseUnsignedLong(f.replace("0x", ""), 16));
      }
      if (m.get("fwmask") instanceof String f) {
        r.fwmask(Long.parseUnsignedLong(f.replace("0x", ""), 16));
      }
      if (m.get("table") instanceof String t) {
        r.table(t);
      }
      if (m.get("action") instanceof String a) {
        r.action(a.equals("goto") && m.get("target") != null ? "goto " + m.get("target") : a);
      }
      if (m.get("suppress_prefixlen") instanceof Long s) {
        r.suppressPrefixLength((int) (long) s);
      }
      if (m.get("uid_start") instanceof Long a && m.get("uid_end") instanceof Long b) {
        r.uidRange(a + "-" + b);
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!RULE_KEYS.contains(String.valueOf(e.getKey()))) {
          r.putOther(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
      }
      out.addRule(r.build());
    }
    return out.build();
  }

  private static String prefix(Map<?, ?> m, String addr, String len) {
    Object a = m.get(addr);
    String s = a == null ? "all" : String.valueOf(a);
    return m.get(len) instanceof Long l ? s + "/" + l : s;
  }

  private static String str(Map<?, ?> m, String key, String dflt) {
    return m.get(key) instanceof String s ? s : dflt;
  }
}
