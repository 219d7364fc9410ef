package io.wgdiag.analysis;

import io.wgdiag.model.netfilter.IptablesRule;
import io.wgdiag.model.netfilter.IptablesRules;
import io.wgdiag.model.ping.PingError;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.sysctl.SysctlSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The field guide's first question: is it MTU? Codes {@code mtu.blackhole}, {@code
 * mtu.local-limit}, {@code mtu.mismatch} and {@code mtu.mss-clamp-missing}; see docs/analysis.md.
 *
 * <ul>
 *   <li>{@code mtu.blackhole}: a DF probe that fits the tunnel MTU is lost silently (no reply, no
 *       "Frag needed", no local error) while a smaller one passes: critical. A firewall rule that
 *       drops ICMP fragmentation-needed / packet-too-big alone: warning.
 *   <li>{@code mtu.local-limit}: {@code local error: message too long, mtu=N}: the sending host's
 *       own interface refused the probe; this measures the interface, not the path. Info.
 *   <li>{@code mtu.mismatch}: tunnel MTU above the underlay MTU minus WireGuard's overhead (60 bytes
 *       over IPv4, 80 over IPv6). Warning.
 *   <li>{@code mtu.mss-clamp-missing}: a forwarding host whose firewall rules were captured and do
 *       not clamp TCP MSS. Info, warning when an MTU problem was also found.
 * </ul>
 */
