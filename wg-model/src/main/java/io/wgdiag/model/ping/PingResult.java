package io.wgdiag.model.ping;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One {@code ping} run (iputils or busybox): the header, replies, errors, the summary.
 *
 * <pre>{@code
 * PING 10.60.0.10 (10.60.0.10) 1412(1440) bytes of data.
 * ping: local error: message too long, mtu=1420
 * --- 10.60.0.10 ping statistics ---
 * 3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2038ms
 * }</pre>
 */
@Value.Immutable
public abstract class PingResult {

  /** The target as typed (a name or an address); empty when not printed. */
  public abstract Optional<String> target();

  /** The target's address, from the header's parentheses. */
  public abstract Optional<String> address();

  /** The ICMP payload size in bytes ({@code -s}), from the header: 1372 in {@code 1372(1400)}. */
  public abstract OptionalInt payloadBytes();

  /** The IPv4 packet size in bytes as the header prints it: 1400 in {@code 1372(1400)}. */
  public abstract OptionalInt printedPacketBytes();

  /** Where the probes went: the target's address, else the target as typed; empty when neither was printed. */
  @View
  public Optional<String> destination() {
    return address().or(this::target);
  }

  /** Whether the target is an IPv6 address. */
  @Value.Derived
  public boolean isIpv6() {
    return destination().map(a -> a.indexOf(':') >= 0).orElse(false);
  }

  /**
   * The size of the IP packet each probe makes, in bytes: as printed for IPv4, else the payload
   * plus 28 (IPv4: 20 IP + 8 ICMP) or 48 (IPv6: 40 + 8).
   */
  public OptionalInt packetBytes() {
    if (printedPacketBytes().isPresent()) {
      return printedPacketBytes();
    }
    return payloadBytes().isPresent() ? OptionalInt.of(payloadBytes().getAsInt() + (isIpv6() ? 48 : 28)) : OptionalInt.empty();
  }

  /** The replies, in printed order, duplicates included. */
  public abstract ImmutableList<PingReply> replies();

  /** The error lines, in printed order. */
  public abstract ImmutableList<PingError> errors();

  /** Sequence numbers {@code -O} reported as unanswered ({@code no answer yet for icmp_seq=N}). */
  public abstract ImmutableList<Integer> noAnswerSeqs();

  /** Probes sent, from the summary (a count of packets). */
  public abstract OptionalLong transmitted();

  /** Replies received (duplicates not counted), from the summary. */
  public abstract OptionalLong received();

  /** Duplicate replies ({@code +N duplicates}). */
  @Value.Default
  public long duplicates() {
    return 0;
  }

  /** Errors ({@code +N errors}). */
  @Value.Default
  public long errorCount() {
    return 0;
  }

  /** The loss in percent, as the summary prints it. */
  public abstract OptionalDouble lossPercent();

  /** The run's duration in milliseconds ({@code time 2038ms}). */
  public abstract OptionalLong timeMillis();

  /** Minimum round-trip time in milliseconds ({@code rtt min/avg/max/mdev}). */
  public abstract OptionalDouble rttMinMillis();

  /** Average round-trip time in milliseconds. */
  public abstract OptionalDouble rttAvgMillis();

  /** Maximum round-trip time in milliseconds. */
  public abstract OptionalDouble rttMaxMillis();

  /** The standard deviation of the round-trip time in milliseconds (absent on busybox). */
  public abstract OptionalDouble rttMdevMillis();

  /** The most probes in flight at once ({@code pipe N}), in packets. */
  public abstract OptionalInt pipe();

  /** Whether a summary was printed (the run ended normally, not cut off). */
  public boolean hasSummary() {
    return transmitted().isPresent();
  }

  /** Replies that were not duplicates. */
  public long uniqueReplies() {
    return replies().stream().filter(r -> !r.duplicate()).count();
  }

  /** The first error of {@code kind}, if any. */
  public Optional<PingError> firstError(PingError.Kind kind) {
    return errors().stream().filter(e -> e.kind() == kind).findFirst();
  }

  /**
   * Whether the run was stopped with Ctrl-C: the terminal echoed {@code ^C} before the statistics
   * (an interactive {@code ping} without {@code -c}).
   */
  @Value.Default
  public boolean interrupted() {
    return false;
  }

  /** A builder. */
  public static ImmutablePingResult.Builder builder() {
    return ImmutablePingResult.builder();
  }
}
