package io.wgdiag.examples.custom;

import io.wgdiag.analysis.Action;
import io.wgdiag.analysis.AnalysisContext;
import io.wgdiag.analysis.Analyzer;
import io.wgdiag.analysis.Category;
import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Severity;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.Links;
import java.util.Set;

/**
 * A platform team's house rule as an analyzer: tunnel interfaces (WireGuard's {@code link/none})
 * must keep an MTU of at least 1280 bytes, IPv6's minimum, or IPv6 inside the tunnel breaks.
 *
 * <p>Registered through {@code META-INF/services/io.wgdiag.analysis.Analyzer}; {@code
 * Analysis.standard()} then runs it beside the built-in analyzers.
 */
public final class TunnelMtuPolicyAnalyzer implements Analyzer {
  /** The code this analyzer reports. */
  public static final String CODE = "policy.tunnel-mtu-below-ipv6-minimum";

  /** IPv6's minimum link MTU, in bytes (RFC 8200). */
  static final int IPV6_MINIMUM_MTU_BYTES = 1280;

  @Override
  public String id() {
    return "example.tunnel-mtu-policy";
  }

  @Override
  public Set<String> codes() {
    return Set.of(CODE);
  }

  @Override
  public void analyze(AnalysisContext context) {
    for (HostSnapshot host : context.hosts()) {
      for (Fact<Links> fact : host.facts(Links.class)) {
        for (Link link : fact.value().links()) {
          if ("none".equals(link.linkType().orElse("")) && link.mtuBytes() < IPV6_MINIMUM_MTU_BYTES) {
            context.report(Finding.builder()
                .code(CODE)
                .severity(Severity.WARNING)
                .confidence(1.0)
                .category(Category.MTU)
                .host(host.host())
                .title(link.name() + " MTU " + link.mtuBytes() + " is below IPv6's minimum of 1280 bytes")
                .explanation("IPv6 requires every link to carry 1280-byte packets; a smaller tunnel MTU drops them.")
                .decision("Raise the tunnel MTU to at least 1280, and fix the path MTU below it instead.")
                .addEvidence(Evidence.of(fact.sourceOf(link.line()), link.name() + " mtu " + link.mtuBytes() + " bytes"))
                .addActions(Action.builder()
                    .description("Set the tunnel MTU to IPv6's minimum")
                    .addApply("ip link set dev " + link.name() + " mtu 1280")
                    .addVerify("ip link show " + link.name())
                    .addRollback("ip link set dev " + link.name() + " mtu " + link.mtuBytes())
                    .build())
                .build());
          }
        }
      }
    }
  }
}
