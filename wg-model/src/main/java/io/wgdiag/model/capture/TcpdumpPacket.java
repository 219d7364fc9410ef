package io.wgdiag.model.capture;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One packet line of {@code tcpdump -n}: {@code 01:12:01.123456 IP 198.51.100.10.51820 > 203.0.113.44.51820: UDP, length 148}. */
@Value.Immutable
public abstract class TcpdumpPacket {

  /** The timestamp as printed ({@code 01:12:01.123456}). */
  public abstract String time();

  /** The interface, with {@code -i any} ({@code eth0 Out IP ...}). */
  public abstract Optional<String> iface();

  /** The direction with {@code -i any}: {@code In}, {@code Out}, {@code M}, {@code B}, {@code P}. */
  public abstract Optional<String> direction();

  /** The network protocol word: {@code IP}, {@code IP6}, {@code ARP,}... as printed. */
  public abstract String protocol();

  /** The source address (without the port). */
  public abstract Optional<String> source();

  /** The source port, for UDP and TCP. */
  public abstract OptionalInt sourcePort();

  /** The destination address (without the port). */
  public abstract Optional<String> destination();

  /** The destination port, for UDP and TCP. */
  public abstract OptionalInt destinationPort();

  /** {@code UDP}, {@code TCP}, {@code ICMP}, {@code ICMP6} or {@code OTHER}. */
  public abstract String transport();

  /** The length tcpdump prints last ({@code length 148}): the payload for UDP/TCP, in bytes. */
  public abstract OptionalInt lengthBytes();

  /** Everything after {@code src > dst: }, as printed. */
  public abstract String detail();

  /** Whether this is an ICMP "need to frag" / ICMPv6 "packet too big" message. */
  public boolean isFragNeeded() {
    return detail().contains("need to frag") || detail().contains("packet too big");
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableTcpdumpPacket.Builder builder() {
    return ImmutableTcpdumpPacket.builder();
  }
}
