package io.wgdiag.model.link;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The links {@code ip link show} lists, with or without {@code -s}/{@code -s -s} counters and
 * {@code -d} details, from the text or the JSON ({@code ip -j}) form:
 *
 * <pre>{@code
 * 7: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1420 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
 *     link/none
 * 2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000
 *     link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
 *     RX:  bytes packets errors dropped  missed   mcast
 *     9012345678 8123456      0    1452       0  120345
 * }</pre>
 */
@Value.Immutable
public abstract class Links {

  /** The links in the order printed. */
  public abstract ImmutableList<Link> links();

  /** The first link named {@code name} (without any {@code @peer} suffix). */
  public Optional<Link> link(String name) {
    return links().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** A builder. */
  public static ImmutableLinks.Builder builder() {
    return ImmutableLinks.builder();
  }
}
