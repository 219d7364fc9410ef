package io.wgdiag.model.wireguard;

import org.immutables.value.Value;

/**
 * A peer's endpoint: {@code 203.0.113.44:51820} or {@code [2001:db8::1]:51820}.
 */
@Value.Immutable
public abstract class Endpoint {

  /** The host address, without brackets: {@code 203.0.113.44}, {@code 2001:db8::1}, {@code fe80::1%eth0}. */
  @Value.Parameter
  public abstract String host();

  /** The UDP port. */
  @Value.Parameter
  public abstract int port();

  /** Whether the endpoint is an IPv6 address: the underlay overhead is then 80 bytes, not 60. */
  @Value.Derived
  public boolean isIpv6() {
    return host().indexOf(':') >= 0;
  }

  /** Whether the address is in a private (RFC 1918, CGNAT 100.64/10, ULA fc00::/7) or link-local range, suggesting NAT. */
  public boolean isPrivate() {
    String h = host();
    int zone = h.indexOf('%');
    java.util.Optional<IpPrefix> address = IpPrefix.parse(zone < 0 ? h : h.substring(0, zone));
    if (address.isEmpty()) {
      return false;
    }
    for (IpPrefix p : PRIVATE) {
      if (p.contains(address.get())) {
        return true;
      }
    }
    return false;
  }

  /** RFC 1918, shared address space (RFC 6598), link-local, unique local and IPv6 link-local. */
  private static final java.util.List<IpPrefix> PRIVATE = java.util.stream.Stream.of(
      "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "fc00::/7", "fe80::/10")
      .map(p -> IpPrefix.parse(p).orElseThrow()).toList();

  @Override
  public String toString() {
    return (isIpv6() ? "[" + host() + "]" : host()) + ":" + port();
  }
}
