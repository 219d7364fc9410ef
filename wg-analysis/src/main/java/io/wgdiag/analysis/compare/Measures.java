package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.HostSnapshot;
import java.util.Optional;

/**
 * Reads each of the field guide's measures from one host's snapshot, for the comparison and for any
 * other view that wants the same figures. Every method returns empty when the evidence it needs
 * was not captured. Each measure's extraction is one small method in a small class by source:
 * {@code IperfMeasures}, {@code PingMeasures} (RTT, DF ladder), {@code CounterMeasures}
 * (retransmits, drops), {@code PeerMeasures} (handshake) and {@code CpuMeasures}.
 *
 * <p>Counters are read over a window: the last {@code before} snapshot against the last {@code
 * during} (else {@code after}) one, the rise under load; with no such pair, the last snapshot's
 * totals since boot, and the reading's basis says so.
 */
public final class Measures {
  private Measures() {}

  /** The last single-flow iperf3 TCP run: its receiver's bitrate (else the sender's), in bits per second. */
  public static Optional<Reading> singleFlowThroughput(HostSnapshot host) {
    return IperfMeasures.singleFlowThroughput(host);
  }

  /** The last parallel ({@code -P N}, N > 1) iperf3 TCP run: its receiver's SUM bitrate, in bits per second. */
  public static Optional<Reading> parallelThroughput(HostSnapshot host) {
    return IperfMeasures.parallelThroughput(host);
  }

  /**
   * TCP segments retransmitted per segment sent: the kernel's {@code RetransSegs} over {@code
   * OutSegs} as they rose from {@code before} to {@code during}/{@code after} (netstat -s, nstat or
   * /proc/net/snmp); without that pair, iperf3's sender retransmits over its bytes / 1448.
   */
  public static Optional<Reading> retransmitsPerSegment(HostSnapshot host) {
    return CounterMeasures.retransmitsPerSegment(host);
  }

  /**
   * The median RTT of the idle pings through the tunnel, in milliseconds: pings outside the {@code
   * during} phase, not marked {@code loaded}, not to the underlay; DF probes count only when no
   * plain ping was captured.
   */
  public static Optional<Reading> rttIdle(HostSnapshot host) {
    return PingMeasures.rttIdle(host);
  }

  /** The median RTT of the pings through the tunnel while the load ran ({@code during}, or marked {@code loaded}), in milliseconds. */
  public static Optional<Reading> rttLoaded(HostSnapshot host) {
    return PingMeasures.rttLoaded(host);
  }

  /**
   * The largest DF ping through the tunnel that was answered, in bytes on the wire (0 when none
   * was), with the smallest larger probe the path lost or refused. Probes the sending host refused
   * itself ({@code local error: message too long}) measure its interface, not the path, and are
   * left out; so are probes to the underlay.
   */
  public static Optional<Reading> dfLargestPassing(HostSnapshot host) {
    return PingMeasures.dfLargestPassing(host);
  }

  /** Packets the root qdiscs dropped per packet they handled (sent + dropped), {@code noqueue} left out. */
  public static Optional<Reading> qdiscDropsPerPacket(HostSnapshot host) {
    return CounterMeasures.qdiscDropsPerPacket(host);
  }

  /** Received packets the physical links dropped ({@code dropped + missed + overrun}) per packet received or dropped. */
  public static Optional<Reading> nicDropsPerPacket(HostSnapshot host) {
    return CounterMeasures.nicDropsPerPacket(host);
  }

  /** UDP send and receive buffer errors ({@code SndbufErrors + RcvbufErrors}) per datagram sent, received or lost so. */
  public static Optional<Reading> udpDropsPerDatagram(HostSnapshot host) {
    return CounterMeasures.udpDropsPerDatagram(host);
  }

  /**
   * Seconds since the tunnel peer's latest handshake, in the last {@code wg show} captured;
   * infinite when it never completed one. The peer is the one whose AllowedIPs hold the peer
   * address of {@code bundle.properties} (local host), else the interface's only peer; with several
   * peers and no address, the freshest. The dump form's epoch is aged against the capture time.
   */
  public static Optional<Reading> handshakeAge(HostSnapshot host, Case kase) {
    return PeerMeasures.handshakeAge(host, kase);
  }

  /** The busiest core's busy time (100 − %idle) in mpstat's average under load, in percent. */
  public static Optional<Reading> cpuBusyMaxCore(HostSnapshot host) {
    return CpuMeasures.cpuBusyMaxCore(host);
  }

  /** The mean busy time of the cores in mpstat's average under load, in percent. */
  public static Optional<Reading> cpuBusyMean(HostSnapshot host) {
    return CpuMeasures.cpuBusyMean(host);
  }

  /** The largest per-core {@code %soft} in mpstat's average under load, in percent. */
  public static Optional<Reading> softirqMaxCore(HostSnapshot host) {
    return CpuMeasures.softirqMaxCore(host);
  }

  /** The mean per-core {@code %soft} in mpstat's average under load, in percent. */
  public static Optional<Reading> softirqMean(HostSnapshot host) {
    return CpuMeasures.softirqMean(host);
  }
}
