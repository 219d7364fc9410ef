package io.wgdiag.model.counters;

import com.google.common.collect.ImmutableMap;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The kernel's protocol counters (SNMP MIB and extensions), by protocol and kernel name, whichever
 * tool printed them: {@code netstat -s}, {@code /proc/net/snmp}, {@code /proc/net/netstat}, {@code
 * nstat}. An analyzer asks {@code get("Udp", "SndbufErrors")} without caring which was run.
 *
 * <p>netstat's free-text phrases are mapped to the kernel names ({@code 412 send buffer errors} →
 * {@code Udp SndbufErrors}); a phrase with no known name is kept under its text.
 */
@Value.Immutable
public abstract class ProtocolCounters {

  /** Counters by protocol ({@code Ip}, {@code Icmp}, {@code IcmpMsg}, {@code Tcp}, {@code Udp}, {@code UdpLite}, {@code TcpExt}, {@code IpExt}, ...), then by name. */
  public abstract ImmutableMap<String, ImmutableMap<String, Long>> sections();

  /** The counter {@code name} of {@code protocol}, if printed. */
  public OptionalLong get(String protocol, String name) {
    ImmutableMap<String, Long> s = sections().get(protocol);
    Long v = s == null ? null : s.get(name);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** UDP datagrams received ({@code Udp InDatagrams}). */
  public OptionalLong udpInDatagrams() {
    return get("Udp", "InDatagrams");
  }

  /** UDP datagrams sent ({@code Udp OutDatagrams}). */
  public OptionalLong udpOutDatagrams() {
    return get("Udp", "OutDatagrams");
  }

  /** UDP datagrams dropped because the receive buffer was full ({@code Udp RcvbufErrors}). */
  public OptionalLong udpRcvbufErrors() {
    return get("Udp", "RcvbufErrors");
  }

  /** UDP datagrams dropped because the send buffer was full ({@code Udp SndbufErrors}). */
  public OptionalLong udpSndbufErrors() {
    return get("Udp", "SndbufErrors");
  }

  /** TCP segments sent ({@code Tcp OutSegs}). */
  public OptionalLong tcpOutSegs() {
    return get("Tcp", "OutSegs");
  }

  /** TCP segments retransmitted ({@code Tcp RetransSegs}). */
  public OptionalLong tcpRetransSegs() {
    return get("Tcp", "RetransSegs");
  }

  /** A builder. */
  public static ImmutableProtocolCounters.Builder builder() {
    return ImmutableProtocolCounters.builder();
  }
}
