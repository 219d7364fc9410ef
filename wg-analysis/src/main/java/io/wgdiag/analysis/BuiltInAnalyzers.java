package io.wgdiag.analysis;

import java.util.List;

/** The analyzers wgdiag ships, in playbook order. */
final class BuiltInAnalyzers {
  private BuiltInAnalyzers() {}

  static List<Analyzer> all() {
    return List.of(
        new RoutingAnalyzer(),
        new MtuAnalyzer(),
        new CpuAnalyzer(),
        new PeerAnalyzer(),
        new ConnectivityAnalyzer(),
        new NicRxDropsAnalyzer(),
        new LossAnalyzer(),
        new OffloadAnalyzer());
  }
}
