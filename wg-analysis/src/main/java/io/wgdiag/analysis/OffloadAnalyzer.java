package io.wgdiag.analysis;

import io.wgdiag.model.nic.EthtoolFeatures;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nic.offload-suspect}: offloads (GRO/GSO/TSO) are on for the underlay and the evidence shows
 * CPU pressure or unexplained loss. Info only: it names the controlled experiment (disable GRO,
 * measure, revert), never a fix.
 */
final class OffloadAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "offload";
  }

  @Override
  public Set<String> codes() {
    return Set.of(Codes.NIC_OFFLOAD_SUSPECT);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (HostSnapshot host : ctx.hosts()) {
      Optional<Fact<EthtoolFeatures>> f = host.facts(EthtoolFeatures.class).stream()
          .filter(x -> !x.value().features().isEmpty()).reduce((a, b) -> b);
      if (f.isEmpty()) {
        continue;
      }
      EthtoolFeatures e = f.get().value();
      boolean on = e.isEnabled("gro").orElse(false) || e.isEnabled("gso").orElse(false) || e.isEnabled("tso").orElse(false);
      boolean symptoms = ctx.findingsOnHost(host.host(), Codes.CPU_PINNED, Codes.SOFTNET_SQUEEZE, Codes.PATH_LOSS,
          Codes.TCP_RETRANSMITS, Codes.NIC_RX_DROPS);
      if (!on || !symptoms) {
        continue;
      }
      String dev = e.device().or(() -> f.get().capture().qualifier()).orElse("<underlay dev>");
      ctx.report(Finding.builder()
          .code(Codes.NIC_OFFLOAD_SUSPECT)
          .severity(Severity.INFO)
          .confidence(0.4)
          .category(Category.OTHER)
          .host(host.host())
          .title("Offloads are on for " + dev + " (GRO " + onOff(e.isEnabled("gro")) + ", GSO " + onOff(e.isEnabled("gso"))
              + ", TSO " + onOff(e.isEnabled("tso")) + ") while the host shows CPU pressure or loss")
          .explanation("Offloads are usually good, but occasionally disastrous with certain virtual NICs or drivers, "
              + "especially after a kernel or driver update.")
          .decision("Test disabling GRO on the underlay as a controlled experiment: measure before and after, and revert if "
              + "it does not help. WireGuard's own interface does not support these toggles.")
          .addEvidence(Evidence.of(f.get().source(), "generic-receive-offload " + onOff(e.isEnabled("gro"))
              + ", generic-segmentation-offload " + onOff(e.isEnabled("gso")) + ", tcp-segmentation-offload " + onOff(e.isEnabled("tso"))))
          .addActions(Action.builder()
              .description("Controlled experiment: GRO off on the underlay, measure, revert")
              .addApply("ethtool -K " + dev + " gro off")
              .addVerify("iperf3 -c " + ctx.peerAddressFor(host.host()) + " -t 15", "mpstat -P ALL 1 5")
              .addRollback("ethtool -K " + dev + " gro on")
              .build())
          .build());
    }
  }

  private static String onOff(Optional<Boolean> b) {
    return b.map(x -> x ? "on" : "off").orElse("?");
  }
}
