package io.wgdiag.analysis;

import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.route.Rule;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.model.sysctl.SysctlSettings;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgPeer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The field guide's third question: is the traffic on the tunnel, and do both directions agree?
 * Codes {@code route.not-via-tunnel}, {@code route.asymmetric}, {@code route.rp-filter-strict},
 * {@code wg.allowed-ips-gap} and {@code wg.allowed-ips-overlap}; see docs/analysis.md.
 */
final class RoutingAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "routing";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.ROUTE_NOT_VIA_TUNNEL, Codes.ROUTE_ASYMMETRIC, Codes.ROUTE_RP_FILTER_STRICT,
        Codes.WG_ALLOWED_IPS_GAP, Codes.WG_ALLOWED_IPS_OVERLAP);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    boolean anyLookup = false;
    for (HostSnapshot host : ctx.hosts()) {
      Tunnel t = Tunnel.of(host, ctx.kase());
      anyLookup |= notViaTunnel(ctx, t);
      asymmetric(ctx, t);
      rpFilter(ctx, t);
      allowedIps(ctx, t);
    }
    if (!anyLookup) {
      ctx.notAssessed("whether traffic to the peer uses the tunnel", "no ip route get for the peer's tunnel address",
          "ip route get " + ctx.peerAddressFor(Host.LOCAL));
    }
  }

  /** Addresses the user tested through the tunnel: the peer address given, iperf3 servers, DF ping targets. */
  private static Set<String> testedTargets(Tunnel t) {
    Set<String> out = new LinkedHashSet<>();
    t.givenPeerAddress().ifPresent(out::add);
    for (Fact<IperfResult> f : t.host.facts(IperfResult.class)) {
      f.value().server().ifPresent(out::add);
    }
    for (Fact<PingResult> f : t.host.facts(PingResult.class)) {
      if (Tunnel.isDfProbe(f.capture())) {
        f.value().destination().ifPresent(out::add);
      }
    }
    return out;
  }

  private boolean notViaTunnel(AnalysisContext ctx, Tunnel t) {
    Set<String> targets = testedTargets(t);
    boolean any = false;
    for (Fact<RouteLookups> f : t.host.facts(RouteLookups.class)) {
      for (RouteLookup l : f.value().lookups()) {
        if (l.device().isEmpty() || l.error().isPresent()) {
          continue;
        }
        // the peer's endpoint is reached through the underlay by design
        boolean tunnelTarget = !t.endpointHosts().contains(l.destination())
            && (targets.contains(l.destination()) || t.isTunnelDestination(l.destination()));
        if (!tunnelTarget) {
          continue;
        }
        any = true;
        String dev = l.device().get();
        if (dev.equals(t.iface) || (!t.ifaceKnown && dev.startsWith("wg"))) {
          ctx.ruledOut("route to the peer uses the tunnel", t.host.host(), Evidence.of(f.sourceOf(l.line()),
              "ip route get " + l.destination() + ": dev " + dev + l.source().map(x -> " src " + x).orElse("")));
          continue;
        }
        ctx.report(Finding.builder()
            .code(Codes.ROUTE_NOT_VIA_TUNNEL)
            .severity(Severity.CRITICAL)
            .confidence(t.ifaceKnown ? 0.9 : 0.7)
            .category(Category.ROUTING)
            .host(t.host.host())
            .subject(l.destination())
            .title("Traffic to " + l.destination() + " leaves by " + dev + ", not the tunnel " + t.iface)
            .explanation("The kernel routes the tunnel peer's address out of " + dev + (l.gateway().map(g -> " via " + g).orElse(""))
                + ": every 'tunnel' test is measuring the underlay path instead.")
            .decision("Stop: fix routing, AllowedIPs or policy routing first, or your tests are garbage.")
            .addEvidence(Evidence.of(f.sourceOf(l.line()), "ip route get " + l.destination() + ": dev " + dev
                + l.gateway().map(g -> " via " + g).orElse("") + l.source().map(s -> " src " + s).orElse("")))
            .addActions(Action.builder()
                .description("Route the peer's tunnel address through " + t.iface)
                .addApply("ip route replace " + l.destination() + "/32 dev " + t.iface)
                .addVerify("ip route get " + l.destination() + "   # must say dev " + t.iface)
                .addRollback("ip route del " + l.destination() + "/32 dev " + t.iface)
                .build())
            .build());
      }
    }
    return any;
  }

  /** The table a route belongs to: its {@code table} keyword, or the table named on the command line. */
  private static String tableOf(Fact<RouteTable> f, Route r) {
    if (r.table().isPresent()) {
      return r.table().get();
    }
    String[] w = f.capture().command().split("\\s+");
    for (int i = 0; i + 1 < w.length; i++) {
      if (w[i].equals("table") && !w[i + 1].equals("all")) {
        return w[i + 1];
      }
    }
    return "main";
  }

  private void asymmetric(AnalysisContext ctx, Tunnel t) {
    Optional<Fact<RuleSet>> rules = t.host.latest(RuleSet.class);
    if (rules.isEmpty()) {
      return;
    }
    List<Fact<RouteTable>> tables = t.host.facts(RouteTable.class);
    for (Rule r : rules.get().value().policyRules()) {
      if (r.from().equals("all") || r.table().isEmpty() || r.inverted()) {
        continue;
      }
      Optional<IpPrefix> from = IpPrefix.parse(r.from());
      // the rule is about the tunnel when its source prefix holds the tunnel's own address (the
      // source the kernel picks for the peer) or the peer's tunnel address (the same subnet)
      boolean tunnelSource = from.isPresent()
          && (t.givenPeerAddress().map(a -> from.get().contains(a)).orElse(false)
              || t.host.facts(RouteLookups.class).stream().flatMap(l -> l.value().lookups().stream())
                  .anyMatch(l -> l.device().equals(Optional.of(t.iface)) && l.source().map(s -> from.get().contains(s)).orElse(false)));
      if (!tunnelSource) {
        continue;
      }
      for (Fact<RouteTable> tf : tables) {
        for (Route route : tf.value().routes()) {
          if (!tableOf(tf, route).equals(r.table().get()) || !route.isDefault() || route.device().isEmpty()) {
            continue;
          }
          if (route.device().get().equals(t.iface)) {
            continue;
          }
          ctx.report(Finding.builder()
              .code(Codes.ROUTE_ASYMMETRIC)
              .severity(Severity.WARNING)
              .confidence(0.75)
              .category(Category.ROUTING)
              .host(t.host.host())
              .subject(r.from())
              .title("Replies from " + r.from() + " leave by " + route.device().get() + " (table " + r.table().get()
                  + "), not the tunnel")
              .explanation("Policy rule " + r.priority() + " sends traffic sourced from the tunnel addresses to table "
                  + r.table().get() + ", whose default route leaves by " + route.device().get() + ": one direction uses the "
                  + "tunnel, the other the WAN. Expect stalls and 'only some apps are slow'.")
              .decision("Fix rules so both directions agree: table " + r.table().get() + " should send tunnel-sourced "
                  + "traffic into " + t.iface + ".")
              .addEvidence(Evidence.of(rules.get().sourceOf(r.line()), r.priority() + ": from " + r.from() + " lookup " + r.table().get()))
              .addEvidence(Evidence.of(tf.sourceOf(route.line()), "table " + r.table().get() + ": default dev " + route.device().get()))
              .addActions(Action.builder()
                  .description("Send table " + r.table().get() + "'s default route into the tunnel")
                  .addApply("ip route replace default dev " + t.iface + " table " + r.table().get())
                  .addVerify("ip route get 1.1.1.1 from " + from.get().address() + " iif lo")
                  .addRollback("ip route replace default dev " + route.device().get() + route.gateway().map(g -> " via " + g).orElse("")
                      + " table " + r.table().get())
                  .build())
              .build());
        }
      }
    }
  }

  private void rpFilter(AnalysisContext ctx, Tunnel t) {
    Optional<Fact<SysctlSettings>> s = t.host.facts(SysctlSettings.class).stream()
        .filter(f -> f.value().values().keySet().stream().anyMatch(k -> k.endsWith(".rp_filter"))).reduce((a, b) -> b);
    if (s.isEmpty()) {
      return;
    }
    SysctlSettings v = s.get().value();
    long all = v.longValue("net.ipv4.conf.all.rp_filter").orElse(0);
    List<String> strict = new ArrayList<>();
    for (String dev : List.of(t.iface, t.underlayDevice.orElse(""))) {
      if (dev.isEmpty()) {
        continue;
      }
      var own = v.longValue("net.ipv4.conf." + dev + ".rp_filter");
      long effective = Math.max(all, own.orElse(v.longValue("net.ipv4.conf.default.rp_filter").orElse(0)));
      if (effective == 1) {
        strict.add(dev);
      }
    }
    if (strict.isEmpty()) {
      return;
    }
    Optional<Fact<RuleSet>> rules = t.host.latest(RuleSet.class);
    List<Rule> policy = rules.map(r -> (List<Rule>) r.value().policyRules()).orElse(List.of());
    long defaults = t.host.facts(RouteTable.class).stream().mapToLong(f -> f.value().defaults().size()).max().orElse(0);
    boolean multipath = t.host.facts(RouteTable.class).stream().flatMap(f -> f.value().routes().stream()).anyMatch(r -> !r.nexthops().isEmpty());
    if (policy.isEmpty() && defaults < 2 && !multipath) {
      if (rules.isEmpty()) {
        ctx.notAssessed("reverse-path filtering against policy routing", "rp_filter is strict but no ip rule output",
            "ip rule show", "ip route show table all");
      }
      return;
    }
    ImmutableFinding.Builder f = Finding.builder()
        .code(Codes.ROUTE_RP_FILTER_STRICT)
        .severity(Severity.WARNING)
        .confidence(0.7)
        .category(Category.ROUTING)
        .host(t.host.host())
        .title("Strict reverse-path filtering (rp_filter=1) on " + String.join(", ", strict) + " with "
            + (policy.isEmpty() ? "several paths" : policy.size() + " policy rule(s)"))
        .explanation("With rp_filter=1 the kernel drops packets whose reply would not leave by the interface they arrived "
            + "on. Policy routing and multiple paths make that common: packets vanish in one direction.")
        .decision("Use loose mode (rp_filter=2) on the tunnel and underlay interfaces, or make the routes symmetric.")
        .addEvidence(Evidence.of(s.get().source(), "net.ipv4.conf.all.rp_filter = " + all
            + strict.stream().map(d -> ", " + d + " = " + v.longValue("net.ipv4.conf." + d + ".rp_filter").stream()
                .mapToObj(Long::toString).findFirst().orElse("(default)")).reduce("", String::concat)));
    policy.stream().limit(3).forEach(r -> f.addEvidence(Evidence.of(rules.get().sourceOf(r.line()), "policy rule " + r.priority()
        + ": from " + r.from() + r.table().map(x -> " lookup " + x).orElse(r.action().orElse("")))));
    f.addActions(Action.builder()
        .description("Switch reverse-path filtering to loose mode")
        .addApply("sysctl -w net.ipv4.conf.all.rp_filter=2")
        .addVerify("sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf." + strict.get(0) + ".rp_filter")
        .addRollback("sysctl -w net.ipv4.conf.all.rp_filter=" + all)
        .build());
    ctx.report(f.build());
  }

  private void allowedIps(AnalysisContext ctx, Tunnel t) {
    List<WgPeer> peers = t.peers();
    if (peers.isEmpty()) {
      return;
    }
    Fact<?> wgFact = t.wg.orElseThrow();
    // overlaps between peers: every prefix that contains another peer's prefix, found through an
    // index (linear in the number of prefixes), reported in peer order as a pairwise scan would
    PrefixIndex<int[]> index = new PrefixIndex<>();
    for (int i = 0; i < peers.size(); i++) {
      List<IpPrefix> ips = peers.get(i).allowedIps();
      for (int k = 0; k < ips.size(); k++) {
        index.add(ips.get(k), new int[] {i, k});
      }
    }
    List<int[]> pairs = new ArrayList<>(); // {i, ka, j, kb}: peer i's prefix ka overlaps peer j's prefix kb, i < j
    for (int j = 0; j < peers.size(); j++) {
      List<IpPrefix> ips = peers.get(j).allowedIps();
      for (int kb = 0; kb < ips.size(); kb++) {
        for (int[] container : index.containing(ips.get(kb))) {
          int i = container[0];
          IpPrefix a = peers.get(i).allowedIps().get(container[1]);
          if (i == j || (a.equals(ips.get(kb)) && i > j)) {
            continue; // a peer's own prefixes; an identical pair once
          }
          // a contains b: as a pair of the earlier peer first
          pairs.add(i < j ? new int[] {i, container[1], j, kb} : new int[] {j, kb, i, container[1]});
        }
      }
    }
    pairs.sort(java.util.Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[2])
        .thenComparingInt(x -> x[1]).thenComparingInt(x -> x[3]));
    for (int[] pair : pairs) {
      int i = pair[0];
      int j = pair[2];
      IpPrefix a = peers.get(i).allowedIps().get(pair[1]);
      IpPrefix b = peers.get(j).allowedIps().get(pair[3]);
      boolean same = a.equals(b);
      ctx.report(Finding.builder()
          .code(Codes.WG_ALLOWED_IPS_OVERLAP)
          .severity(same ? Severity.WARNING : Severity.INFO)
          .confidence(0.9)
          .category(Category.ROUTING)
          .host(t.host.host())
          .subject(a + " " + b)
          .title("AllowedIPs " + a + " and " + b + " of two peers overlap")
          .explanation("WireGuard routes each destination to the peer with the most specific AllowedIPs entry"
              + (same ? "; an identical prefix can belong to one peer only, so the later setting steals it." : ": traffic for "
                  + (a.length() > b.length() ? a : b) + " goes to one peer, the rest of the wider prefix to the other."))
          .decision("Make each prefix belong to exactly the peer that should receive it.")
          .addEvidence(Evidence.of(wgFact.sourceOf(peers.get(i).line()), "peer " + peers.get(i).publicKey() + ": " + a))
          .addEvidence(Evidence.of(wgFact.sourceOf(peers.get(j).line()), "peer " + peers.get(j).publicKey() + ": " + b))
          .build());
    }
    // routes into the tunnel that no peer accepts
    for (Fact<RouteTable> tf : t.host.facts(RouteTable.class)) {
      for (Route r : tf.value().routes()) {
        if (!r.device().equals(Optional.of(t.iface)) || r.protocol().equals(Optional.of("kernel"))
            || !r.type().equals("unicast")) {
          continue;
        }
        Optional<IpPrefix> dst = r.isDefault()
            ? IpPrefix.parse(r.destination().equals("default") ? (r.preference().isPresent() ? "::/0" : "0.0.0.0/0") : r.destination())
            : IpPrefix.parse(r.destination());
        if (dst.isEmpty()) {
          continue;
        }
        boolean covered = !index.containing(dst.get()).isEmpty();
        if (covered) {
          continue;
        }
        ctx.report(Finding.builder()
            .code(Codes.WG_ALLOWED_IPS_GAP)
            .severity(Severity.WARNING)
            .confidence(0.8)
            .category(Category.ROUTING)
            .host(t.host.host())
            .subject(r.destination())
            .title("Route " + r.destination() + " (table " + tableOf(tf, r) + ") points into " + t.iface
                + ", but no peer's AllowedIPs covers it")
            .explanation("WireGuard sends a packet to the peer whose AllowedIPs contain the destination; with none, the packet "
                + "is dropped (tx_errors) and an ICMP unreachable is returned. The route and the peers disagree.")
            .decision("Add the prefix to the right peer's AllowedIPs, or remove the route.")
            .addEvidence(Evidence.of(tf.sourceOf(r.line()), r.destination() + " dev " + t.iface + " (table " + tableOf(tf, r) + ")"))
            .addEvidence(Evidence.of(wgFact.source(), "AllowedIPs: " + peers.stream().flatMap(p -> p.allowedIps().stream())
                .map(IpPrefix::toString).reduce((a, b) -> a + ", " + b).orElse("(none)")))
            .addActions(Action.builder()
                .description("Let the peer accept " + dst.get())
                .addApply("wg set " + t.iface + " peer " + peers.get(0).publicKey() + " allowed-ips "
                    + peers.get(0).allowedIps().stream().map(IpPrefix::toString).reduce((a, b) -> a + "," + b).map(s -> s + ",").orElse("") + dst.get())
                .addVerify("wg show " + t.iface + " allowed-ips")
                .addRollback("wg set " + t.iface + " peer " + peers.get(0).publicKey() + " allowed-ips "
                    + peers.get(0).allowedIps().stream().map(IpPrefix::toString).reduce((a, b) -> a + "," + b).orElse(""))
                .build())
            .build());
      }
    }
  }
}
