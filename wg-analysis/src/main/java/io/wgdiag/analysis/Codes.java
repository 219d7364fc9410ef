package io.wgdiag.analysis;

/** The stable finding codes, one rule each; see the README's catalogue for the rules. */
public final class Codes {
  private Codes() {}

  public static final String MTU_BLACKHOLE = "mtu.blackhole";
  public static final String MTU_MISMATCH = "mtu.mismatch";
  public static final String MTU_LOCAL_LIMIT = "mtu.local-limit";
  public static final String MTU_MSS_CLAMP_MISSING = "mtu.mss-clamp-missing";
  public static final String CPU_PINNED = "cpu.pinned";
  public static final String CPU_SATURATED = "cpu.saturated";
  public static final String IRQ_CONCENTRATED = "irq.concentrated";
  public static final String SOFTNET_SQUEEZE = "softnet.squeeze";
  public static final String TCP_SINGLE_FLOW_LIMITED = "tcp.single-flow-limited";
  public static final String ROUTE_NOT_VIA_TUNNEL = "route.not-via-tunnel";
  public static final String ROUTE_ASYMMETRIC = "route.asymmetric";
  public static final String ROUTE_RP_FILTER_STRICT = "route.rp-filter-strict";
  public static final String WG_ALLOWED_IPS_GAP = "wg.allowed-ips-gap";
  public static final String WG_ALLOWED_IPS_OVERLAP = "wg.allowed-ips-overlap";
  public static final String PEER_NO_HANDSHAKE = "peer.no-handshake";
  public static final String PEER_STALE_HANDSHAKE = "peer.stale-handshake";
  public static final String PEER_ENDPOINT_CHANGED = "peer.endpoint-changed";
  public static final String PEER_KEEPALIVE_MISSING = "peer.keepalive-missing";
  public static final String PEER_ONE_WAY = "peer.one-way";
  public static final String PATH_LOSS = "path.loss";
  public static final String UNDERLAY_LOSS = "underlay.loss";
  public static final String UNDERLAY_JITTER = "underlay.jitter";
  public static final String QUEUE_BUFFERBLOAT = "queue.bufferbloat";
  public static final String QUEUE_FIFO = "queue.fifo";
  public static final String QUEUE_QDISC_DROPS = "queue.qdisc-drops";
  public static final String UDP_BUFFER_ERRORS = "udp.buffer-errors";
  public static final String NIC_RX_DROPS = "nic.rx-drops";
  public static final String CONNTRACK_PRESSURE = "conntrack.pressure";
  public static final String TCP_RETRANSMITS = "tcp.retransmits";
  public static final String NIC_OFFLOAD_SUSPECT = "nic.offload-suspect";
  public static final String UNDERLAY_VM_TAX = "underlay.vm-tax";
}
