package io.wgdiag.model.iperf;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One interval or summary row of iperf3: {@code [  5]   0.00-1.00   sec  62.2 MBytes   522
 * Mbits/sec    0   1.10 MBytes}, {@code [SUM]   0.00-15.00  sec  3.62 GBytes  2.07 Gbits/sec   81
 * sender}, UDP {@code [  5] 0.00-10.00 sec 1.25 MBytes 1.05 Mbits/sec 0.005 ms 0/906 (0%) receiver}.
 */
@Value.Immutable
public abstract class IperfInterval {

  /** The stream id ({@code 5}) or {@code SUM}. */
  public abstract String stream();

  /** Interval start, seconds since the test start. */
  public abstract double startSeconds();

  /** Interval end, seconds since the test start. */
  public abstract double endSeconds();

  /** Bytes transferred (printed in KBytes/MBytes/GBytes, powers of 1024: approximate). */
  public abstract long bytes();

  /** The bitrate in bits per second (printed in Kbits/Mbits/Gbits per second, powers of 1000). */
  public abstract double bitsPerSecond();

  /** TCP retransmissions ({@code Retr}) in this interval or, on a sender summary, in the test, in segments. */
  public abstract OptionalLong retransmits();

  /** The congestion window in bytes ({@code Cwnd}), client TCP intervals. */
  public abstract OptionalLong cwndBytes();

  /** UDP jitter in milliseconds. */
  public abstract OptionalDouble jitterMillis();

  /** UDP datagrams lost. */
  public abstract OptionalLong lostDatagrams();

  /** UDP datagrams sent (the total of Lost/Total), or the datagram count of a UDP client interval. */
  public abstract OptionalLong totalDatagrams();

  /** {@code sender} or {@code receiver} on summary rows; absent on interval rows. */
  public abstract Optional<String> role();

  /** Whether this is a summary row (after the dashed line). */
  public boolean isSummary() {
    return role().isPresent();
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableIperfInterval.Builder builder() {
    return ImmutableIperfInterval.builder();
  }
}
