package io.wgdiag.model.capture;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** {@code tcpdump -n} output: the packets and the capture summary. */
@Value.Immutable
public abstract class TcpdumpCapture {

  /** The interface from {@code listening on IF, ...}. */
  public abstract Optional<String> listeningOn();

  /** The packets, in printed order. */
  public abstract ImmutableList<TcpdumpPacket> packets();

  /** {@code N packets captured}. */
  public abstract OptionalLong captured();

  /** {@code N packets received by filter}. */
  public abstract OptionalLong receivedByFilter();

  /** {@code N packets dropped by kernel}. */
  public abstract OptionalLong droppedByKernel();

  /** Packets whose source or destination port is {@code port}, sent by {@code source} (any if empty). */
  public long udpTo(int port, Optional<String> source) {
    return packets().stream()
        .filter(p -> p.transport().equals("UDP") && p.destinationPort().orElse(-1) == port)
        .filter(p -> source.isEmpty() || p.source().equals(source))
        .count();
  }

  /** A builder. */
  public static ImmutableTcpdumpCapture.Builder builder() {
    return ImmutableTcpdumpCapture.builder();
  }
}
