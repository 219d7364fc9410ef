package io.wgdiag.model.qdisc;

import com.google.common.primitives.ImmutableLongArray;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * fq's statistics in {@code tc -s qdisc} (iproute2 {@code tc/q_fq.c}, {@code fq_print_xstats}), in
 * both its forms: iproute2 since 5.6 (with JSON support)
 *
 * <pre>{@code
 *   flows 93 (inactive 85 throttled 0)
 *   gc 0 highprio 0 throttled 110950 latency 18.3us flows_plimit 1743
 * }</pre>
 *
 * and the older one
 *
 * <pre>{@code
 *   2 flows (1 inactive, 0 throttled)
 *   0 gc, 0 highprio, 12 throttled, 5000 ns latency, 7 flows_plimit
 *   0 too long pkts, 0 alloc errors
 * }</pre>
 *
 * A counter tc left out (it prints most only when non-zero) is absent.
 */
@Value.Immutable
public abstract class FqStats {

  /** {@code flows}: flows known at the moment of the capture. */
  public abstract OptionalLong flows();

  /** {@code inactive}: flows with nothing queued. */
  public abstract OptionalLong inactiveFlows();

  /** {@code throttled} in the flows line: flows waiting for their pacing time. */
  public abstract OptionalLong throttledFlows();

  /** {@code next_packet_delay} / {@code next packet delay}: time to the next throttled packet, in nanoseconds. */
  public abstract OptionalLong nextPacketDelayNanos();

  /** {@code gc}: flows garbage-collected (a count). */
  public abstract OptionalLong gcFlows();

  /** {@code highprio}: packets sent through the high-priority queue. */
  public abstract OptionalLong highprioPackets();

  /** {@code fastpath}: packets that took the fast path (linux 6.7+). */
  public abstract OptionalLong fastpathPackets();

  /** {@code retrans}: TCP retransmissions seen (packets). */
  public abstract OptionalLong retransPackets();

  /** {@code throttled} in the second line: times a flow was throttled (a count). */
  public abstract OptionalLong throttledEvents();

  /** {@code latency}: the unthrottle latency, in nanoseconds. */
  public abstract OptionalLong unthrottleLatencyNanos();

  /** {@code ce_mark}: packets marked CE. */
  public abstract OptionalLong ceMarks();

  /** {@code flows_plimit}: packets dropped because their flow reached {@code flow_limit} (a drop site). */
  public abstract OptionalLong flowsPlimitDrops();

  /** {@code pkts_too_long} / {@code too long pkts}: packets dropped as longer than the quantum allows. */
  public abstract OptionalLong tooLongDrops();

  /** {@code alloc_errors} / {@code alloc errors}: flow allocation failures, each a dropped packet. */
  public abstract OptionalLong allocationErrors();

  /** {@code horizon_drops}: packets dropped beyond the time horizon. */
  public abstract OptionalLong horizonDrops();

  /** {@code horizon_caps}: packets whose time was capped at the horizon (not dropped). */
  public abstract OptionalLong horizonCaps();

  /** {@code band0_pkts}..{@code band2_pkts}: packets queued per band (linux 6.7+), band 0 first; empty when not printed. */
  @Value.Default
  public ImmutableLongArray bandPackets() {
    return ImmutableLongArray.of();
  }

  /** {@code band0_drops}..{@code band2_drops}: packets dropped per band, band 0 first (missing bands are 0). */
  @Value.Default
  public ImmutableLongArray bandDrops() {
    return ImmutableLongArray.of();
  }

  /**
   * The packets fq's own counters say it dropped: {@code flows_plimit}, too long packets, allocation
   * errors, horizon drops and band drops. Each is also part of the qdisc's {@code dropped}.
   */
  public long drops() {
    long d = flowsPlimitDrops().orElse(0) + tooLongDrops().orElse(0) + allocationErrors().orElse(0)
        + horizonDrops().orElse(0);
    for (int i = 0; i < bandDrops().length(); i++) {
      d += bandDrops().get(i);
    }
    return d;
  }

  /** A builder. */
  public static ImmutableFqStats.Builder builder() {
    return ImmutableFqStats.builder();
  }
}
