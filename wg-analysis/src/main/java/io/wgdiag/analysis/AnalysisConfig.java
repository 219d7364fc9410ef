package io.wgdiag.analysis;

import org.immutables.value.Value;

/**
 * The thresholds of every rule, named and documented. Override any of them:
 *
 * <pre>{@code
 * AnalysisConfig strict = AnalysisConfig.builder().cpuPinnedBusyPercent(80).build();
 * Report r = Analysis.builder().config(strict).build().run(kase);
 * }</pre>
 *
 * <p>Wherever a counter grows with traffic, its threshold is a ratio to the traffic moved (errors
 * per datagram, retransmits per segment), so a busy healthy host stays quiet and a small real
 * problem still shows at info level.
 */
@Value.Immutable
public abstract class AnalysisConfig {

  /** The defaults. */
  public static AnalysisConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutableAnalysisConfig.Builder builder() {
    return ImmutableAnalysisConfig.builder();
  }

  /** WireGuard's per-packet overhead over an IPv4 underlay, in bytes: 20 IP + 8 UDP + 32 WireGuard. */
  public static final int WG_OVERHEAD_IPV4_BYTES = 60;

  /** WireGuard's per-packet overhead over an IPv6 underlay, in bytes: 40 IP + 8 UDP + 32 WireGuard. */
  public static final int WG_OVERHEAD_IPV6_BYTES = 80;

  /** ICMP echo overhead over IPv4 in bytes (20 IP + 8 ICMP): payload N is N + 28 on the wire. */
  public static final int ICMP_OVERHEAD_IPV4_BYTES = 28;

  /**
   * Bytes of headroom below (measured path MTU minus overhead) when recommending a tunnel MTU: the
   * field guide's "lower by a small, justified amount (20–40 bytes)". Default 20 bytes.
   */
  @Value.Default
  public int mtuHeadroomBytes() {
    return 20;
  }

  /** A core counts as pinned when its busy time (100 − %idle) reaches this, in percent. Default 90. */
  @Value.Default
  public double cpuPinnedBusyPercent() {
    return 90;
  }

  /**
   * ... while the other cores' mean busy time stays at or below this, in percent (they have
   * headroom). Default 60.
   */
  @Value.Default
  public double cpuHeadroomBusyPercent() {
    return 60;
  }

  /** One core's softirq time at or above this (percent) marks network receive processing pinned. Default 50. */
  @Value.Default
  public double softirqDominantPercent() {
    return 50;
  }

  /** All cores are saturated when their mean busy time reaches this, in percent. Default 90. */
  @Value.Default
  public double cpuSaturatedPercent() {
    return 90;
  }

  /** CPU steal time at or above this, in percent, is the VM tax. Default 5. */
  @Value.Default
  public double stealPercent() {
    return 5;
  }

  /** Interrupts are concentrated when one CPU takes at least this share (0–1) of a device's interrupts. Default 0.8. */
  @Value.Default
  public double irqConcentratedShare() {
    return 0.8;
  }

  /** Fewer interrupts than this (in the delta or total) are too few to judge concentration. Default 10 000. */
  @Value.Default
  public long irqMinimumCount() {
    return 10_000;
  }

  /** {@code iperf3 -P N} is "much faster" than one flow at this ratio of throughputs. Default 1.5. */
  @Value.Default
  public double parallelSpeedupRatio() {
    return 1.5;
  }

  /** A handshake older than this, in seconds, is stale (WireGuard's REJECT_AFTER_TIME). Default 180. */
  @Value.Default
  public long staleHandshakeSeconds() {
    return 180;
  }

  /** Underlay ping loss at or above this, in percent, is a warning (any loss is info). Default 1. */
  @Value.Default
  public double underlayLossWarnPercent() {
    return 1;
  }

  /** Underlay jitter: ping mdev at or above this share of the average RTT (0–1). Default 0.25. */
  @Value.Default
  public double jitterMdevShare() {
    return 0.25;
  }

  /** Bufferbloat: RTT under load at least this many times the idle RTT ... Default 3. */
  @Value.Default
  public double bufferbloatRatio() {
    return 3;
  }

  /** ... and at least this many milliseconds above it. Default 20 ms. */
  @Value.Default
  public double bufferbloatExtraMillis() {
    return 20;
  }

  /** UDP buffer errors per datagram at or above this are a warning (any is info). Default 0.001. */
  @Value.Default
  public double udpBufferErrorWarnRatio() {
    return 0.001;
  }

  /** TCP retransmitted segments per segment sent at or above this are a warning. Default 0.01. */
  @Value.Default
  public double retransmitWarnRatio() {
    return 0.01;
  }

  /** ... and at or above this are worth an info. Default 0.001. */
  @Value.Default
  public double retransmitInfoRatio() {
    return 0.001;
  }

  /** Dropped packets per packet (link RX, qdisc) at or above this are a warning. Default 0.001. */
  @Value.Default
  public double dropWarnRatio() {
    return 0.001;
  }

  /** Conntrack invalid entries per lookup ({@code found}) at or above this are pressure. Default 0.01. */
  @Value.Default
  public double conntrackInvalidRatio() {
    return 0.01;
  }

  /** Softnet time_squeeze events per processed packet at or above this are a warning. Default 0.0001. */
  @Value.Default
  public double softnetSqueezeRatio() {
    return 0.0001;
  }

  /**
   * The share (0–1) by which one end's WireGuard bytes sent may exceed the other end's bytes
   * received before it counts as loss on the path. Default 0.01.
   */
  @Value.Default
  public double transferMismatchShare() {
    return 0.01;
  }

  /**
   * The fewest pings a loss rate is judged from, in packets: fewer give no rate finding (a dead
   * target still counts as connectivity evidence). Default 10.
   */
  @Value.Default
  public long minPingsForRate() {
    return 10;
  }

  /**
   * The fewest TCP data segments a retransmit rate is judged from, in segments; a socket that
   * carried only handshake segments, or sits in SYN-SENT, is connectivity evidence, never loss.
   * Default 100.
   */
  @Value.Default
  public long minSegmentsForRate() {
    return 100;
  }

  /**
   * The fewest packets (or datagrams) a drop or buffer-error rate is judged from, in packets; below
   * it a drop is at most info. Default 1000.
   */
  @Value.Default
  public long minPacketsForRate() {
    return 1000;
  }

  /**
   * The z-score of the Wilson interval a rate's confidence is taken from (1.96: 95%). A rate whose
   * interval is wide against the rate itself gets a lower confidence.
   */
  @Value.Default
  public double rateIntervalZ() {
    return 1.96;
  }
}
