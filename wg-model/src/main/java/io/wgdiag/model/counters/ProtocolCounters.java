package io.wgdiag.model.counters;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableLongArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * The protocols in printed order ({@code Ip}, {@code Icmp}, {@code IcmpMsg}, {@code Tcp},
   * {@code Udp}, {@code UdpLite}, {@code TcpExt}, {@code IpExt}, ...); see {@link #sections()}.
   */
  @Value.Parameter
  abstract ImmutableList<String> protocols();

  /** Per protocol, its counter names in printed order. */
  @Value.Parameter
  abstract ImmutableList<ImmutableList<String>> names();

  /** Per protocol, its counter values (counts), one per name. */
  @Value.Parameter
  abstract ImmutableList<ImmutableLongArray> values();

  @Value.Check
  protected void check() {
    if (names().size() != protocols().size() || values().size() != protocols().size()) {
      throw new IllegalStateException(protocols().size() + " protocols but " + names().size() + " name lists and "
          + values().size() + " value arrays");
    }
    for (int p = 0; p < protocols().size(); p++) {
      if (names().get(p).size() != values().get(p).length()) {
        throw new IllegalStateException(protocols().get(p) + ": " + names().get(p).size() + " counter names but "
            + values().get(p).length() + " values");
      }
    }
  }

  /**
   * Counters by protocol ({@code Ip}, {@code Icmp}, {@code IcmpMsg}, {@code Tcp}, {@code Udp},
   * {@code UdpLite}, {@code TcpExt}, {@code IpExt}, ...), then by name, in printed order (counts).
   *
   * <p>Held as columns (names, and values as primitive longs) and made into maps on first use:
   * a parse costs an array per protocol, not a map entry and a boxed count per counter.
   */
  @Value.Lazy
  public ImmutableMap<String, ImmutableMap<String, Long>> sections() {
    ImmutableMap.Builder<String, ImmutableMap<String, Long>> b = ImmutableMap.builderWithExpectedSize(protocols().size());
    for (int p = 0; p < protocols().size(); p++) {
      ImmutableList<String> n = names().get(p);
      ImmutableLongArray v = values().get(p);
      ImmutableMap.Builder<String, Long> m = ImmutableMap.builderWithExpectedSize(n.size());
      for (int i = 0; i < n.size(); i++) {
        m.put(n.get(i), v.get(i));
      }
      b.put(protocols().get(p), m.buildOrThrow());
    }
    return b.buildOrThrow();
  }

  /** The counter {@code name} of {@code protocol}, if printed. */
  public OptionalLong get(String protocol, String name) {
    int p = protocols().indexOf(protocol);
    int i = p < 0 ? -1 : names().get(p).indexOf(name);
    return i < 0 ? OptionalLong.empty() : OptionalLong.of(values().get(p).get(i));
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

  /**
   * Counters from their columns: per protocol (each named once), its counter names (each once) and
   * their values in step. Lists that are already immutable are kept, not copied.
   */
  public static ProtocolCounters of(
      List<String> protocols, List<ImmutableList<String>> names, List<ImmutableLongArray> values) {
    return ImmutableProtocolCounters.of(
        (Iterable<String>) protocols, (Iterable<? extends ImmutableList<String>>) names, (Iterable<? extends ImmutableLongArray>) values);
  }

  /** Counters from maps: protocol, then counter name, to its value (count), in the maps' order. */
  public static ProtocolCounters of(Map<String, ? extends Map<String, Long>> sections) {
    List<ImmutableList<String>> names = new ArrayList<>(sections.size());
    List<ImmutableLongArray> values = new ArrayList<>(sections.size());
    sections.values().forEach(m -> {
      names.add(ImmutableList.copyOf(m.keySet()));
      values.add(ImmutableLongArray.copyOf(m.values()));
    });
    return of(ImmutableList.copyOf(sections.keySet()), names, values);
  }
}
