package io.wgdiag.model.iperf;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * An iperf3 run (client or server, TCP or UDP, text or {@code -J}): its intervals, its sender and
 * receiver summaries, and any error.
 */
@Value.Immutable
public abstract class IperfResult {

  /** The server the client connected to ({@code Connecting to host H, port P}). */
  public abstract Optional<String> server();

  /** {@code TCP} or {@code UDP}: UDP when jitter/lost columns appear. */
  @Value.Default
  public String protocol() {
    return "TCP";
  }

  /** Whether the run was reversed ({@code -R}: the server sends). */
  @Value.Default
  public boolean reverse() {
    return false;
  }

  /** The stream ids that connected ({@code [  5] local ... connected to ...}). */
  public abstract ImmutableList<String> streams();

  /** The interval rows, in printed order (per stream and SUM). */
  public abstract ImmutableList<IperfInterval> intervals();

  /** The summary rows (sender and receiver, per stream and SUM). */
  public abstract ImmutableList<IperfInterval> summaries();

  /** The error, when iperf3 failed ({@code iperf3: error - unable to connect to server: ...}). */
  public abstract Optional<String> error();

  /** The number of parallel streams: connected streams, else 1, or more when SUM rows appear. */
  public int parallelStreams() {
    if (!streams().isEmpty()) {
      return streams().size();
    }
    boolean sum = summaries().stream().anyMatch(s -> s.stream().equals("SUM"))
        || intervals().stream().anyMatch(s -> s.stream().equals("SUM"));
    return sum ? 2 : 1;
  }

  /** The summary of {@code role} ({@code sender}/{@code receiver}): the SUM row if any, else the stream's. */
  public Optional<IperfInterval> summary(String role) {
    Optional<IperfInterval> sum = summaries().stream()
        .filter(s -> s.role().equals(Optional.of(role)) && s.stream().equals("SUM")).findFirst();
    return sum.isPresent() ? sum : summaries().stream().filter(s -> s.role().equals(Optional.of(role))).findFirst();
  }

  /** The number of parallel streams the SUM rows stand for, if known from stream lines. */
  public OptionalInt declaredStreams() {
    return streams().isEmpty() ? OptionalInt.empty() : OptionalInt.of(streams().size());
  }

  /** A builder. */
  public static ImmutableIperfResult.Builder builder() {
    return ImmutableIperfResult.builder();
  }
}
