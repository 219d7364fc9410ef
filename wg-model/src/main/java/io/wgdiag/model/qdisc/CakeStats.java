package io.wgdiag.model.qdisc;

import com.google.common.collect.ImmutableList;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * cake's statistics in {@code tc -s qdisc} (iproute2 {@code tc/q_cake.c}, {@code
 * cake_print_xstats}): memory, capacity, packet sizes and the per-tin table.
 *
 * <pre>{@code
 *  memory used: 124352b of 4Mb
 *  capacity estimate: 809Kbit
 *  min/max network layer size:           39 /    1478
 *  min/max overhead-adjusted size:      106 /    1643
 *  average network hdr offset:           14
 *
 *                    Bulk  Best Effort        Voice
 *   thresh       50560bit      809Kbit    202248bit
 *   ...
 * }</pre>
 */
@Value.Immutable
public abstract class CakeStats {

  /** {@code memory used:}, in bytes. */
  public abstract OptionalLong memoryUsedBytes();

  /** The memory limit after {@code of}, in bytes. */
  public abstract OptionalLong memoryLimitBytes();

  /** {@code capacity estimate:}, in bits per second. */
  public abstract OptionalDouble capacityEstimateBitsPerSecond();

  /** The smallest network-layer packet seen, in bytes. */
  public abstract OptionalLong minNetworkSizeBytes();

  /** The largest network-layer packet seen, in bytes. */
  public abstract OptionalLong maxNetworkSizeBytes();

  /** The smallest packet after overhead compensation, in bytes. */
  public abstract OptionalLong minAdjustedSizeBytes();

  /** The largest packet after overhead compensation, in bytes. */
  public abstract OptionalLong maxAdjustedSizeBytes();

  /** {@code average network hdr offset:}, in bytes. */
  public abstract OptionalLong averageHeaderOffsetBytes();

  /** {@code active queues:} (a count), when printed. */
  public abstract OptionalLong activeQueues();

  /** The tins, in the header's order (Bulk first for diffserv3/4). */
  public abstract ImmutableList<CakeTin> tins();

  /** The sum of the tins' {@code drops} (packets); 0 without a tin table. */
  public long tinDrops() {
    return tins().stream().mapToLong(t -> t.drops().orElse(0)).sum();
  }

  /** The sum of the tins' {@code ack_drop} (packets). */
  public long tinAckDrops() {
    return tins().stream().mapToLong(t -> t.ackDrops().orElse(0)).sum();
  }

  /** The largest {@code pk_delay} over the tins, in microseconds; empty without delay rows. */
  public OptionalLong maxPeakDelayMicros() {
    return tins().stream().filter(t -> t.peakDelayMicros().isPresent())
        .mapToLong(t -> t.peakDelayMicros().getAsLong()).max();
  }

  /** A builder. */
  public static ImmutableCakeStats.Builder builder() {
    return ImmutableCakeStats.builder();
  }
}
