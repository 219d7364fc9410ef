/**
 * Pure parsers for Linux networking tool output. Start at {@link io.wgdiag.parsers.ParserRegistry}
 * and {@link io.wgdiag.parsers.transcript.TranscriptParser}.
 */
module io.wgdiag.parsers {
  requires transitive io.wgdiag.model;
  requires com.fasterxml.jackson.core;
  requires static org.immutables.value;
  requires static com.google.errorprone.annotations;
  requires static java.compiler;

  exports io.wgdiag.parsers;
  exports io.wgdiag.parsers.text;
  exports io.wgdiag.parsers.transcript;
  exports io.wgdiag.parsers.wireguard;
  exports io.wgdiag.parsers.route;
  exports io.wgdiag.parsers.link;
  exports io.wgdiag.parsers.sysctl;
  exports io.wgdiag.parsers.ping;
  exports io.wgdiag.parsers.tcp;
  exports io.wgdiag.parsers.iperf;
  exports io.wgdiag.parsers.cpu;
  exports io.wgdiag.parsers.counters;
  exports io.wgdiag.parsers.qdisc;
  exports io.wgdiag.parsers.netfilter;
  exports io.wgdiag.parsers.nic;
  exports io.wgdiag.parsers.capture;
}
