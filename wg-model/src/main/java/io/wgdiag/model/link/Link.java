package io.wgdiag.model.link;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One link of {@code ip link show}: its header line, its {@code link/TYPE} line, and with {@code
 * -d} its details and with {@code -s} its counters.
 *
 * <pre>{@code
 * 8: vlk0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
 *     link/ether da:49:86:e6:78:0b brd ff:ff:ff:ff:ff:ff link-netns wgd-lk-b promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535
 *     veth addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536
 * }</pre>
 *
 * <p>The JSON form ({@code ip -j}) yields an equal link: what the two forms print differently
 * (the kind's own parameters, the name or id of the peer's namespace, XDP, unknown detail tokens)
 * is kept in auxiliary attributes, excluded from {@code equals}.
 */
@Value.Immutable
public abstract class Link {

  /** The interface index ({@code ifindex}), the number before the first colon. */
  public abstract int index();

  /** The interface name, without the {@code @peer} suffix. */
  public abstract String name();

  /**
   * What follows {@code @} in the header: the name of the link this one stacks on or pairs with
   * ({@code vla}), {@code ifN} when that link is in another namespace ({@code vlk0@if7}), or
   * {@code NONE} when the kernel names index 0 (a veth whose peer was moved and deleted, sit0).
   */
  public abstract Optional<String> parent();

