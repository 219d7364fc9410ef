package io.wgdiag.model.tcp;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One TCP socket of {@code ss -ti} with its {@code tcp_info}:
 *
 * <pre>{@code
 * ESTAB 0 0 10.60.0.1:43144 10.60.0.10:5201
 * 	 cubic wscale:7,7 rto:204 rtt:24.1/2.1 ato:40 mss:1360 pmtu:1420 rcvmss:1360 advmss:1360 cwnd:64
 * 	 bytes_acked:8123456 segs_out:6021 segs_in:5844 send 1.9Gbps pacing_rate 3.8Gbps retrans:12/44
 * }</pre>
 *
 * <p>Times are milliseconds, rates bits per second, sizes bytes. Fields ss prints only when
 * non-zero are absent when not printed. Keys this version does not know are kept in {@link
 * #otherFields()}.
 */
@Value.Immutable
public abstract class TcpSocket {

  /**
   * The socket state: ESTAB, SYN-SENT, TIME-WAIT, ...; absent when {@code ss} was given a single
   * state to show ({@code ss -i state established}), for then it prints no State column.
   */
  public abstract Optional<String> state();

  /** Bytes in the receive queue. */
  public abstract long recvQ();

  /** Bytes in the send queue. */
  public abstract long sendQ();

  /** The local address (without brackets and port). */
  public abstract String localAddress();

  /** The local port (or {@code *}). */
  public abstract String localPort();

  /** The peer address. */
  public abstract String peerAddress();

  /** The peer port. */
  public abstract String peerPort();

  /** The process column ({@code users:(("iperf3",pid=1,fd=5))}), when printed. */
  public abstract Optional<String> process();

  /** The congestion control algorithm ({@code cubic}, {@code bbr}, {@code reno}). */
  public abstract Optional<String> congestionControl();

  /** Smoothed round-trip time, ms. */
  public abstract OptionalDouble rttMillis();

  /** Round-trip time variance, ms. */
  public abstract OptionalDouble rttVarMillis();

  /** Minimum round-trip time seen, ms. */
  public abstract OptionalDouble minRttMillis();

  /** Retransmission timeout, ms. */
  public abstract OptionalDouble rtoMillis();

  /** Maximum segment size, bytes. */
  public abstract OptionalLong mssBytes();

  /** Path MTU, bytes. */
  public abstract OptionalLong pmtuBytes();

  /** Advertised MSS, bytes. */
  public abstract OptionalLong advmssBytes();

  /** Congestion window, segments. */
  public abstract OptionalLong cwndSegments();

  /** Slow-start threshold, segments. */
  public abstract OptionalLong ssthreshSegments();

  /** Bytes sent. */
  public abstract OptionalLong bytesSent();

  /** Bytes retransmitted. */
  public abstract OptionalLong bytesRetrans();

  /** Bytes acknowledged. */
  public abstract OptionalLong bytesAcked();

  /** Bytes received. */
  public abstract OptionalLong bytesReceived();

  /** Segments sent. */
  public abstract OptionalLong segsOut();

  /** Segments received. */
  public abstract OptionalLong segsIn();

  /** Data segments sent. */
  public abstract OptionalLong dataSegsOut();

  /** Retransmitted segments currently outstanding ({@code retrans:cur/total}). */
  public abstract OptionalLong retransCurrent();

  /** Retransmissions over the socket's life ({@code retrans:cur/total}). */
  public abstract OptionalLong retransTotal();

  /** Segments considered lost. */
  public abstract OptionalLong lost();

  /** The computed send rate ({@code send 1.9Gbps}), bits per second. */
  public abstract OptionalDouble sendBitsPerSecond();

  /** The pacing rate, bits per second. */
  public abstract OptionalDouble pacingBitsPerSecond();

  /** The delivery rate, bits per second. */
  public abstract OptionalDouble deliveryBitsPerSecond();

  /** Bare flags ({@code app_limited}, {@code ts}, {@code sack}, {@code ecn}). */
  public abstract ImmutableList<String> flags();

  /** Every other {@code key:value} as printed ({@code wscale:7,7}, {@code bbr:(bw:...)}, {@code busy:12ms}). */
  public abstract ImmutableMap<String, String> otherFields();

  /** The 1-based line of the socket line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableTcpSocket.Builder builder() {
    return ImmutableTcpSocket.builder();
  }
}