final class MtuAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "mtu";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.MTU_BLACKHOLE, Codes.MTU_LOCAL_LIMIT, Codes.MTU_MISMATCH, Codes.MTU_MSS_CLAMP_MISSING);
  }

  /** One DF probe and what became of it. */
  record Probe(Fact<PingResult> fact, int packetBytes, Outcome outcome) {}

  enum Outcome { PASSED, LOCAL_ERROR, PATH_REPORTED, SILENT_LOSS, UNKNOWN }

  static Outcome outcome(PingResult r) {
    if (r.uniqueReplies() > 0) {
      return Outcome.PASSED;
    }
    if (r.firstError(PingError.Kind.FRAG_NEEDED).isPresent() || r.firstError(PingError.Kind.PACKET_TOO_BIG).isPresent()) {
      return Outcome.PATH_REPORTED;
    }
    if (r.firstError(PingError.Kind.LOCAL_MESSAGE_TOO_LONG).isPresent()) {
      return Outcome.LOCAL_ERROR;
    }
    if (r.transmitted().orElse(0) > 0 && r.received().orElse(0) == 0 && r.errors().isEmpty()) {
      return Outcome.SILENT_LOSS;
    }
    return Outcome.UNKNOWN;
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    boolean anyLadder = false;
    for (HostSnapshot host : ctx.hosts()) {
      Tunnel t = Tunnel.of(host, ctx.kase());
      List<Probe> tunnelProbes = new ArrayList<>();
      List<Probe> underlayProbes = new ArrayList<>();
      for (Fact<PingResult> f : host.facts(PingResult.class)) {
        if (!Tunnel.isDfProbe(f.capture()) || f.value().packetBytes().isEmpty()) {
          continue;
        }
        Probe p = new Probe(f, f.value().packetBytes().getAsInt(), outcome(f.value()));
        (t.isUnderlayPing(f) && !t.isTunnelDestination(f.value().destination().orElse(""))
            ? underlayProbes : tunnelProbes).add(p);
      }
      anyLadder |= !tunnelProbes.isEmpty();
      boolean blackhole = blackhole(ctx, t, tunnelProbes, underlayProbes);
      if (!blackhole) {
        ladderPasses(ctx, t, tunnelProbes);
      }
      List<Probe> all = new ArrayList<>(tunnelProbes);
      all.addAll(underlayProbes);
      localLimit(ctx, t, all); // the local interface refuses whatever the target
      boolean mismatch = mismatch(ctx, t, underlayProbes);
      if (!blackhole) {
        icmpFiltered(ctx, t);
      }
      mssClamp(ctx, t, blackhole || mismatch);
    }
    if (!anyLadder) {
      String peer = ctx.peerAddressFor(Host.LOCAL);
      ctx.notAssessed("path MTU through the tunnel (DF-ping ladder)", "no ping -M do output",
          "ping -M do -s 1392 -c 3 " + peer, "ping -M do -s 1372 -c 3 " + peer, "ping -M do -s 1312 -c 3 " + peer,
          "ping -M do -s 1252 -c 3 " + peer);
    }
  }

  /** Ruled out: the largest DF probe that fits the tunnel MTU passed, and none below it vanished. */
  private void ladderPasses(AnalysisContext ctx, Tunnel t, List<Probe> probes) {
    OptionalInt mtu = t.tunnelMtu();
    Optional<Probe> largestFitting = probes.stream()
        .filter(p -> mtu.isEmpty() || p.packetBytes() <= mtu.getAsInt())
        .filter(p -> p.outcome() != Outcome.LOCAL_ERROR && p.outcome() != Outcome.UNKNOWN)
        .max(Comparator.comparingInt(Probe::packetBytes));
    if (largestFitting.isEmpty() || largestFitting.get().outcome() != Outcome.PASSED
        || probes.stream().anyMatch(p -> p.outcome() == Outcome.SILENT_LOSS)) {
      return;
    }
    Probe p = largestFitting.get();
    ctx.ruledOut("path MTU (DF pings pass at the tunnel MTU)", t.host.host(), Evidence.of(p.fact().source(),
        "DF ping of " + p.packetBytes() + " bytes passed" + (mtu.isPresent() ? " (tunnel MTU " + mtu.getAsInt() + ")" : "")));
  }

  private boolean blackhole(AnalysisContext ctx, Tunnel t, List<Probe> probes, List<Probe> underlay) {
    Optional<Probe> largestPass = probes.stream().filter(p -> p.outcome() == Outcome.PASSED)
        .max(Comparator.comparingInt(Probe::packetBytes));
    OptionalInt mtu = t.tunnelMtu();
    List<Probe> silent = probes.stream()
        .filter(p -> p.outcome() == Outcome.SILENT_LOSS)
        .filter(p -> largestPass.map(lp -> p.packetBytes() > lp.packetBytes()).orElse(false))
        .filter(p -> mtu.isEmpty() || p.packetBytes() <= mtu.getAsInt())
        .sorted(Comparator.comparingInt(Probe::packetBytes))
        .toList();
    if (silent.isEmpty() || largestPass.isEmpty()) {
      return false;
    }
    Probe pass = largestPass.get();
    Probe dead = silent.get(0);
    int headroom = ctx.config().mtuHeadroomBytes();
    int recommended = pass.packetBytes() - headroom;
    ImmutableFinding.Builder f = Finding.builder()
        .code(Codes.MTU_BLACKHOLE)
        .location(Location.PATH)
        .severity(Severity.CRITICAL)
        .confidence(mtu.isPresent() ? 0.9 : 0.75)
        .category(Category.MTU)
        .host(t.host.host())
        .title("Path MTU blackhole: " + dead.packetBytes() + "-byte DF packets vanish silently, "
            + pass.packetBytes() + "-byte ones pass" + (mtu.isPresent() ? " (tunnel MTU " + mtu.getAsInt() + ")" : ""))
        .explanation("Packets that fit the tunnel MTU die without any 'Frag needed' reply while smaller ones pass: the path "
            + "MTU is smaller than the tunnel assumes and the ICMP that would tell the sender is lost or filtered. "
            + "Small packets work, big transfers stall or oscillate.")
        .decision("Stop and fix MTU or MSS clamping before touching anything else: set the tunnel MTU from the measured "
            + "path MTU, clamp TCP MSS for forwarded traffic, and allow ICMP 'fragmentation needed' on the path.");
    for (Probe p : probes.stream().sorted(Comparator.comparingInt(Probe::packetBytes)).toList()) {
      PingResult r = p.fact().value();
      f.addEvidence(Evidence.of(p.fact().source(), "DF ping " + r.payloadBytes().orElse(0) + "(" + p.packetBytes() + ") bytes: "
          + r.uniqueReplies() + "/" + r.transmitted().orElse(0) + " answered"
          + (p.outcome() == Outcome.SILENT_LOSS ? ", no error reported (silent)" : "")
          + (p.outcome() == Outcome.LOCAL_ERROR ? ", refused locally" : "")
          + (p.outcome() == Outcome.PATH_REPORTED ? ", the path reported a smaller MTU" : "")));
    }
    t.tunnelLinkFact().ifPresent(lf -> f.addEvidence(Evidence.of(lf.sourceOf(lf.value().link(t.iface).orElseThrow().line()),
        t.iface + " mtu " + t.tunnelMtu().orElse(0) + " bytes")));
    // the DF pings went to the peer through the tunnel: the address they were sent to
    String target = pass.fact().value().destination().orElse(ctx.peerAddressFor(t.host.host()));
    f.addActions(Action.builder()
        .description("Set " + t.iface + "'s MTU to the largest size that passed (" + pass.packetBytes() + " bytes) minus "
            + headroom + " bytes of headroom")
        .addApply("ip link set dev " + t.iface + " mtu " + recommended)
        .addVerify("ping -M do -s " + (recommended - AnalysisConfig.ICMP_OVERHEAD_IPV4_BYTES) + " -c 3 " + target,
            "iperf3 -c " + target + " -t 15   # retransmits should fall")
        .addRollback("ip link set dev " + t.iface + " mtu " + (mtu.isPresent() ? mtu.getAsInt() : 1420))
        .build());
    f.addActions(Action.builder()
        .description("Clamp TCP MSS to the path MTU for traffic forwarded into the tunnel")
        .addApply("iptables -t mangle -A FORWARD -o " + t.iface + " -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu")
        .addVerify("iptables -t mangle -S FORWARD")
        .addRollback("iptables -t mangle -D FORWARD -o " + t.iface + " -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu")
        .build());
    f.addActions(Action.builder()
        .description("Allow ICMP 'fragmentation needed' (type 3 code 4) so path MTU discovery works")
        .addApply("iptables -I INPUT -p icmp --icmp-type fragmentation-needed -j ACCEPT",
            "iptables -I FORWARD -p icmp --icmp-type fragmentation-needed -j ACCEPT")
        .addVerify("ping -M do -s " + (dead.packetBytes() - AnalysisConfig.ICMP_OVERHEAD_IPV4_BYTES) + " -c 3 <peer>   # now 'Frag needed' or replies, not silence")
        .addRollback("iptables -D INPUT -p icmp --icmp-type fragmentation-needed -j ACCEPT",
            "iptables -D FORWARD -p icmp --icmp-type fragmentation-needed -j ACCEPT")
        .build());
    for (Fact<IptablesRules> rf : t.host.facts(IptablesRules.class)) {
      for (IptablesRule r : rf.value().pmtuIcmpDrops()) {
        f.addEvidence(Evidence.of(rf.sourceOf(r.line()), "firewall drops the ICMP PMTU discovery needs: " + r.text()));
      }
    }
    ctx.report(f.build());
    return true;
  }

  private void localLimit(AnalysisContext ctx, Tunnel t, List<Probe> probes) {
    for (Probe p : probes) {
      if (p.outcome() != Outcome.LOCAL_ERROR) {
        continue;
      }
      PingError e = p.fact().value().firstError(PingError.Kind.LOCAL_MESSAGE_TOO_LONG).orElseThrow();
      int localMtu = e.mtuBytes().orElse(0);
      String probeTarget = p.fact().value().destination().orElse(ctx.peerAddressFor(t.host.host()));
      ctx.report(Finding.builder()
          .code(Codes.MTU_LOCAL_LIMIT)
          .subject(t.iface)
          .severity(Severity.INFO)
          .confidence(0.95)
          .category(Category.MTU)
          .host(t.host.host())
          .title("DF ping of " + p.packetBytes() + " bytes refused locally: the interface MTU is " + localMtu)
          .explanation("'local error: message too long, mtu=" + localMtu + "': the sending host's own interface (or a cached "
              + "path MTU) stopped the packet before it left. This measures the interface, not the path beyond it.")
          .decision("Continue the ladder below " + localMtu + " bytes: failures there, or stalls, reveal a path MTU smaller "
              + "than the interface's.")
          .addEvidence(Evidence.of(p.fact().sourceOf(e.line()), "ping: local error: message too long, mtu=" + localMtu
              + " for a " + p.packetBytes() + "-byte packet"))
          .addActions(Action.builder()
              .description("Probe the path just below the interface MTU")
              .addApply()
              .addVerify("ping -M do -s " + (localMtu - AnalysisConfig.ICMP_OVERHEAD_IPV4_BYTES) + " -c 3 "
                  + probeTarget,
                  "ping -M do -s " + (localMtu - AnalysisConfig.ICMP_OVERHEAD_IPV4_BYTES - 40) + " -c 3 "
                  + probeTarget)
              .build())
          .build());
      return; // one is enough: the others say the same
    }
  }

  private boolean mismatch(AnalysisContext ctx, Tunnel t, List<Probe> underlay) {
    OptionalInt tunnelMtu = t.tunnelMtu();
    if (tunnelMtu.isEmpty()) {
      if (t.host.host() == Host.LOCAL) {
        ctx.notAssessed("tunnel MTU against the underlay MTU", "no ip link output for the tunnel interface",
            "ip link show " + t.iface, "ip link show");
      }
      return false;
    }
    int underlayMtu = t.underlayLink.map(l -> l.mtuBytes()).orElse(0);
    String basis = t.underlayLink.map(l -> l.name() + " mtu " + l.mtuBytes()).orElse("");
    Optional<Probe> pass = underlay.stream().filter(p -> p.outcome() == Outcome.PASSED).max(Comparator.comparingInt(Probe::packetBytes));
    Optional<Probe> pathSmaller = underlay.stream().filter(p -> p.outcome() == Outcome.PATH_REPORTED).findFirst();
    if (pathSmaller.isPresent()) {
      OptionalInt reported = firstMtu(pathSmaller.get());
      if (reported.isPresent() && (underlayMtu == 0 || reported.getAsInt() < underlayMtu)) {
        underlayMtu = reported.getAsInt();
        basis = "the path to the peer reported mtu " + underlayMtu;
      }
    }
    if (underlayMtu == 0) {
      if (t.host.host() == Host.LOCAL) {
        ctx.notAssessed("tunnel MTU against the underlay MTU", "the underlay interface is unknown",
            "ip route get <peer endpoint address>", "ip link show");
      }
      return false;
    }
    int overhead = t.overheadBytes();
    int max = underlayMtu - overhead;
    if (tunnelMtu.getAsInt() <= max) {
      ctx.ruledOut("tunnel MTU fits the underlay", t.host.host(), Evidence.of(t.tunnelLinkFact().map(Fact::source)
          .orElse(new Source("ip link", 0)), t.iface + " mtu " + tunnelMtu.getAsInt() + " ≤ " + underlayMtu + " − " + overhead
          + " (" + basis + ")"));
      return false;
    }
    ImmutableFinding.Builder f = Finding.builder()
        .code(Codes.MTU_MISMATCH)
        .subject(t.iface)
        .severity(Severity.WARNING)
        .confidence(pathSmaller.isPresent() || pass.isPresent() ? 0.9 : 0.8)
        .category(Category.MTU)
        .host(t.host.host())
        .title(t.iface + " MTU " + tunnelMtu.getAsInt() + " exceeds what the underlay carries (" + underlayMtu + " − " + overhead
            + " = " + max + ")")
        .explanation("WireGuard adds " + overhead + " bytes (" + (overhead == 60 ? "IPv4" : "IPv6") + " underlay): full-size tunnel "
            + "packets become " + (tunnelMtu.getAsInt() + overhead) + "-byte datagrams that the underlay (" + basis
            + ") must fragment or drop.")
        .decision("Set the tunnel MTU to at most " + max + " (measure the path with DF pings first), or clamp TCP MSS.");
    t.tunnelLinkFact().ifPresent(lf -> f.addEvidence(Evidence.of(lf.sourceOf(lf.value().link(t.iface).orElseThrow().line()),
        t.iface + " mtu " + tunnelMtu.getAsInt() + " bytes")));
    t.underlayLink.ifPresent(u -> t.linkFact(u.name()).ifPresent(lf -> f.addEvidence(Evidence.of(
        lf.sourceOf(u.line()), u.name() + " (underlay) mtu " + u.mtuBytes() + " bytes"))));
    String why = basis;
    pathSmaller.ifPresent(p -> f.addEvidence(Evidence.of(p.fact().source(), "DF ping to the peer endpoint: " + why)));
    f.addActions(Action.builder()
        .description("Lower " + t.iface + "'s MTU to fit the underlay")
        .addApply("ip link set dev " + t.iface + " mtu " + (max - ctx.config().mtuHeadroomBytes() > 1280 ? max - ctx.config().mtuHeadroomBytes() : max))
        .addVerify("ip link show " + t.iface, "ping -M do -s " + (max - AnalysisConfig.ICMP_OVERHEAD_IPV4_BYTES) + " -c 3 "
            + ctx.peerAddressFor(t.host.host()))
        .addRollback("ip link set dev " + t.iface + " mtu " + tunnelMtu.getAsInt())
        .build());
    ctx.report(f.build());
    return true;
  }

  private static OptionalInt firstMtu(Probe p) {
    for (PingError e : p.fact().value().errors()) {
      if (e.mtuBytes().isPresent()) {
        return e.mtuBytes();
      }
    }
    return OptionalInt.empty();
  }

  /** A firewall that drops the ICMP PMTU discovery needs, without a measured blackhole. */
  private void icmpFiltered(AnalysisContext ctx, Tunnel t) {
    for (Fact<IptablesRules> rf : t.host.facts(IptablesRules.class)) {
      List<IptablesRule> drops = rf.value().pmtuIcmpDrops();
      if (drops.isEmpty()) {
        continue;
      }
      ImmutableFinding.Builder f = Finding.builder()
          .code(Codes.MTU_BLACKHOLE)
          .severity(Severity.WARNING)
          .confidence(0.6)
          .category(Category.MTU)
          .host(t.host.host())
          .title("The firewall drops ICMP 'fragmentation needed': path MTU discovery cannot work")
          .explanation("Path MTU discovery depends on ICMP type 3 code 4 (IPv6: packet too big). Dropping it turns any "
              + "path narrower than the tunnel into a silent blackhole.")
          .decision("Allow these ICMP messages, then measure the path MTU with DF pings.");
      for (IptablesRule r : drops) {
        f.addEvidence(Evidence.of(rf.sourceOf(r.line()), r.text()));
      }
      IptablesRule r0 = drops.get(0);
      f.addActions(Action.builder()
          .description("Remove the rule that drops PMTU discovery ICMP")
          .addApply("iptables" + (r0.table().equals("filter") ? "" : " -t " + r0.table()) + " -D " + r0.text().substring(3))
          .addVerify("iptables -S " + r0.chain())
          .addRollback("iptables" + (r0.table().equals("filter") ? "" : " -t " + r0.table()) + " " + r0.text())
          .build());
      ctx.report(f.build());
      return;
    }
  }

  private void mssClamp(AnalysisContext ctx, Tunnel t, boolean mtuProblem) {
    Optional<Fact<SysctlSettings>> fwd = t.host.facts(SysctlSettings.class).stream()
        .filter(f -> f.value().longValue("net.ipv4.ip_forward").isPresent()).reduce((a, b) -> b);
    List<Fact<IptablesRules>> rules = t.host.facts(IptablesRules.class);
    List<Fact<io.wgdiag.model.netfilter.NftRuleset>> nft = t.host.facts(io.wgdiag.model.netfilter.NftRuleset.class);
    if (nft.stream().anyMatch(f -> !f.value().mssClamps().isEmpty())) {
      return; // nftables clamps (iptables-nft rules show up here too)
    }
    if (rules.isEmpty()) {
      if (mtuProblem) {
        ctx.notAssessed("TCP MSS clamping", "no iptables or nft rules captured", "iptables -t mangle -S", "nft list ruleset");
      }
      return;
    }
    boolean clamps = rules.stream().anyMatch(f -> !f.value().mssClamps().isEmpty());
    boolean forwarding = fwd.map(f -> f.value().longValue("net.ipv4.ip_forward").orElse(0) == 1).orElse(false);
    if (clamps || !(forwarding || mtuProblem)) {
      return;
    }
    ImmutableFinding.Builder f = Finding.builder()
        .code(Codes.MTU_MSS_CLAMP_MISSING)
        .severity(mtuProblem ? Severity.WARNING : Severity.INFO)
        .confidence(fwd.isPresent() ? 0.7 : 0.5)
        .category(Category.MTU)
        .host(t.host.host())
        .title("No TCP MSS clamping on " + (forwarding ? "a forwarding gateway" : "this host"))
        .explanation("Forwarded TCP flows negotiate their MSS from the clients' 1500-byte links; without clamping, their "
            + "full-size segments exceed the tunnel MTU and depend on fragmentation or PMTU discovery.")
        .decision("Clamp MSS to the path MTU on the tunnel's forward path (the least disruptive fix for TCP).")
        .addEvidence(Evidence.of(rules.get(0).source(), "no TCPMSS rule among " + rules.get(0).value().rules().size() + " rules"));
    fwd.ifPresent(s -> f.addEvidence(Evidence.of(s.source(), "net.ipv4.ip_forward = " + s.value().longValue("net.ipv4.ip_forward").orElse(0))));
    f.addActions(Action.builder()
        .description("Clamp TCP MSS to the path MTU for traffic forwarded into " + t.iface)
        .addApply("iptables -t mangle -A FORWARD -o " + t.iface + " -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu")
        .addVerify("iptables -t mangle -S FORWARD")
        .addRollback("iptables -t mangle -D FORWARD -o " + t.iface + " -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu")
        .build());
    ctx.report(f.build());
  }
}
