package io.wgdiag.analysis.compare;

import java.util.OptionalDouble;

/**
 * One measure read from one capture of one host.
 *
 * @param value the figure, in the unit of its {@link Measure} (bits per second, milliseconds,
 *     bytes, seconds, percent, or a share from 0 to 1 for rates); {@code +Infinity} for a handshake
 *     age when no handshake ever completed, and for an RTT when pings went out and none came back
 * @param text the figure as a person reads it, e.g. {@code 94.1 Mbit/s} or {@code 12 of 40,113
 *     segments (0.030%)}
 * @param spread the noise within the run, in the measure's unit: the standard deviation of
 *     iperf3's interval bitrates for throughput; empty for other measures
 * @param events for a rate, the events counted (drops, retransmitted segments); 0 otherwise
 * @param trials for a rate, the packets or segments they are counted over; for RTT, the replies;
 *     for a DF ladder, the probes; 0 otherwise
 * @param failedAbove for a DF ladder, the smallest probe above {@code value} that was lost or
 *     refused by the path, in bytes; empty otherwise or when none failed
 * @param basis how the figure was measured (e.g. {@code iperf3 -P 4 -b 1M}, {@code counters
 *     before→during}, {@code since boot}); two readings of different bases are not compared
 * @param source where it was read ({@code file:line})
 */
public record Reading(
    double value,
    String text,
    OptionalDouble spread,
    long events,
    long trials,
    OptionalDouble failedAbove,
    String basis,
    String source) {

  /** A plain figure with no spread, count or bound. */
  static Reading of(double value, String text, String basis, String source) {
    return new Reading(value, text, OptionalDouble.empty(), 0, 0, OptionalDouble.empty(), basis, source);
  }

  /** A rate: {@code events} of {@code trials}, its value their share (0 when there are no trials). */
  static Reading rate(long events, long trials, String what, String basis, String source) {
    double share = trials <= 0 ? 0 : (double) events / trials;
    String text = Format.count(events) + " of " + Format.count(trials) + " " + what + " (" + Format.share(share) + ")";
    return new Reading(share, text, OptionalDouble.empty(), events, trials, OptionalDouble.empty(), basis, source);
  }

  /** Whether this is a rate ({@code events} of {@code trials}). */
  public boolean isRate() {
    return trials > 0 || events > 0;
  }
}
