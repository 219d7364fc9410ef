package io.wgdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.Report;
import io.wgdiag.model.wireguard.WgShow;
import org.junit.jupiter.api.Test;

/** The analysis benchmark measures a full case, and the same diagnosis at both sizes. */
class AnalysisBenchmarkTest {

  @Test
  void bothSizesAreFullCasesWithTheSameTopFinding() throws Exception {
    for (String size : new String[] {"real", "1e5-peers"}) {
      Case kase = AnalysisBenchmark.fullCase(size);
      assertThat(kase.remote()).as(size).isPresent();
      for (Phase phase : new Phase[] {Phase.BEFORE, Phase.DURING, Phase.AFTER, Phase.PROBE}) {
        assertThat(kase.local().captures(phase)).as(size + " " + phase).isNotEmpty();
      }
      Report report = Analysis.standard().run(kase);
      assertThat(report.findings()).as(size).isNotEmpty();
      assertThat(report.findings().get(0).code()).as(size).isEqualTo("queue.bufferbloat");
      if (size.equals("1e5-peers")) {
        int peers = kase.host(Host.LOCAL).orElseThrow().facts(WgShow.class).stream()
            .mapToInt(f -> f.value().interfaces().stream().mapToInt(i -> i.peers().size()).sum()).max().orElse(0);
        assertThat(peers).isGreaterThan(100_000); // the recorded peer and 10^5 generated ones, on the tunnel interface
        String tunnel = kase.tunnelInterface().orElseThrow();
        assertThat(kase.host(Host.LOCAL).orElseThrow().facts(WgShow.class).get(0).value().interfaces())
            // "wg show IFACE dump" prints no interface name
            .filteredOn(i -> i.name().equals(tunnel) || i.name().isEmpty()).singleElement()
            .satisfies(i -> assertThat(i.peers().size()).isGreaterThan(100_000));
      }
    }
  }
}
