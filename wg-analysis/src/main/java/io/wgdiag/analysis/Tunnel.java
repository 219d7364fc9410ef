package io.wgdiag.analysis;

import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.wireguard.Endpoint;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the evidence of one host says about its tunnel: the interface, its peers and MTU, the
 * underlay device and its MTU, the overhead. Inferred from whatever was captured; each part may be
 * unknown.
 */
final class Tunnel {
  final HostSnapshot host;
  final Case kase;
  final String iface;
  final boolean ifaceKnown;
  final Optional<Fact<WgShow>> wg;
  final Optional<WgInterface> wgInterface;
  final Optional<Fact<Links>> links;
  final Optional<Link> tunnelLink;
  final Optional<String> underlayDevice;
  final Optional<Link> underlayLink;

  private Tunnel(HostSnapshot host, Case kase) {
    this.host = host;
    this.kase = kase;
    this.wg = host.latest(WgShow.class);
    this.links = host.latest(Links.class, Phase.UNNAMED, Phase.BEFORE, Phase.AFTER, Phase.DURING, Phase.PROBE);
    // bundle.properties describes the local end; the remote end's names are inferred
    String name = host.host() == Host.LOCAL ? kase.tunnelInterface().orElse(null) : null;
    if (name == null && wg.isPresent()) {
      for (WgInterface i : wg.get().value().interfaces()) {
        if (!i.name().isEmpty()) {
          name = i.name();
          break;
        }
      }
    }
    if (name == null && links.isPresent()) {
      for (Link l : links.get().value().links()) {
        if ("none".equals(l.linkType().orElse("")) && l.flags().contains("POINTOPOINT")) {
          name = l.name();
          break;
        }
      }
    }
    this.ifaceKnown = name != null;
    this.iface = name == null ? "wg0" : name;
    String n = this.iface;
    this.wgInterface = wg.flatMap(w -> w.value().iface(n));
    this.tunnelLink = allLinks().stream().filter(l -> l.name().equals(n)).findFirst();
    this.underlayDevice = findUnderlayDevice();
    this.underlayLink = underlayDevice.flatMap(d -> allLinks().stream().filter(l -> l.name().equals(d)).findFirst());
  }

  static Tunnel of(HostSnapshot host, Case kase) {
    return new Tunnel(host, kase);
  }

  List<Link> allLinks() {
    List<Link> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Fact<Links> f : host.facts(Links.class)) {
      for (Link l : f.value().links()) {
        if (seen.add(l.name())) {
          out.add(l);
        }
      }
    }
    return out;
  }

  /** The fact holding the tunnel link, for evidence. */
  Optional<Fact<Links>> tunnelLinkFact() {
    for (Fact<Links> f : host.facts(Links.class)) {
      if (f.value().link(iface).isPresent()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  Optional<Fact<Links>> linkFact(String name) {
    for (Fact<Links> f : host.facts(Links.class)) {
      if (f.value().link(name).isPresent()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  List<WgPeer> peers() {
    return wgInterface.map(i -> (List<WgPeer>) i.peers()).orElse(List.of());
  }

  /** Endpoint hosts of the peers. */
  Set<String> endpointHosts() {
    Set<String> hosts = endpointHosts;
    if (hosts == null) {
      Set<String> out = new LinkedHashSet<>();
      for (WgPeer p : peers()) {
        p.endpoint().ifPresent(e -> out.add(e.host()));
      }
      hosts = java.util.Collections.unmodifiableSet(out);
      endpointHosts = hosts;
    }
    return hosts;
  }

  /** {@link #endpointHosts}, made on first use: a gateway's tunnel has 10^5 peers. */
  private @Nullable Set<String> endpointHosts;

  /** WireGuard's overhead: 80 bytes when a peer endpoint is IPv6, else 60. */
  int overheadBytes() {
    boolean v6 = peers().stream().anyMatch(p -> p.endpoint().map(Endpoint::isIpv6).orElse(false));
    return v6 ? AnalysisConfig.WG_OVERHEAD_IPV6_BYTES : AnalysisConfig.WG_OVERHEAD_IPV4_BYTES;
  }

  OptionalInt tunnelMtu() {
    return tunnelLink.map(l -> OptionalInt.of(l.mtuBytes())).orElse(OptionalInt.empty());
  }

  /** The peer's tunnel address as given (local end only). */
  Optional<String> givenPeerAddress() {
    return host.host() == Host.LOCAL ? kase.peerTunnelAddress() : Optional.empty();
  }

  /** Whether {@code address} is the peer's tunnel address or inside a peer's AllowedIPs. */
  boolean isTunnelDestination(String address) {
    if (givenPeerAddress().map(address::equals).orElse(false)) {
      return true;
    }
    for (WgPeer p : peers()) {
      for (IpPrefix a : p.allowedIps()) {
        if (a.length() > 0 && a.contains(address)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The device of the route to a peer endpoint, else of the default route, else the busiest physical link. */
  private Optional<String> findUnderlayDevice() {
    Set<String> endpoints = endpointHosts();
    for (Fact<RouteLookups> f : host.facts(RouteLookups.class)) {
      for (RouteLookup l : f.value().lookups()) {
        if (endpoints.contains(l.destination()) && l.device().isPresent()) {
          return l.device();
        }
      }
    }
    for (Fact<RouteTable> f : host.facts(RouteTable.class)) {
      for (Route r : f.value().defaults()) {
        if (r.device().isPresent() && !r.device().get().equals(iface)) {
          return r.device();
        }
      }
    }
    Link best = null;
    for (Link l : allLinks()) {
      if (!isTunnelOrLoopback(l) && l.isUp() && "ether".equals(l.linkType().orElse(""))
          && (best == null || l.stats().map(s -> s.rxBytes()).orElse(0L) > best.stats().map(s -> s.rxBytes()).orElse(0L))) {
        best = l;
      }
    }
    return Optional.ofNullable(best).map(Link::name);
  }

  /** Whether a ping was a DF (path MTU) probe: {@code -M do} on the command line, or a {@code df-} qualifier. */
  static boolean isDfProbe(Capture c) {
    String cmd = c.command();
    return cmd.contains("-M do") || cmd.contains("-Mdo") || cmd.contains("-M  do") || c.qualifier().map(q -> q.startsWith("df")).orElse(false);
  }

  /** Whether a ping targets the underlay (the peer's endpoint) rather than the tunnel. */
  boolean isUnderlayPing(Fact<PingResult> f) {
    if (f.capture().qualifier().map(q -> q.contains("underlay")).orElse(false)) {
      return true;
    }
    Optional<String> target = f.value().destination();
    if (target.isEmpty()) {
      return false;
    }
    if (endpointHosts().contains(target.get())) {
      return true;
    }
    return !isTunnelDestination(target.get()) && !target.get().startsWith("127.");
  }

  /** Loopback, WireGuard ({@code link/none}, kind wireguard or tun) and other point-to-point tunnels. */
  static boolean isTunnelOrLoopback(Link link) {
    String type = link.linkType().orElse("");
    String kind = link.kind().orElse("");
    return type.equals("loopback") || type.equals("none") || kind.equals("wireguard") || kind.equals("tun")
        || link.name().equals("lo") || link.flags().contains("LOOPBACK") || link.flags().contains("POINTOPOINT");
  }
}
