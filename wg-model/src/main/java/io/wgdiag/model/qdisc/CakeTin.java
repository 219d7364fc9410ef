package io.wgdiag.model.qdisc;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One column of cake's per-tin table in {@code tc -s qdisc} (iproute2 {@code tc/q_cake.c}): a
 * priority tin and its statistics. A row the running cake or tc did not print (older versions lack
 * {@code backlog}, {@code ack_drop}, {@code un_flows}, {@code quantum}) is absent.
 *
 * <pre>{@code
 *                    Bulk  Best Effort        Voice
 *   thresh       50560bit      809Kbit    202248bit
 *   pk_delay          0us        4.3ms          0us
 *   drops               0         2103            0
 * }</pre>
 */
@Value.Immutable
public abstract class CakeTin {

  /** The tin's name as the header prints it: {@code Bulk}, {@code Best Effort}, {@code Video}, {@code Voice} or {@code Tin N}. */
  public abstract String name();

  /** {@code thresh}: the tin's bandwidth threshold in bits per second (0 for an unlimited cake). */
  public abstract OptionalDouble thresholdBitsPerSecond();

  /** {@code target}: the AQM target delay, in microseconds. */
  public abstract OptionalLong targetMicros();

  /** {@code interval}: the AQM interval, in microseconds. */
  public abstract OptionalLong intervalMicros();

  /** {@code pk_delay}: the peak queueing delay, in microseconds. */
  public abstract OptionalLong peakDelayMicros();

  /** {@code av_delay}: the average queueing delay, in microseconds. */
  public abstract OptionalLong averageDelayMicros();

  /** {@code sp_delay}: the delay of sparse flows, in microseconds. */
  public abstract OptionalLong sparseDelayMicros();

  /** {@code backlog}: bytes queued in the tin at the moment of the capture. */
  public abstract OptionalLong backlogBytes();

  /** {@code pkts}: packets sent through the tin. */
  public abstract OptionalLong packets();

  /** {@code bytes}: bytes sent through the tin. */
  public abstract OptionalLong bytes();

  /** {@code way_inds}: set-associative hash indirect hits (a count). */
  public abstract OptionalLong wayIndirectHits();

  /** {@code way_miss}: set-associative hash misses (a count). */
  public abstract OptionalLong wayMisses();

  /** {@code way_cols}: set-associative hash collisions (a count). */
  public abstract OptionalLong wayCollisions();

  /** {@code drops}: packets the tin dropped (AQM and overflow). */
  public abstract OptionalLong drops();

  /** {@code marks}: packets the tin marked with ECN CE. */
  public abstract OptionalLong marks();

  /** {@code ack_drop}: pure ACKs the ack-filter dropped (packets). */
  public abstract OptionalLong ackDrops();

  /** {@code sp_flows}: sparse flows at the moment of the capture. */
  public abstract OptionalLong sparseFlows();

  /** {@code bk_flows}: bulk flows at the moment of the capture. */
  public abstract OptionalLong bulkFlows();

  /** {@code un_flows}: unresponsive flows at the moment of the capture. */
  public abstract OptionalLong unresponsiveFlows();

  /** {@code max_len}: the largest packet seen, in bytes (above the MTU means GSO/GRO aggregates). */
  public abstract OptionalLong maxLengthBytes();

  /** {@code quantum}: the tin's DRR quantum, in bytes. */
  public abstract OptionalLong quantumBytes();

  /** A builder. */
  public static ImmutableCakeTin.Builder builder() {
    return ImmutableCakeTin.builder();
  }
}
