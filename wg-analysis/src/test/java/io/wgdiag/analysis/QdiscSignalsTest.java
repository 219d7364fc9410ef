package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** cake's per-tin delays and drops and fq's flows_plimit in the queue findings. */
class QdiscSignalsTest {

  private static Report run(Phase phase, String transcript, Phase phase2, String transcript2) throws ParseException {
    return Analysis.standard().run(Case.builder()
        .local(phase, TranscriptParser.standard().parse(transcript, true), "before.txt")
        .local(phase2, TranscriptParser.standard().parse(transcript2, true), "after.txt").build());
  }

  /** From https://github.com/LibreQoE/LibreQoS/issues/57 (the cake qdisc and its first tin rows, as pasted). */
  private static final String CAKE_LIBREQOS = """
      $ tc -s qdisc show dev eth1
      qdisc cake d5a2: parent 6:156 bandwidth unlimited diffserv4 triple-isolate nonat nowash no-ack-filter split-gso rtt 100ms raw overhead 0
       Sent 116826433200 bytes 98300622 pkt (dropped 2114568, overlimits 0 requeues 0)
       backlog 0b 0p requeues 0
       memory used: 11996928b of 15140Kb
       capacity estimate: 0bit
       min/max network layer size:           56 /    1514
       min/max overhead-adjusted size:       56 /    1514
       average network hdr offset:           14

                         Bulk  Best Effort        Video        Voice
        thresh           0bit         0bit         0bit         0bit
        target            5ms          5ms          5ms          5ms
        interval        100ms        100ms        100ms        100ms
        pk_delay       13.5ms       26.2ms        4.3ms       2.54ms
        av_delay       1.18ms       15.4ms        263us        622us
        sp_delay         13us          1us          4us          3us
        backlog            0b           0b           0b           0b
        pkts            12836     97034333      3037951       330070
        bytes        13629221 117679145674   1584071518    486263746
      """;

  @Test
  void cakesOwnDelayIsBufferbloatOnlyAboveTheThreshold() throws ParseException {
    // 15.4 ms average in Best Effort: below the default 20 ms, no finding; at a 10 ms threshold, one
    Report quiet = Analysis.standard().run(Case.builder()
        .local(Phase.UNNAMED, TranscriptParser.standard().parse(CAKE_LIBREQOS, true), "t.txt").build());
    assertThat(quiet.withCode(Codes.QUEUE_BUFFERBLOAT)).isEmpty();
    Report r = Analysis.builder().config(AnalysisConfig.builder().bufferbloatExtraMillis(10).build()).build()
        .run(Case.builder().local(Phase.UNNAMED, TranscriptParser.standard().parse(CAKE_LIBREQOS, true), "t.txt").build());
    assertThat(r.withCode(Codes.QUEUE_BUFFERBLOAT)).singleElement().satisfies(f -> {
      assertThat(f.title()).contains("Best Effort").contains("15.4");
      assertThat(f.evidence()).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("t.txt:2");
        assertThat(e.fact()).contains("av_delay 15.4").contains("pk_delay 26.2");
      });
    });
  }

  /** fq on an mq child, from https://github.com/cilium/cilium/issues/29083 (counters of a second reading raised by hand). */
  private static String fq(long sent, long dropped, long plimit) {
    return """
        $ tc -s qdisc show dev ens4
        qdisc fq 0: parent 8002:8 limit 10000p flow_limit 100p buckets 1024 orphan_mask 1023 quantum 2948b initial_quantum 14740b low_rate_threshold 550Kbit refill_delay 40ms timer_slack 10us horizon 10s horizon_drop
         Sent 286859943 bytes %d pkt (dropped %d, overlimits 0 requeues 0)
         backlog 0b 0p requeues 0
          flows 93 (inactive 85 throttled 0)
          gc 0 highprio 0 throttled 110950 latency 18.3us flows_plimit %d
        """.formatted(sent, dropped, plimit);
  }

  @Test
  void fqFlowsPlimitRiseIsNamedAsTheDropSite() throws ParseException {
    Report r = run(Phase.BEFORE, fq(392418, 1743, 1743), Phase.AFTER, fq(492418, 2743, 2743));
    assertThat(r.withCode(Codes.QUEUE_QDISC_DROPS)).singleElement().satisfies(f -> {
      assertThat(f.title()).contains("dropped 1000 packets");
      assertThat(f.evidence().get(0).fact()).endsWith("; drop sites: fq.flows_plimit 1000");
    });
  }

  @Test
  void dropSiteDeltasCountOnlyNewDrops() throws ParseException {
    var before = new io.wgdiag.parsers.qdisc.TcQdiscParser().parse(fq(1, 5, 5).lines().skip(1)
        .collect(java.util.stream.Collectors.joining("\n"))).qdiscs().get(0);
    var after = new io.wgdiag.parsers.qdisc.TcQdiscParser().parse(fq(1, 8, 8).lines().skip(1)
        .collect(java.util.stream.Collectors.joining("\n"))).qdiscs().get(0);
    assertThat(QdiscSignals.dropSiteDeltas(java.util.Optional.of(before), after)).containsExactly(java.util.Map.entry("fq.flows_plimit", 3L));
    assertThat(QdiscSignals.dropSiteDeltas(java.util.Optional.of(after), after)).isEmpty();
    assertThat(QdiscSignals.dropSiteDeltas(java.util.Optional.empty(), after)).containsEntry("fq.flows_plimit", 8L);
  }
}
