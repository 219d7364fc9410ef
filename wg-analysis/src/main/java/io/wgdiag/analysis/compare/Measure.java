package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.HostSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The field guide's measures, in the order it takes them. Each reads one figure from one host's
 * snapshot ({@link #read}, through {@link Measures}), has a unit and a better direction, and is
 * judged by the rule of its {@link Kind} (see {@link CompareConfig} for the tolerances).
 */
public enum Measure {
  /** One iperf3 TCP flow: the receiver's bitrate, in bits per second. Higher is better. */
  SINGLE_FLOW_THROUGHPUT("single-flow-throughput", "iperf3 single flow", Unit.BITS_PER_SECOND, Kind.THROUGHPUT, true, true,
      "iperf3 -c {peer} -t 15"),
  /** Parallel iperf3 TCP flows ({@code -P N}): the receiver's SUM bitrate, in bits per second. Higher is better. */
  PARALLEL_THROUGHPUT("parallel-throughput", "iperf3 parallel flows", Unit.BITS_PER_SECOND, Kind.THROUGHPUT, true, true,
      "iperf3 -c {peer} -P 4 -t 15"),
  /**
   * TCP segments retransmitted per segment sent (a share). Lower is better. Shown, does not decide:
   * a symptom, see {@link #decides()}.
   */
  RETRANSMITS("retransmits-per-segment", "TCP retransmits per segment", Unit.SHARE, Kind.RATE, false, false,
      "nstat -az   # before the load", "iperf3 -c {peer} -t 15", "nstat -az   # after the load"),
  /** The round-trip time through the tunnel with no load, the median reply, in milliseconds. Lower is better. */
  RTT_IDLE("rtt-idle", "RTT idle", Unit.MILLISECONDS, Kind.RTT, false, true,
      "ping -c 20 {peer}"),
  /** The round-trip time through the tunnel while iperf3 runs, the median reply, in milliseconds. Lower is better. */
  RTT_LOADED("rtt-loaded", "RTT under load", Unit.MILLISECONDS, Kind.RTT, false, true,
      "ping -c 20 {peer}   # while iperf3 -c {peer} -t 30 runs"),
  /** The largest DF ping through the tunnel that was answered, in bytes on the wire. Higher is better. */
  DF_LARGEST_PASSING("df-largest-passing", "DF ping largest passing", Unit.BYTES, Kind.SIZE, true, true,
      "ping -M do -s 1392 -c 3 {peer}", "ping -M do -s 1372 -c 3 {peer}", "ping -M do -s 1312 -c 3 {peer}",
      "ping -M do -s 1252 -c 3 {peer}", "ping -M do -s 1192 -c 3 {peer}"),
  /**
   * Packets the root qdiscs dropped per packet they handled (a share). Lower is better. Shown, does
   * not decide: see {@link #decides()}.
   */
  QDISC_DROPS("qdisc-drops-per-packet", "qdisc drops per packet", Unit.SHARE, Kind.RATE, false, false,
      "tc -s qdisc show   # before and after the load"),
  /** Received packets the physical links dropped (dropped, missed, overrun) per packet (a share). Lower is better. */
  NIC_DROPS("nic-drops-per-packet", "NIC RX drops per packet", Unit.SHARE, Kind.RATE, false, true,
      "ip -s -s link show   # before and after the load"),
  /** UDP send and receive buffer errors per datagram (a share). Lower is better. */
  UDP_DROPS("udp-drops-per-datagram", "UDP buffer errors per datagram", Unit.SHARE, Kind.RATE, false, true,
      "netstat -su   # before and after the load"),
  /** Seconds since the tunnel peer's latest handshake; infinite when it never completed one. Lower is better. */
  HANDSHAKE_AGE("handshake-age", "handshake age", Unit.SECONDS, Kind.AGE, false, true,
      "wg show all dump"),
  /** The busiest core's busy time under load (100 − %idle), in percent. Shown, does not decide. */
  CPU_MAX_BUSY("cpu-busy-max-core", "CPU busy, busiest core", Unit.PERCENT, Kind.CPU, false, false,
      "mpstat -P ALL 1 5   # while iperf3 runs"),
  /** The mean busy time of all cores under load, in percent. Shown, does not decide. */
  CPU_MEAN_BUSY("cpu-busy-mean", "CPU busy, mean of cores", Unit.PERCENT, Kind.CPU, false, false,
      "mpstat -P ALL 1 5   # while iperf3 runs"),
  /** The largest share of one core's time spent in softirq under load, in percent. Shown, does not decide. */
  SOFTIRQ_MAX("softirq-max-core", "softirq, busiest core", Unit.PERCENT, Kind.CPU, false, false,
      "mpstat -P ALL 1 5   # while iperf3 runs"),
  /** The mean share of the cores' time spent in softirq under load, in percent. Shown, does not decide. */
  SOFTIRQ_MEAN("softirq-mean", "softirq, mean of cores", Unit.PERCENT, Kind.CPU, false, false,
      "mpstat -P ALL 1 5   # while iperf3 runs");

  /** The unit of a measure's figures. */
  public enum Unit {
    /** Bits per second. */
    BITS_PER_SECOND,
    /** Milliseconds. */
    MILLISECONDS,
    /** A share from 0 to 1 (events per packet or segment). */
    SHARE,
    /** Bytes. */
    BYTES,
    /** Seconds. */
    SECONDS,
    /** Percent, 0 to 100. */
    PERCENT
  }

  /** How a change of a measure is told from noise; the tolerances are in {@link CompareConfig}. */
  public enum Kind {
    /** Relative, widened by the runs' own interval spread. */
    THROUGHPUT,
    /** An absolute floor in milliseconds or a share of the before value, whichever is larger. */
    RTT,
    /** A share of events: a minimum sample, then Wilson score intervals that must not overlap. */
    RATE,
    /** A DF ladder: a size one side passed and the other probed and lost. */
    SIZE,
    /** A handshake's state: fresh (within the stale limit), stale, or never. */
    AGE,
    /** Percentage points of CPU time. */
    CPU
  }

  private final String id;
  private final String label;
  private final Unit unit;
  private final Kind kind;
  private final boolean higherIsBetter;
  private final boolean decides;
  private final List<String> collect;

  Measure(String id, String label, Unit unit, Kind kind, boolean higherIsBetter, boolean decides, String... collect) {
    this.id = id;
    this.label = label;
    this.unit = unit;
    this.kind = kind;
    this.higherIsBetter = higherIsBetter;
    this.decides = decides;
    this.collect = List.of(collect);
  }

  /** The stable id used in JSON, e.g. {@code rtt-loaded}. */
  public String id() {
    return id;
  }

  /** A short name for people, e.g. {@code RTT under load}. */
  public String label() {
    return label;
  }

  /** The unit of its figures. */
  public Unit unit() {
    return unit;
  }

  /** How a change is told from noise. */
  public Kind kind() {
    return kind;
  }

  /** Whether a larger figure is better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * Whether a change of this measure counts toward the verdict. Throughput, RTT, the DF ladder, NIC
   * and UDP drops and the handshake do: they are what the tunnel delivers, or loss the host inflicts
   * for nothing. Shown and not deciding:
   *
   * <ul>
   *   <li>CPU figures move with the load: more throughput costs more CPU. The {@code cpu.*}
   *       findings carry the CPU's verdict.
   *   <li>TCP retransmits are a symptom (the field guide: "on their own they are a symptom, not a
   *       cause"). A shorter queue or an AQM raises them by design while latency falls (the lab's
   *       bufferbloat-short-queue: 0.28% to 10.2%, RTT under load 40.5 to 26.5 ms), and on a busy
   *       host they vary tenfold between runs of one setup (txqueuelen-noop: 0.094% to 1.2%).
   *   <li>qdisc drops likewise: fq_codel, cake or a shorter queue drop more on purpose.
   * </ul>
   */
  public boolean decides() {
    return decides;
  }

  /** The commands that would supply this measure, {@code peer} put in for the peer's address. */
  public List<String> collect(String peer) {
    return collect.stream().map(c -> c.replace("{peer}", peer)).toList();
  }

  /** Reads this measure from {@code host}, a snapshot of {@code kase}; empty when it was not captured. */
  public Optional<Reading> read(HostSnapshot host, Case kase) {
    return switch (this) {
      case SINGLE_FLOW_THROUGHPUT -> Measures.singleFlowThroughput(host);
      case PARALLEL_THROUGHPUT -> Measures.parallelThroughput(host);
      case RETRANSMITS -> Measures.retransmitsPerSegment(host);
      case RTT_IDLE -> Measures.rttIdle(host);
      case RTT_LOADED -> Measures.rttLoaded(host);
      case DF_LARGEST_PASSING -> Measures.dfLargestPassing(host);
      case QDISC_DROPS -> Measures.qdiscDropsPerPacket(host);
      case NIC_DROPS -> Measures.nicDropsPerPacket(host);
      case UDP_DROPS -> Measures.udpDropsPerDatagram(host);
      case HANDSHAKE_AGE -> Measures.handshakeAge(host, kase);
      case CPU_MAX_BUSY -> Measures.cpuBusyMaxCore(host);
      case CPU_MEAN_BUSY -> Measures.cpuBusyMean(host);
      case SOFTIRQ_MAX -> Measures.softirqMaxCore(host);
      case SOFTIRQ_MEAN -> Measures.softirqMean(host);
    };
  }
}
