package io.wgdiag.model.link;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One SR-IOV virtual function of a physical link, as {@code ip link} prints it under the link
 * ({@code print_vfinfo}), with its counters under {@code -s}:
 *
 * <pre>{@code
 *     vf 0     link/ether 6e:cc:c3:fe:ad:7f brd ff:ff:ff:ff:ff:ff, spoof checking on, link-state auto, trust off
 *     RX: bytes  packets  mcast   bcast   dropped
 *     14069717   192865   0       192865  192865
 *     TX: bytes  packets   dropped
 *     0          0        0
 *     vf 1 MAC 52:54:00:12:34:56, vlan 100, qos 0, spoof checking on, link-state auto
 * }</pre>
 */
@Value.Immutable
public abstract class VirtualFunction {

  /** The VF number ({@code vf N}). */
  public abstract int number();

  /** The VF's MAC address ({@code MAC ...} in older iproute2, {@code link/ether ...} in newer). */
  public abstract Optional<String> address();

  /** The VLAN id the VF is placed in ({@code vlan N}); absent when none. */
  public abstract OptionalInt vlan();

  /** The VLAN priority ({@code qos N}). */
  public abstract OptionalInt qos();

  /** The VLAN protocol ({@code vlan protocol 802.1ad}). */
  public abstract Optional<String> vlanProtocol();

  /** The transmit rate limit in Mbit/s ({@code tx rate N (Mbps)}, older form of the maximum). */
  public abstract OptionalLong txRateMbps();

  /** The maximum transmit rate in Mbit/s ({@code max_tx_rate NMbps}); 0 means unlimited. */
  public abstract OptionalLong maxTxRateMbps();

  /** The minimum (guaranteed) transmit rate in Mbit/s ({@code min_tx_rate NMbps}). */
  public abstract OptionalLong minTxRateMbps();

  /** Whether MAC spoof checking is on ({@code spoof checking on|off}). */
  public abstract Optional<Boolean> spoofChecking();

  /** The link-state policy: {@code auto}, {@code enable} or {@code disable}. */
  public abstract Optional<String> linkState();

  /** Whether the VF is trusted ({@code trust on|off}). */
  public abstract Optional<Boolean> trust();

  /** Whether the VF may query the RSS configuration ({@code query_rss on|off}). */
  public abstract Optional<Boolean> queryRss();

  /** Settings this version does not map, as printed between the commas ({@code node_guid ...}). */
  public abstract ImmutableList<String> otherSettings();

  /** The bytes the VF received ({@code -s}), in bytes. */
  public abstract OptionalLong rxBytes();

  /** The packets the VF received ({@code -s}), in packets. */
  public abstract OptionalLong rxPackets();

  /** The multicast packets the VF received ({@code mcast}), in packets. */
  public abstract OptionalLong rxMulticast();

  /** The broadcast packets the VF received ({@code bcast}), in packets. */
  public abstract OptionalLong rxBroadcast();

  /** The packets dropped on receive ({@code dropped}, iproute2 5.x+), in packets. */
  public abstract OptionalLong rxDropped();

  /** The bytes the VF sent, in bytes. */
  public abstract OptionalLong txBytes();

  /** The packets the VF sent, in packets. */
  public abstract OptionalLong txPackets();

  /** The packets dropped on transmit ({@code dropped}, iproute2 5.x+), in packets. */
  public abstract OptionalLong txDropped();

  /** A builder. */
  public static ImmutableVirtualFunction.Builder builder() {
    return ImmutableVirtualFunction.builder();
  }
}
