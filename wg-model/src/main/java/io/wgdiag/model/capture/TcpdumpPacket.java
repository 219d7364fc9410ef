package io.wgdiag.model.capture;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One packet line of {@code tcpdump -n}: {@code 01:12:01.123456 IP 198.51.100.10.51820 > 203.0.113.44.51820: UDP, length 148}. */
@Value.Immutable
public abstract class TcpdumpPacket {

  /** The timestamp as printed ({@code 01:12:01.123456}); empty when tcpdump ran with {@code -t}. */
  public abstract String time();

  /** The interface, with {@code -i any} ({@code eth0 Out IP ...}). */
  public abstract Optional<String> iface();

  /** The direction with {@code -i any}: {@code In}, {@code Out}, {@code M}, {@code B}, {@code P}. */
  public abstract Optional<String> direction();

  /**
   * {@code -e}: the link-level header as printed before the packet ({@code 00:00:01:01:02:0b >
   * 00:00:01:01:02:04, ethertype 802.1Q (0x8100), length 102: vlan 20, p 0, ethertype IPv4}).
   */
  public abstract Optional<String> linkHeader();

  /** {@code -e}: the VLAN id of the outer 802.1Q tag ({@code vlan 20, p 0, ...}). */
  public abstract OptionalInt vlan();

  /**
   * The network protocol word: {@code IP}, {@code IP6}, {@code ARP,}... as printed; with {@code -e},
   * {@code IP} for ethertype IPv4, {@code IP6} for IPv6, else the ethertype as printed.
   */
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

  /** {@code -v}: the IP header's type of service as printed ({@code 0x0}, {@code 0xb8}). */
  public abstract Optional<String> tos();

  /** {@code -v}: the ECN codepoint after the tos ({@code ECT(0)}, {@code ECT(1)}, {@code CE}); empty for Not-ECT. */
  public abstract Optional<String> ecn();

  /** {@code -v}: the IPv4 TTL or the IPv6 hop limit. */
  public abstract OptionalInt ttl();

  /** {@code -v}: the IPv4 identification. */
  public abstract OptionalInt ipId();

  /** {@code -v}: the fragment offset in bytes. */
  public abstract OptionalInt fragmentOffsetBytes();

  /** {@code -v}: the IPv4 flags as printed inside {@code flags [...]}: {@code DF}, {@code +} (more fragments), {@code none}. */
  public abstract Optional<String> ipFlags();

  /** {@code -v}: the protocol name of the IP header ({@code UDP}, {@code TCP}, {@code ICMP}). */
  public abstract Optional<String> ipProtocol();

  /** {@code -v}: the IP total length in bytes (IPv6: the payload length). */
  public abstract OptionalInt ipLengthBytes();

  /** Indented lines printed under the packet: the packet an ICMP error quotes, {@code -vv} decodes. */
  public abstract com.google.common.collect.ImmutableList<String> quoted();

  /** Whether the IPv4 header has Don't Fragment set ({@code flags [DF]}, {@code -v}). */
  public boolean dontFragment() {
    return ipFlags().map(f -> f.contains("DF")).orElse(false);
  }

  /** The MTU an ICMP "need to frag (mtu N)" message announces, in bytes; empty for other packets. */
  public OptionalInt fragNeededMtu() {
    int at = detail().indexOf("need to frag (mtu ");
    if (at < 0) {
      return OptionalInt.empty();
    }
    int s = at + "need to frag (mtu ".length();
    int e = s;
    while (e < detail().length() && Character.isDigit(detail().charAt(e)) && e - s < 9) {
      e++;
    }
    return e > s ? OptionalInt.of(Integer.parseInt(detail(), s, e, 10)) : OptionalInt.empty();
  }

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
