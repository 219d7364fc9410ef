package io.wgdiag.model.link;

import com.google.common.collect.ImmutableMap;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The counters of one link, from {@code ip -s link} and {@code ip -s -s link} (every layout:
 * iproute2 4.x, 5.10 and 5.14+) and from the {@code stats64} object of {@code ip -j -s link}.
 *
 * <pre>{@code
 *     RX:  bytes packets errors dropped  missed   mcast
 *     9012345678 8123456      0    1452       0  120345
 *     RX errors:  length    crc   frame    fifo overrun
 *                      0      0       0       0       0
 *     TX:  bytes packets errors dropped carrier collsns
 *     8123456789 7012345      0       0       0       0
 *     TX errors: aborted   fifo  window heartbt transns
 *                      0      0       0       0       2
 * }</pre>
 *
 * <p>Counters are stored by meaning, not by column: every layout prints the first eleven
 * ({@code ifconfig} all but the multicast count); the rest are empty where the layout or the level of {@code -s} does not print them. Note that
 * {@code ip -s} text prints {@code missed} but not {@code overrun}, and {@code ip -j -s} the
 * reverse; with {@code -s -s} both forms print both.
 */
@Value.Immutable
public abstract class LinkStats {

  /** The bytes received, in bytes. */
  public abstract long rxBytes();

  /** The packets received, in packets. */
  public abstract long rxPackets();

  /** The receive errors (RX {@code errors}), in packets. */
  public abstract long rxErrors();

  /** The packets dropped on receive (RX {@code dropped}): no buffer, unknown protocol, policy, in packets. */
  public abstract long rxDropped();

  /**
   * The multicast packets received (RX {@code mcast}), in packets; every {@code ip -s} layout prints
   * it, {@code ifconfig} does not.
   */
  public abstract OptionalLong rxMulticast();

  /** The bytes sent, in bytes. */
  public abstract long txBytes();

  /** The packets sent, in packets. */
  public abstract long txPackets();

  /** The transmit errors (TX {@code errors}), in packets. */
  public abstract long txErrors();

  /** The packets dropped on transmit (TX {@code dropped}), in packets. */
  public abstract long txDropped();

  /** The transmit carrier errors (TX {@code carrier}), in packets. */
  public abstract long txCarrierErrors();

  /** The collisions (TX {@code collsns}), in events. */
  public abstract long txCollisions();

  /** The packets the NIC missed for lack of host buffers ({@code missed}; JSON {@code missed_errors}, only with {@code -s -s}), in packets. */
  public abstract OptionalLong rxMissed();

  /** The receive ring overruns ({@code overrun}; JSON {@code over_errors}), in packets. */
  public abstract OptionalLong rxOverrun();

  /** The compressed packets received, printed only when non-zero, in packets. */
  public abstract OptionalLong rxCompressed();

  /** The frames with a bad length ({@code RX errors: length}, {@code -s -s}), in packets. */
  public abstract OptionalLong rxLengthErrors();

  /** The frames with a bad CRC ({@code crc}, {@code -s -s}), in packets. */
  public abstract OptionalLong rxCrcErrors();

  /** The frame alignment errors ({@code frame}, {@code -s -s}), in packets. */
  public abstract OptionalLong rxFrameErrors();

  /** The receive FIFO errors ({@code fifo}, {@code -s -s}), in packets. */
  public abstract OptionalLong rxFifoErrors();

  /** The packets dropped for want of a protocol handler ({@code nohandler}, only when non-zero), in packets. */
  public abstract OptionalLong rxNohandler();

  /** The packets addressed to another host ({@code otherhost}, iproute2 6.0+, only when non-zero), in packets. */
  public abstract OptionalLong rxOtherhost();

  /** The compressed packets sent, printed only when non-zero, in packets. */
  public abstract OptionalLong txCompressed();

  /** The aborted transmissions ({@code TX errors: aborted}, {@code -s -s}), in packets. */
  public abstract OptionalLong txAbortedErrors();

  /** The transmit FIFO errors ({@code fifo}, {@code -s -s}), in packets. */
  public abstract OptionalLong txFifoErrors();

  /** The late collisions ({@code window}, {@code -s -s}), in packets. */
  public abstract OptionalLong txWindowErrors();

  /** The heartbeat errors ({@code heartbt} or {@code heartbeat}, {@code -s -s}), in packets. */
  public abstract OptionalLong txHeartbeatErrors();

  /** The carrier transitions up or down ({@code transns}; JSON {@code carrier_changes}), in transitions. */
  public abstract OptionalLong txCarrierChanges();

  /**
   * Counters under a column label or JSON key this version does not know, keyed by block and
   * label ({@code "RX errors: foo"}); kept, never fatal.
   */
  @Value.Auxiliary
  public abstract ImmutableMap<String, Long> otherCounters();

  /**
   * Whether the values were humanised by {@code ip -h} ({@code 1.50k}, {@code 6.04T}) and are
   * therefore approximate (rounded to the printed precision).
   */
  @Value.Default
  public boolean approximate() {
    return false;
  }

  /** A builder. */
  public static ImmutableLinkStats.Builder builder() {
    return ImmutableLinkStats.builder();
  }
}
