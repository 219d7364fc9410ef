/** Immutable models of tool output: WireGuard, routes, links, queues, TCP, CPU and probes. */
module io.wgdiag.model {
  requires transitive com.google.common;
  requires static transitive org.jspecify;
  requires static org.immutables.value;
  requires static com.google.errorprone.annotations;
  requires static java.compiler;

  exports io.wgdiag.model;
  exports io.wgdiag.model.wireguard;
  exports io.wgdiag.model.route;
  exports io.wgdiag.model.link;
  exports io.wgdiag.model.sysctl;
  exports io.wgdiag.model.ping;
  exports io.wgdiag.model.tcp;
  exports io.wgdiag.model.iperf;
  exports io.wgdiag.model.cpu;
  exports io.wgdiag.model.counters;
  exports io.wgdiag.model.qdisc;
  exports io.wgdiag.model.netfilter;
  exports io.wgdiag.model.nic;
  exports io.wgdiag.model.capture;
}