  /** The parent's interface index when it is printed as {@code ifN}. */
  public OptionalInt parentIndex() {
    Optional<String> p = parent();
    if (p.isEmpty() || !p.get().startsWith("if") || p.get().length() < 3) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(p.get().substring(2)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** The interface flags in the printed order, e.g. {@code [POINTOPOINT, NOARP, UP, LOWER_UP]}. */
  public abstract ImmutableList<String> flags();

  /** Whether the administrative {@code UP} flag is set. */
  public boolean isUp() {
    return flags().contains("UP");
  }

  /** Whether the carrier ({@code LOWER_UP}) is up. */
  public boolean isLowerUp() {
    return flags().contains("LOWER_UP");
  }

  /** Whether {@code NO-CARRIER} is set (administratively up, but no carrier). */
  public boolean isNoCarrier() {
    return flags().contains("NO-CARRIER");
  }

  /** The MTU in bytes (the IP packet size the link accepts; 1420 is WireGuard's default). */
  public abstract int mtuBytes();

  /** The attached XDP program as printed ({@code xdpgeneric/id:12}); text form only. */
  @Value.Auxiliary
  public abstract Optional<String> xdp();

  /** The root queueing discipline ({@code noqueue}, {@code fq_codel}, {@code pfifo_fast}). */
  public abstract Optional<String> qdisc();

  /** The bridge or bond this link is enslaved to. */
  public abstract Optional<String> master();

  /** The operational state as printed ({@code UP}, {@code UNKNOWN}, ...). */
  public abstract String operState();

  /** The operational state; {@link LinkState#OTHER} for a state this version does not know. */
  public LinkState state() {
    return LinkState.of(operState());
  }

  /** The link mode ({@code DEFAULT}, {@code DORMANT}). */
  public abstract Optional<String> linkMode();

  /** The interface group ({@code default}). */
  public abstract Optional<String> group();

  /** The transmit queue length in packets ({@code qlen}). */
  public abstract OptionalLong txQueueLengthPackets();

  /** The hardware type after {@code link/}: {@code ether}, {@code loopback}, {@code none} (WireGuard). */
  public abstract Optional<String> linkType();

  /** The link-layer address ({@code 52:54:00:12:34:56}). */
  public abstract Optional<String> address();

  /** The broadcast address printed after {@code brd}. */
  public abstract Optional<String> broadcast();

  /** The peer address printed after {@code peer} on point-to-point links. */
  public abstract Optional<String> peerAddress();

  /** The permanent hardware address ({@code permaddr}), printed when it differs. */
  public abstract Optional<String> permanentAddress();

  /**
   * Whether the parent lives in another network namespace ({@code link-netns NS} or {@code
   * link-netnsid N}), as the host end of a veth pair into a container does.
   */
  @Value.Default
  public boolean parentInOtherNamespace() {
    return linkNetnsId().isPresent() || linkNetnsName().isPresent();
  }

  /** The namespace id of {@code link-netnsid N} (text) or {@code link_netnsid} (JSON). */
  @Value.Auxiliary
  public abstract OptionalInt linkNetnsId();

  /** The namespace name of {@code link-netns NS}; the text form prints it instead of the id. */
  @Value.Auxiliary
  public abstract Optional<String> linkNetnsName();

  /** Whether {@code protodown on} is printed. */
  @Value.Default
  public boolean protoDown() {
    return false;
  }

  /** {@code -d}: the promiscuity count. */
  public abstract OptionalInt promiscuity();

  /** {@code -d}: the allmulti count. */
  public abstract OptionalInt allmulti();

  /** {@code -d}: the smallest MTU in bytes the driver accepts ({@code minmtu}). */
  public abstract OptionalInt minMtuBytes();

  /** {@code -d}: the largest MTU in bytes the driver accepts ({@code maxmtu}). */
  public abstract OptionalInt maxMtuBytes();

  /**
   * {@code -d}: the link kind: {@code wireguard}, {@code veth}, {@code bridge}, {@code vxlan},
   * {@code tun} (wireguard-go); absent for physical devices and loopback.
   */
  public abstract Optional<String> kind();

  /** {@code -d}: the kind's parameters as printed ({@code id 1 remote ...}); auxiliary. */
  @Value.Auxiliary
  public abstract ImmutableList<String> kindDetails();

  /** {@code -d}: the kind of the master's port ({@code bridge} for {@code bridge_slave}). */
  public abstract Optional<String> slaveKind();

  /** {@code -d}: the port's parameters as printed ({@code state forwarding priority 32 ...}); auxiliary. */
  @Value.Auxiliary
  public abstract ImmutableList<String> slaveKindDetails();

  /** {@code -d}: the IPv6 address generation mode ({@code eui64}, {@code random}, {@code none}). */
  public abstract Optional<String> addrGenMode();

  /** {@code -d}: the number of transmit queues. */
  public abstract OptionalInt txQueues();

  /** {@code -d}: the number of receive queues. */
  public abstract OptionalInt rxQueues();

  /** {@code -d}: the largest GSO super-packet in bytes ({@code gso_max_size}). */
  public abstract OptionalLong gsoMaxSizeBytes();

  /** {@code -d}: the largest GSO super-packet in segments ({@code gso_max_segs}). */
  public abstract OptionalLong gsoMaxSegments();

  /** {@code -d}: the largest TSO super-packet in bytes ({@code tso_max_size}). */
  public abstract OptionalLong tsoMaxSizeBytes();

  /** {@code -d}: the largest TSO super-packet in segments ({@code tso_max_segs}). */
  public abstract OptionalLong tsoMaxSegments();

  /** {@code -d}: the largest GRO packet in bytes ({@code gro_max_size}). */
  public abstract OptionalLong groMaxSizeBytes();

  /** {@code -d}: the bus of the parent device ({@code virtio}, {@code pci}). */
  public abstract Optional<String> parentBus();

  /** {@code -d}: the parent device ({@code virtio2}, {@code 0000:00:03.0}). */
  public abstract Optional<String> parentDevice();

  /** Alternative names ({@code altname enp0s3}). */
  public abstract ImmutableList<String> altNames();

  /** The interface alias ({@code alias ...}). */
  public abstract Optional<String> alias();

  /**
   * Detail tokens this version does not map to an attribute, as printed (text) or as {@code key
   * value} (JSON); kept, never fatal. Auxiliary: the two forms name them differently.
   */
  @Value.Auxiliary
  public abstract ImmutableList<String> otherDetails();

  /** The SR-IOV virtual functions printed under a physical function ({@code vf N ...}), text form. */
  public abstract ImmutableList<VirtualFunction> virtualFunctions();

  /** The counters, present with {@code -s}. */
  public abstract Optional<LinkStats> stats();

  /** The 1-based line of the header in the parsed text (0 if unknown). */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  @Value.Check
  void check() {
    if (mtuBytes() < 0 || index() < 0) {
      throw new IllegalStateException("negative MTU or index in link " + name());
    }
  }

  /** A builder. */
  public static ImmutableLink.Builder builder() {
    return ImmutableLink.builder();
  }
}
