package io.wgdiag.analysis;

import static io.wgdiag.analysis.Scope.EITHER_END;
import static io.wgdiag.analysis.Scope.OTHER_END;
import static io.wgdiag.analysis.Scope.SAME_DIRECTION;
import static io.wgdiag.analysis.Scope.SAME_HOST;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which finding can explain which, and where: the field guide's reasoning as one table a reader can
 * check against it. The ranking folds a symptom into the best-ranked finding that can explain it
 * ({@link Analysis}); {@code docs/analysis.md} prints the same table.
 *
 * <p>A row is a {@link CausalLink}: cause code, symptom code, {@link Scope} and reason. The order of
 * the table is the playbook's: connectivity, routing and peer health first (a tunnel that carries
 * nothing makes every throughput figure meaningless), then MTU, CPU, and the drop sites that loss is
 * attributed to before the path is blamed. Analyzers added through {@link java.util.ServiceLoader}
 * add rows with {@link Analyzer#causes()}.
 */
public final class CausalModel {

  /** Symptoms a load test shows whatever slows the tunnel down. */
  private static final List<String> THROUGHPUT = List.of(Codes.PATH_LOSS, Codes.TCP_RETRANSMITS,
      Codes.TCP_SINGLE_FLOW_LIMITED, Codes.QUEUE_BUFFERBLOAT);

  private static final CausalModel STANDARD = standardTable();

  private final ImmutableList<CausalLink> links;
  private final Map<String, List<CausalLink>> byPair = new HashMap<>();
  private final Map<String, java.util.Set<String>> causesOf = new HashMap<>();

  private CausalModel(Collection<CausalLink> links) {
    this.links = ImmutableList.copyOf(links);
    for (CausalLink l : this.links) {
      byPair.computeIfAbsent(l.cause() + " " + l.symptom(), k -> new ArrayList<>(1)).add(l);
      causesOf.computeIfAbsent(l.symptom(), k -> new java.util.LinkedHashSet<>()).add(l.cause());
    }
  }

  /** The codes of the causes that can explain {@code symptom} somewhere. */
  public java.util.Set<String> causesOf(String symptom) {
    return causesOf.getOrDefault(symptom, java.util.Set.of());
  }

  /** The built-in table. */
  public static CausalModel standard() {
    return STANDARD;
  }

  /** This table with {@code more} rows appended (a plugin's causes). */
  public CausalModel with(Collection<CausalLink> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<CausalLink> all = new ArrayList<>(links);
    all.addAll(more);
    return new CausalModel(all);
  }

  /** Every row, in table order. */
  public ImmutableList<CausalLink> links() {
    return links;
  }

  /**
   * The row by which {@code cause} explains {@code symptom}, if any: same codes, and the scope holds
   * for their hosts and directions.
   */
  public Optional<CausalLink> link(Finding cause, Finding symptom) {
    List<CausalLink> rows = byPair.get(cause.code() + " " + symptom.code());
    if (rows != null) {
      for (CausalLink l : rows) {
        if (holds(l.scope(), cause, symptom)) {
          return Optional.of(l);
        }
      }
    }
    // a plugin's finding may still name what it explains on its own host
    if (cause.explains().contains(symptom.code()) && cause.host() == symptom.host()) {
      return Optional.of(CausalLink.of(cause.code(), symptom.code(), SAME_HOST, "the analyzer that found "
          + cause.code() + " says it explains " + symptom.code() + " on the same end"));
    }
    return Optional.empty();
  }

  static boolean holds(Scope scope, Finding cause, Finding symptom) {
    return switch (scope) {
      case SAME_HOST -> cause.host() == symptom.host();
      case OTHER_END -> cause.host() != symptom.host();
      case EITHER_END -> true;
      case SAME_DIRECTION -> {
        Optional<Direction> c = cause.direction();
        Optional<Direction> s = symptom.direction();
        yield c.isPresent() && s.isPresent() ? c.get() == s.get() : cause.host() == symptom.host();
      }
    };
  }

  private static CausalModel standardTable() {
    Table t = new Table();
    // Checklist A, steps 1-2: the route and a tunnel that carries traffic come before any figure.
    t.add(Codes.ROUTE_NOT_VIA_TUNNEL, EITHER_END, "a test that bypasses the tunnel measures nothing about it, and "
        + "replies that bypass it never come back through it", List.of(Codes.TUNNEL_NO_TRAFFIC, Codes.PATH_LOSS,
            Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED, Codes.QUEUE_BUFFERBLOAT));
    t.add(Codes.ROUTE_NOT_VIA_TUNNEL, SAME_HOST, "a probe that bypasses the tunnel measures the underlay, not the tunnel",
        List.of(Codes.PEER_ONE_WAY, Codes.MTU_BLACKHOLE, Codes.MTU_LOCAL_LIMIT));
    t.add(Codes.PEER_NO_HANDSHAKE, EITHER_END, "without a handshake there is no session: nothing passes through the tunnel",
        List.of(Codes.TUNNEL_NO_TRAFFIC, Codes.PEER_ONE_WAY, Codes.PATH_LOSS, Codes.TCP_RETRANSMITS,
            Codes.TCP_SINGLE_FLOW_LIMITED, Codes.QUEUE_BUFFERBLOAT, Codes.PEER_KEEPALIVE_MISSING));
    t.promote(Codes.ROUTE_ASYMMETRIC, OTHER_END, "the other end's replies leave by the underlay instead of the tunnel, "
        + "so this end sees traffic one way and its segments unanswered", List.of(Codes.TUNNEL_NO_TRAFFIC));
    t.add(Codes.ROUTE_ASYMMETRIC, OTHER_END, "the other end's replies leave by the underlay instead of the tunnel, so "
        + "this end sees traffic one way and its segments unanswered", List.of(Codes.PEER_ONE_WAY, Codes.PATH_LOSS,
            Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.promote(Codes.ROUTE_ASYMMETRIC, SAME_HOST, "replies that leave by the underlay never reach the peer through the "
        + "tunnel", List.of(Codes.TUNNEL_NO_TRAFFIC));
    t.add(Codes.ROUTE_ASYMMETRIC, SAME_HOST, "replies that leave by the underlay never reach the peer through the tunnel",
        List.of(Codes.PEER_ONE_WAY, Codes.PATH_LOSS, Codes.TCP_RETRANSMITS, Codes.ROUTE_RP_FILTER_STRICT));
    t.add(Codes.TUNNEL_NO_TRAFFIC, EITHER_END, "a tunnel that carries nothing makes every throughput, loss and queueing "
        + "figure meaningless (checklist A, steps 1-2)", THROUGHPUT);
    t.add(Codes.TUNNEL_NO_TRAFFIC, EITHER_END, "named among the likely causes of the tunnel carrying nothing",
        List.of(Codes.PEER_STALE_HANDSHAKE, Codes.PEER_ONE_WAY, Codes.PEER_ENDPOINT_CHANGED, Codes.PEER_KEEPALIVE_MISSING,
            Codes.WG_ALLOWED_IPS_GAP, Codes.UNDERLAY_LOSS, Codes.ROUTE_RP_FILTER_STRICT));
    t.add(Codes.PEER_STALE_HANDSHAKE, EITHER_END, "a session past REJECT_AFTER_TIME (180 s) carries no data until a new "
        + "handshake", List.of(Codes.PEER_ONE_WAY, Codes.PATH_LOSS, Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.WG_ALLOWED_IPS_GAP, SAME_HOST, "packets routed into the tunnel that no peer accepts are dropped "
        + "(tx_errors on the tunnel)", List.of(Codes.TCP_RETRANSMITS));
    // MTU first among the performance causes (mistake #2: fix MTU and loss before tuning flows).
    t.add(Codes.MTU_BLACKHOLE, EITHER_END, "full-size packets vanish on the path: TCP stalls, retransmits and "
        + "backs off until it probes smaller sizes", List.of(Codes.TCP_RETRANSMITS, Codes.PATH_LOSS,
            Codes.TCP_SINGLE_FLOW_LIMITED, Codes.QUEUE_BUFFERBLOAT));
    t.add(Codes.MTU_BLACKHOLE, SAME_HOST, "MSS clamping is the fix for forwarded TCP, not a separate problem",
        List.of(Codes.MTU_MSS_CLAMP_MISSING));
    t.add(Codes.MTU_MISMATCH, EITHER_END, "tunnel packets larger than the underlay carries are fragmented or dropped",
        List.of(Codes.TCP_RETRANSMITS, Codes.PATH_LOSS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.MTU_MISMATCH, SAME_HOST, "MSS clamping is the fix for forwarded TCP, not a separate problem",
        List.of(Codes.MTU_MSS_CLAMP_MISSING));
    // CPU: a saturated or pinned core is the bottleneck of the end it is on.
    t.add(Codes.CPU_SATURATED, SAME_HOST, "a host with no CPU left cannot drain its sockets or run its softirqs",
        List.of(Codes.UDP_BUFFER_ERRORS, Codes.SOFTNET_SQUEEZE, Codes.NIC_RX_DROPS, Codes.TCP_SINGLE_FLOW_LIMITED,
            Codes.CPU_PINNED));
    t.add(Codes.CPU_SATURATED, SAME_DIRECTION, "the end whose CPU is saturated drops what it receives: the sender of "
        + "that direction retransmits", List.of(Codes.TCP_RETRANSMITS, Codes.PATH_LOSS));
    t.add(Codes.CPU_PINNED, SAME_HOST, "one busy core caps a single flow and queues its softirq work",
        List.of(Codes.TCP_SINGLE_FLOW_LIMITED, Codes.SOFTNET_SQUEEZE, Codes.IRQ_CONCENTRATED, Codes.UDP_BUFFER_ERRORS));
    t.add(Codes.CPU_PINNED, SAME_DIRECTION, "the pinned core drops what it cannot process: the sender of that direction "
        + "retransmits", List.of(Codes.TCP_RETRANSMITS, Codes.PATH_LOSS));
    t.add(Codes.UNDERLAY_VM_TAX, SAME_HOST, "CPU time the hypervisor takes is time the tunnel's crypto does not get",
        List.of(Codes.TCP_SINGLE_FLOW_LIMITED, Codes.SOFTNET_SQUEEZE));
    // The drop sites loss is attributed to before the path is blamed.
    t.add(Codes.QUEUE_QDISC_DROPS, SAME_DIRECTION, "the sender's own egress queue dropped the packets: local "
        + "congestion or shaping, not the path", List.of(Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.QUEUE_QDISC_DROPS, SAME_HOST, "a UDP packet the qdisc drops is also counted as a send-buffer error",
        List.of(Codes.UDP_BUFFER_ERRORS));
    t.add(Codes.UDP_BUFFER_ERRORS, SAME_DIRECTION, "datagrams the WireGuard socket could not take were dropped at "
        + "that end, not on the path", List.of(Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.NIC_RX_DROPS, SAME_DIRECTION, "the receiving NIC dropped the packets before the stack saw them",
        List.of(Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.SOFTNET_SQUEEZE, SAME_DIRECTION, "the receive softirq ran out of budget and dropped packets",
        List.of(Codes.TCP_RETRANSMITS));
    t.add(Codes.CONNTRACK_PRESSURE, EITHER_END, "connection tracking dropped or refused the tunnel's packets",
        List.of(Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.UNDERLAY_LOSS, EITHER_END, "the underlay loses packets outside the tunnel; TCP inside pays for them",
        List.of(Codes.PATH_LOSS, Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    t.add(Codes.UNDERLAY_JITTER, EITHER_END, "RTT spikes on the underlay fire TCP's retransmit timers",
        List.of(Codes.TCP_RETRANSMITS));
    t.add(Codes.QUEUE_BUFFERBLOAT, SAME_HOST, "a full queue on the way delays and finally drops; a FIFO is where it "
        + "builds", List.of(Codes.TCP_RETRANSMITS, Codes.QUEUE_FIFO, Codes.PATH_LOSS));
    // What is left: loss that no local counter explains (path.loss is raised only for that residual,
    // so no drop site above explains it).
    t.add(Codes.PATH_LOSS, EITHER_END, "segments lost between the ends are retransmitted, and a single flow suffers "
        + "most (mistake #2: fix loss before tuning flows)", List.of(Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED));
    return new CausalModel(t.rows);
  }

  private static final class Table {
    final List<CausalLink> rows = new ArrayList<>();

    void add(String cause, Scope scope, String reason, List<String> symptoms) {
      for (String s : symptoms) {
        rows.add(CausalLink.of(cause, s, scope, reason));
      }
    }

    void promote(String cause, Scope scope, String reason, List<String> symptoms) {
      for (String s : symptoms) {
        rows.add(CausalLink.promoting(cause, s, scope, reason));
      }
    }
  }
}
