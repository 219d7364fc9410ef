package io.wgdiag.analysis;

/**
 * The stable finding codes, one rule each. A line here says what the rule finds; its thresholds, the
 * severity and the fix are in the catalogue ({@code docs/analysis.md}).
 */
public final class Codes {
  private Codes() {}

  /**
   * Traffic was offered through the tunnel (pings, a load test, TCP connection attempts) and the
   * tunnel carried nothing: its transfer counters stood still or nothing came back.
   */
  public static final String TUNNEL_NO_TRAFFIC = "tunnel.no-traffic";
  /**
   * Packets that fit the tunnel MTU vanish on the path with no ICMP "fragmentation needed" or
   * "packet too big" back.
   */
  public static final String MTU_BLACKHOLE = "mtu.blackhole";
  /** The tunnel MTU exceeds the underlay MTU less WireGuard's overhead (60 bytes over IPv4, 80 over IPv6). */
  public static final String MTU_MISMATCH = "mtu.mismatch";
  /**
   * ping's "local error: message too long": the host's own interface refused the size, which says
   * nothing of the path.
   */
  public static final String MTU_LOCAL_LIMIT = "mtu.local-limit";
  /** The host forwards TCP into a tunnel with a smaller MTU than its underlay and clamps no MSS. */
  public static final String MTU_MSS_CLAMP_MISSING = "mtu.mss-clamp-missing";
  /** During load one core is busy (or busy with softirq) while the others have headroom. */
  public static final String CPU_PINNED = "cpu.pinned";
  /** During load every core is busy on average. */
  public static final String CPU_SATURATED = "cpu.saturated";
  /** Most of a NIC's interrupts land on one CPU. */
  public static final String IRQ_CONCENTRATED = "irq.concentrated";
  /**
   * The kernel's receive processing ran out of budget ({@code time_squeeze}) or dropped packets
   * ({@code /proc/net/softnet_stat}).
   */
  public static final String SOFTNET_SQUEEZE = "softnet.squeeze";
  /** Parallel iperf3 streams carry well more than one stream: the limit is per flow, not the path. */
  public static final String TCP_SINGLE_FLOW_LIMITED = "tcp.single-flow-limited";
  /** {@code ip route get} of the peer's tunnel address leaves by a device other than the tunnel. */
  public static final String ROUTE_NOT_VIA_TUNNEL = "route.not-via-tunnel";
  /** A policy rule, or the remote end's route back, takes the tunnel's traffic out another device. */
  public static final String ROUTE_ASYMMETRIC = "route.asymmetric";
  /**
   * Strict reverse-path filtering on the tunnel or underlay, with policy routing or several default
   * routes.
   */
  public static final String ROUTE_RP_FILTER_STRICT = "route.rp-filter-strict";
  /** A route through the tunnel covers a prefix no peer's AllowedIPs holds: its packets are dropped. */
  public static final String WG_ALLOWED_IPS_GAP = "wg.allowed-ips-gap";
  /** Two peers' AllowedIPs overlap, so traffic may go to the wrong peer. */
  public static final String WG_ALLOWED_IPS_OVERLAP = "wg.allowed-ips-overlap";
  /** A peer with an endpoint has never completed a handshake. */
  public static final String PEER_NO_HANDSHAKE = "peer.no-handshake";
  /**
   * A peer's latest handshake is older than the configured limit (180 s by default) while traffic is
   * expected.
   */
  public static final String PEER_STALE_HANDSHAKE = "peer.stale-handshake";
  /** A peer's endpoint differs between snapshots. */
  public static final String PEER_ENDPOINT_CHANGED = "peer.endpoint-changed";
  /** A roaming peer, or one behind NAT, has no PersistentKeepalive. */
  public static final String PEER_KEEPALIVE_MISSING = "peer.keepalive-missing";
  /** Across snapshots one of a peer's transfer counters moves and the other stays flat. */
  public static final String PEER_ONE_WAY = "peer.one-way";
  /**
   * Loss on the path itself: TCP retransmits, or bytes one end sent that the other did not receive,
   * with no local drop to explain them.
   */
  public static final String PATH_LOSS = "path.loss";
  /** Ping loss on the underlay, outside the tunnel. */
  public static final String UNDERLAY_LOSS = "underlay.loss";
  /** Ping RTT deviation on the underlay that is large against its mean. */
  public static final String UNDERLAY_JITTER = "underlay.jitter";
  /** RTT under load is several times the idle RTT: a queue fills on the way. */
  public static final String QUEUE_BUFFERBLOAT = "queue.bufferbloat";
  /** The underlay's root qdisc is a plain FIFO (pfifo_fast, pfifo or bfifo). */
  public static final String QUEUE_FIFO = "queue.fifo";
  /** A qdisc drops (or, for a shaper, overlimits) packets. */
  public static final String QUEUE_QDISC_DROPS = "queue.qdisc-drops";
  /** UDP send or receive buffer errors ({@code SndbufErrors}, {@code RcvbufErrors}). */
  public static final String UDP_BUFFER_ERRORS = "udp.buffer-errors";
  /** An underlay link drops received packets (dropped, missed, overrun). */
  public static final String NIC_RX_DROPS = "nic.rx-drops";
  /** conntrack fails inserts, drops entries or sees many invalid packets. */
  public static final String CONNTRACK_PRESSURE = "conntrack.pressure";
  /** TCP retransmits that no other finding explains, reported as a symptom. */
  public static final String TCP_RETRANSMITS = "tcp.retransmits";
  /** GRO/GSO/TSO are on for the underlay while the evidence shows CPU pressure or unexplained loss. */
  public static final String NIC_OFFLOAD_SUSPECT = "nic.offload-suspect";
  /** The hypervisor takes CPU time from the host (%steal). */
  public static final String UNDERLAY_VM_TAX = "underlay.vm-tax";
}
