package io.wgdiag.analysis;

import org.immutables.value.Value;

/**
 * One place where packets of a direction were counted as dropped, over the same window as the
 * two-ended gap: the sender's qdisc, the receiver's UDP socket, ...
 */
@Value.Immutable
public abstract class DropSite {

  /** What the counter is, e.g. {@code qdisc tbf on la0 (drops)} or {@code Udp RcvbufErrors}. */
  public abstract String site();

  /** The end it was counted on. */
  public abstract Host host();

  /**
   * The finding code under which such drops are reported, e.g. {@code queue.qdisc-drops}, or ""
   * when no rule reports them on their own (NIC transmit drops).
   */
  public abstract String code();

  /** Packets the counter rose by over the window, in packets. */
  public abstract long packets();

  /**
   * Packets of this site counted toward the gap, in packets: its rise less what an earlier site of
   * the same packets already counted (a qdisc drop of a UDP packet is also a send-buffer error).
   */
  public abstract long attributedPackets();

  /** {@link #attributedPackets()} in bytes, at the direction's mean WireGuard packet size. */
  public abstract long attributedBytes();

  /** Where the counter was read ({@code file:line} of the later snapshot). */
  public abstract String source();

  /** A builder. */
  public static ImmutableDropSite.Builder builder() {
    return ImmutableDropSite.builder();
  }
}
