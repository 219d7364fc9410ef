package io.wgdiag.analysis;

import io.wgdiag.model.link.Link;

/** What the analyzers know about the tunnel: which interfaces are tunnels, which is the underlay. */
final class Tunnel {
  private Tunnel() {}

  /** Loopback, WireGuard ({@code link/none}, kind wireguard or tun) and other virtual tunnels. */
  static boolean isTunnelOrLoopback(Link link) {
    String type = link.linkType().orElse("");
    String kind = link.kind().orElse("");
    return type.equals("loopback") || type.equals("none") || kind.equals("wireguard") || kind.equals("tun")
        || link.name().equals("lo") || link.flags().contains("LOOPBACK") || link.flags().contains("POINTOPOINT");
  }
}
