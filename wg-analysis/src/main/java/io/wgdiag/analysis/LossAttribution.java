package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * The loss of one direction between the two tunnel ends, decomposed by drop site: WireGuard bytes
 * the sender sent against the bytes the receiver received over the same phases, the gap turned into
 * packets at the observed mean packet size, each local drop site's share, and the residual that
 * nothing counted. Only the residual beyond the tolerance is blamed on the path ({@code
 * path.loss}).
 *
 * <p>The numbers add up: {@code gapPackets = sum(sites' attributedPackets) + residualPackets}.
 */
@Value.Immutable
public abstract class LossAttribution {

  /** The direction. */
  public abstract Direction direction();

  /** Which snapshots the window compares, e.g. {@code before → after}. */
  public abstract String window();

  /** WireGuard bytes the sender sent to the peer over the window, in bytes. */
  public abstract long sentBytes();

  /** WireGuard bytes the receiver received from the peer over the window, in bytes. */
  public abstract long receivedBytes();

  /** {@code sentBytes − receivedBytes}, in bytes (negative when the counters disagree the other way). */
  public long gapBytes() {
    return sentBytes() - receivedBytes();
  }

  /** The mean size of one WireGuard packet of this direction, in bytes. */
  public abstract double meanPacketBytes();

  /** How the mean packet size was found, e.g. {@code WireGuard bytes / Udp OutDatagrams on local}. */
  public abstract String meanPacketSource();

  /** The gap in packets: {@code gapBytes / meanPacketBytes}, rounded, never below 0. */
  public abstract long gapPackets();

  /** The drop sites, in attribution order (sender first, then receiver). */
  public abstract ImmutableList<DropSite> sites();

  /** Packets of the gap that the drop sites account for, in packets (at most the gap). */
  public long attributedPackets() {
    long sum = 0;
    for (DropSite s : sites()) {
      sum += s.attributedPackets();
    }
    return Math.min(sum, gapPackets());
  }

  /** Packets of the gap that no drop site accounts for, in packets. */
  public long residualPackets() {
    return gapPackets() - attributedPackets();
  }

  /**
   * How far the residual may be from zero and still count as zero, in packets: the larger of the
   * documented share of the packets sent ({@code AnalysisConfig.transferMismatchShare}) and the
   * rounding of the mean packet size.
   */
  public abstract long tolerancePackets();

  /** Whether the residual lies beyond the tolerance: loss that nothing local counted. */
  public boolean unexplained() {
    return residualPackets() > tolerancePackets();
  }

  /** The gap as a share of what was sent (0 to 1). */
  public double gapShare() {
    return sentBytes() <= 0 ? 0 : Math.max(0, (double) gapBytes() / sentBytes());
  }

  /** Where the two transfer counters were read. */
  public abstract ImmutableList<Evidence> evidence();

  /** A builder. */
  public static ImmutableLossAttribution.Builder builder() {
    return ImmutableLossAttribution.builder();
  }
}
