package io.wgdiag.analysis;

import com.google.common.collect.ImmutableMap;
import io.wgdiag.analysis.internal.Fmt;
import io.wgdiag.model.qdisc.CakeStats;
import io.wgdiag.model.qdisc.CakeTin;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a qdisc's own statistics say beyond its {@code Sent} line: where its drops happened (fq's
 * {@code flows_plimit}, cake's per-tin drops and ack-filter drops) and cake's per-tin queueing
 * delay. Used by {@link LossAnalyzer} for {@code queue.qdisc-drops} and {@code queue.bufferbloat},
 * and by a loss attribution that sums drop sites.
 */
final class QdiscSignals {
  private QdiscSignals() {}

  /**
   * The packets dropped at each of {@code after}'s drop sites ({@link Qdisc#dropSites()}) since
   * {@code before}, the same qdisc read earlier; without an earlier reading, since the qdisc was set
   * up. Sites with no new drop are left out.
   */
  static ImmutableMap<String, Long> dropSiteDeltas(Optional<Qdisc> before, Qdisc after) {
    Map<String, Long> was = before.map(Qdisc::dropSites).orElse(ImmutableMap.of());
    ImmutableMap.Builder<String, Long> b = ImmutableMap.builder();
    after.dropSites().forEach((site, n) -> {
      long d = n - was.getOrDefault(site, 0L);
      if (d > 0) {
        b.put(site, d);
      }
    });
    return b.build();
  }

  /** {@code "; drop sites: fq.flows_plimit 1743, cake.Best Effort 2103"}, or "" when there are none. */
  static String describeSites(Map<String, Long> sites) {
    if (sites.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    sites.forEach((site, n) -> parts.add(site + " " + n));
    return "; drop sites: " + String.join(", ", parts);
  }

  /**
   * Bufferbloat seen by cake itself: a tin whose average queueing delay ({@code av_delay}) is at or
   * above {@link AnalysisConfig#bufferbloatExtraMillis()} in the host's latest {@code tc -s qdisc}.
   * Reports {@code queue.bufferbloat} (one finding per cake qdisc) and returns whether it did.
   */
  static boolean cakeBufferbloat(AnalysisContext ctx, HostSnapshot host) {
    Optional<Fact<QdiscReport>> q = host.latest(QdiscReport.class);
    if (q.isEmpty()) {
      return false;
    }
    boolean found = false;
    double limitMicros = ctx.config().bufferbloatExtraMillis() * 1000;
    for (Qdisc d : q.get().value().qdiscs()) {
      if (d.cake().isEmpty()) {
        continue;
      }
      CakeStats c = d.cake().get();
      List<CakeTin> slow = c.tins().stream()
          .filter(t -> t.averageDelayMicros().isPresent() && t.averageDelayMicros().getAsLong() >= limitMicros).toList();
      if (slow.isEmpty()) {
        continue;
      }
      found = true;
      String dev = d.device().orElse(q.get().capture().qualifier().orElse("<dev>"));
      CakeTin worst = slow.stream().max((a, b) -> Long.compare(a.averageDelayMicros().getAsLong(),
          b.averageDelayMicros().getAsLong())).orElseThrow();
      ImmutableFinding.Builder f = Finding.builder()
          .code(Codes.QUEUE_BUFFERBLOAT)
          .severity(Severity.WARNING)
          .confidence(0.6)
          .category(Category.LOSS)
          .host(host.host())
          .title("cake on " + dev + " holds packets " + Fmt.ms(worst.averageDelayMicros().getAsLong() / 1000.0)
              + " on average in its " + worst.name() + " tin")
          .explanation("cake measures each tin's queueing delay. An average delay this far above its target means the "
              + "tin's queue stands full: the traffic it carries does not back off, or cake's bandwidth is set above "
              + "what the link delivers, so the real queue builds in the modem or the ISP instead.")
          .decision("Set cake's bandwidth a little below the measured link rate, check which flows fill the tin, and "
              + "measure ping under load again.")
          .addExplains(Codes.TCP_RETRANSMITS, Codes.QUEUE_FIFO, Codes.PATH_LOSS);
      for (CakeTin t : slow) {
        f.addEvidence(Evidence.of(q.get().sourceOf(d.line()), "cake " + d.handle() + " tin " + t.name() + ": av_delay "
            + Fmt.ms(t.averageDelayMicros().getAsLong() / 1000.0)
            + t.peakDelayMicros().stream().mapToObj(p -> ", pk_delay " + Fmt.ms(p / 1000.0)).findFirst().orElse("")
            + t.targetMicros().stream().mapToObj(p -> ", target " + Fmt.ms(p / 1000.0)).findFirst().orElse("")
            + ", drops " + t.drops().orElse(0) + ", marks " + t.marks().orElse(0)));
      }
      ctx.report(f.build());
    }
    return found;
  }
}
