package io.wgdiag.parsers.qdisc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.qdisc.CakeStats;
import io.wgdiag.model.qdisc.CakeTin;
import io.wgdiag.model.qdisc.FqStats;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cake's per-tin table and fq's flow statistics, read strictly from real pastes (the {@code
 * pastes/} corpus; each file's source is beside it).
 */
class TcQdiscCakeFqPasteTest {

  private final TcQdiscParser parser = new TcQdiscParser();

  private QdiscReport paste(String name) throws ParseException {
    return parser.parse(Fixtures.read("pastes/tc-qdisc/" + name + ".txt"));
  }

  private static QdiscReport transcript(String name) throws ParseException {
    ParsedTranscript t = TranscriptParser.standard().parse(Fixtures.read("pastes/transcript/" + name + ".txt"), true);
    assertThat(t.isClean()).isTrue();
    return t.blocks().get(t.blocks().size() - 1).model(QdiscReport.class).orElseThrow();
  }

  private static List<String> names(CakeStats c) {
    return c.tins().stream().map(CakeTin::name).toList();
  }

  @Test
  void besteffortOneTinOpenWrt() throws ParseException {
    Qdisc q = transcript("cake-besteffort-openwrt-sch_cake-147").qdiscs().get(0);
    CakeStats c = q.cake().orElseThrow();
    assertThat(c.memoryUsedBytes()).hasValue(688896);
    assertThat(c.memoryLimitBytes()).hasValue(4L * 1024 * 1024);
    assertThat(c.capacityEstimateBitsPerSecond()).hasValue(10e6);
    assertThat(c.minNetworkSizeBytes()).hasValue(28);
    assertThat(c.maxNetworkSizeBytes()).hasValue(1500);
    assertThat(c.minAdjustedSizeBytes()).hasValue(70);
    assertThat(c.maxAdjustedSizeBytes()).hasValue(1542);
    assertThat(c.averageHeaderOffsetBytes()).hasValue(14);
    assertThat(names(c)).containsExactly("Tin 0");
    CakeTin t = c.tins().get(0);
    assertThat(t.thresholdBitsPerSecond()).hasValue(10e6);
    assertThat(t.targetMicros()).hasValue(5_000);
    assertThat(t.intervalMicros()).hasValue(100_000);
    assertThat(t.peakDelayMicros()).hasValue(145_000);
    assertThat(t.averageDelayMicros()).hasValue(34_100);
    assertThat(t.sparseDelayMicros()).hasValue(2);
    assertThat(t.backlogBytes()).hasValue(0);
    assertThat(t.packets()).hasValue(89110);
    assertThat(t.bytes()).hasValue(42579936);
    assertThat(t.wayMisses()).hasValue(212);
    assertThat(t.drops()).hasValue(262);
    assertThat(t.marks()).hasValue(14);
    assertThat(t.ackDrops()).hasValue(0);
    assertThat(t.bulkFlows()).hasValue(1);
    assertThat(t.unresponsiveFlows()).hasValue(0);
    assertThat(t.maxLengthBytes()).hasValue(1514);
    assertThat(t.quantumBytes()).hasValue(305);
    // the tin's drops are the qdisc's: tc's dropped counts the same packets
    assertThat(q.dropped()).hasValue(262);
    assertThat(q.dropSites()).containsEntry("cake.Tin 0", 262L);
    assertThat(q.totalDropped()).isEqualTo(262);
    assertThat(q.backlogBytes()).hasValue(0); // the qdisc's own backlog line, not the tin row
    assertThat(q.stats()).doesNotContainKey("drops");
  }

  @Test
  void diffserv3AtmAckFilterThreeNamedTins() throws ParseException {
    Qdisc q = paste("cake-diffserv3-atm-ackfilter-sch_cake-148").qdiscs().get(0);
    assertThat(q.options()).containsEntry("atm", "").containsEntry("overhead", "10").containsKey("ack-filter-aggressive");
    CakeStats c = q.cake().orElseThrow();
    assertThat(names(c)).containsExactly("Bulk", "Best Effort", "Voice");
    assertThat(c.tins().get(0).thresholdBitsPerSecond()).hasValue(50560);
    assertThat(c.tins().get(1).thresholdBitsPerSecond()).hasValue(809e3);
    assertThat(c.tins().get(2).thresholdBitsPerSecond()).hasValue(202248);
    assertThat(c.tins().get(0).targetMicros()).hasValue(362_200); // %.1fms of iproute2 before 5.7
    assertThat(c.tins().get(1).peakDelayMicros()).hasValue(4_300);
    assertThat(c.tins().get(1).averageDelayMicros()).hasValue(343);
    assertThat(c.tins().get(1).drops()).hasValue(2103);
    assertThat(c.tins().get(1).ackDrops()).hasValue(7813);
    assertThat(c.tins().get(1).sparseFlows()).hasValue(2);
    assertThat(c.tins().get(1).bulkFlows()).isEmpty(); // the paste ends before that row
    assertThat(c.tinDrops()).isEqualTo(2103);
    assertThat(c.tinAckDrops()).isEqualTo(7813);
    assertThat(c.maxPeakDelayMicros()).hasValue(4_300);
    // tc's dropped (9916) counts the tin drops and the ack-filter's drops
    assertThat(q.dropped()).hasValue(9916);
    assertThat(q.dropSites()).containsEntry("cake.Best Effort", 2103L).containsEntry("cake.ack_drop", 7813L)
        .doesNotContainKey("cake.Bulk");
  }

  @Test
  void diffserv4FourTinsUnderHtbWithDelays() throws ParseException {
    Qdisc q = paste("cake-diffserv4-unlimited-libreqos-57").qdiscs().get(0);
    assertThat(q.parent()).hasValue("6:156");
    CakeStats c = q.cake().orElseThrow();
    assertThat(c.memoryLimitBytes()).hasValue(15140L * 1024);
    assertThat(c.capacityEstimateBitsPerSecond()).hasValue(0);
    assertThat(names(c)).containsExactly("Bulk", "Best Effort", "Video", "Voice");
    assertThat(c.tins()).allSatisfy(t -> assertThat(t.thresholdBitsPerSecond()).hasValue(0));
    assertThat(c.tins().stream().map(t -> t.peakDelayMicros().getAsLong()).toList()).containsExactly(13_500L, 26_200L, 4_300L, 2_540L);
    assertThat(c.tins().stream().map(t -> t.averageDelayMicros().getAsLong()).toList()).containsExactly(1_180L, 15_400L, 263L, 622L);
    assertThat(c.tins().get(1).bytes()).hasValue(117679145674L);
    assertThat(c.tins().get(3).wayMisses()).hasValue(345);
    assertThat(c.maxPeakDelayMicros()).hasValue(26_200);
  }

  @Test
  void diffserv4NatWashOpenWrt2410() throws ParseException {
    Qdisc q = paste("cake-diffserv4-nat-wash-qosmate-39").qdiscs().get(0);
    assertThat(q.device()).hasValue("wan");
    CakeStats c = q.cake().orElseThrow();
    assertThat(c.memoryLimitBytes()).hasValue(10_000_000);
    assertThat(c.averageHeaderOffsetBytes()).hasValue(13);
    assertThat(names(c)).containsExactly("Bulk", "Best Effort", "Video", "Voice");
    assertThat(c.tins().get(0).thresholdBitsPerSecond()).hasValue(12_500e3);
    assertThat(c.tins().get(2).packets()).hasValue(427);
    assertThat(c.tins().get(2).peakDelayMicros()).hasValue(42);
    assertThat(c.tinDrops()).isZero();
    assertThat(q.dropSites()).isEmpty();
  }

  @Test
  void preUpstreamCakeHasFewerRowsAndAnnotatedLinesStayDiagnostics() throws ParseException {
    // flent's fixtures end with its own "Time:" line: the file is marked annotated, read leniently
    ParseResult<QdiscReport> r = parser.parseLenient(Fixtures.read("pastes/tc-qdisc/cake-diffserv4-old-flent-test.txt"));
    CakeStats c = r.model().qdiscs().get(0).cake().orElseThrow();
    assertThat(names(c)).containsExactly("Bulk", "Best Effort", "Video", "Voice");
    assertThat(c.tins().get(1).thresholdBitsPerSecond()).hasValue(93_750e3);
    assertThat(c.tins().get(1).peakDelayMicros()).hasValue(144);
    assertThat(c.tins().get(2).maxLengthBytes()).hasValue(172);
    assertThat(c.tins().get(1).backlogBytes()).isEmpty();
    assertThat(c.tins().get(1).quantumBytes()).isEmpty();
    ParseResult<QdiscReport> one = parser.parseLenient(Fixtures.read("pastes/tc-qdisc/cake-besteffort-old-flent-test.txt"));
    CakeTin t = one.model().qdiscs().get(0).cake().orElseThrow().tins().get(0);
    assertThat(t.name()).isEqualTo("Tin 0");
    assertThat(t.drops()).hasValue(95);
    assertThat(t.marks()).hasValue(301);
    assertThat(t.bytes()).hasValue(69962229397L);
  }

  @Test
  void fqFlowsPlimitIsEachChildsDropSite() throws ParseException {
    QdiscReport r = transcript("fq-mq-flows-plimit-blog-qdisc-tuning");
    assertThat(r.qdiscs()).hasSize(13);
    Qdisc first = r.qdiscs().get(1);
    FqStats f = first.fq().orElseThrow();
    assertThat(f.flows()).hasValue(12);
    assertThat(f.inactiveFlows()).hasValue(12);
    assertThat(f.throttledFlows()).hasValue(0);
    assertThat(f.gcFlows()).hasValue(0);
    assertThat(f.throttledEvents()).hasValue(5615521);
    assertThat(f.unthrottleLatencyNanos()).hasValue(7_000);
    assertThat(f.flowsPlimitDrops()).hasValue(281);
    assertThat(first.dropSites()).containsExactly(java.util.Map.entry("fq.flows_plimit", 281L));
    assertThat(r.qdiscs().get(4).fq().orElseThrow().unthrottleLatencyNanos()).hasValue(827);
    // the stats map still holds the pairs as printed (first "throttled" kept)
    assertThat(first.stats()).containsEntry("flows_plimit", "281").containsEntry("throttled", "0");
    // every drop of the mq's children is fq's flows_plimit
    long plimit = r.qdiscs().stream().flatMap(q -> q.fq().stream()).mapToLong(FqStats::drops).sum();
    assertThat(plimit).isEqualTo(r.qdiscs().get(0).dropped().getAsLong()).isEqualTo(562);
    FqStats idle = r.qdiscs().get(10).fq().orElseThrow();
    assertThat(idle.flowsPlimitDrops()).isEmpty();
    assertThat(idle.unthrottleLatencyNanos()).isEmpty();
  }

  @Test
  void fqOnAKubernetesNode() throws ParseException {
    QdiscReport r = transcript("fq-k8s-node-cilium-29083");
    FqStats f = r.qdiscs().get(1).fq().orElseThrow();
    assertThat(f.flows()).hasValue(93);
    assertThat(f.inactiveFlows()).hasValue(85);
    assertThat(f.unthrottleLatencyNanos()).hasValue(18_300);
    assertThat(f.flowsPlimitDrops()).hasValue(1743);
    assertThat(r.qdiscs().get(2).fq().orElseThrow().flowsPlimitDrops()).hasValue(2506);
    assertThat(r.qdiscs().get(3).fq()).isEmpty(); // the paste ends before its statistics
  }

  @Test
  void fqBeforeIproute256CountsFirst() throws ParseException {
    // mail-quoted and wrapped: annotated, read leniently; the unwrapped lines give their counters
    ParseResult<QdiscReport> r = parser.parseLenient(Fixtures.read("pastes/tc-qdisc/fq-old-format-netdev-mail-2019.txt"));
    assertThat(r.model().qdiscs()).isEmpty(); // every line starts with '> ': wild2's unquoting reads them
    assertThat(r.diagnostics()).isNotEmpty();
  }

  @Test
  void fqOldFormLinesAsTcPrintedThem() throws ParseException {
    // the netdev paste's lines without the mail's quoting and wrapping
    Qdisc q = parser.parse("""
        qdisc fq 8003: dev int0 root refcnt 65 limit 10000p flow_limit 100p buckets 1024 orphan_mask 1023 quantum 3028 initial_quantum 15140 low_rate_threshold 550Kbit refill_delay 40.0ms
         Sent 15869093876 bytes 17387110 pkt (dropped 0, overlimits 0 requeues 2817)
         backlog 0b 0p requeues 2817
          2806 flows (2688 inactive, 118 throttled), next packet delay 1572240566653952889 ns
          354201 gc, 0 highprio, 804560 throttled, 3919 ns latency, 19492 flows_plimit
          0 too long pkts, 3 alloc errors
        """).qdiscs().get(0);
    FqStats f = q.fq().orElseThrow();
    assertThat(f.flows()).hasValue(2806);
    assertThat(f.inactiveFlows()).hasValue(2688);
    assertThat(f.throttledFlows()).hasValue(118);
    assertThat(f.nextPacketDelayNanos()).hasValue(1572240566653952889L);
    assertThat(f.gcFlows()).hasValue(354201);
    assertThat(f.highprioPackets()).hasValue(0);
    assertThat(f.throttledEvents()).hasValue(804560);
    assertThat(f.unthrottleLatencyNanos()).hasValue(3919);
    assertThat(f.flowsPlimitDrops()).hasValue(19492);
    assertThat(f.tooLongDrops()).hasValue(0);
    assertThat(f.allocationErrors()).hasValue(3);
    assertThat(q.dropSites()).containsEntry("fq.flows_plimit", 19492L).containsEntry("fq.alloc_errors", 3L);
  }

  @Test
  void fqLinux67BandsAndDrops() throws ParseException {
    // q_fq.c since iproute2 6.8 (commit 3086a339): band packets on the flows line, a third line of drops
    FqStats f = parser.parse("""
        qdisc fq 8001: dev eth0 root refcnt 2 limit 10000p flow_limit 100p buckets 1024 orphan_mask 1023 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1 weights 589824 196608 65536 quantum 3028b initial_quantum 15140b low_rate_threshold 550Kbit refill_delay 40ms timer_slack 10us horizon 10s horizon_drop
         Sent 1000 bytes 10 pkt (dropped 7, overlimits 0 requeues 0)
         backlog 0b 0p requeues 0
          flows 2 (inactive 1 throttled 1) band0_pkts 0 band1_pkts 3 band2_pkts 0 next_packet_delay 1.5ms
          gc 0 highprio 0 fastpath 5 throttled 4 latency 10.2us flows_plimit 2
          pkts_too_long 1 horizon_drops 1 band1_drops 3
        """).qdiscs().get(0).fq().orElseThrow();
    assertThat(f.bandPackets().asList()).containsExactly(0L, 3L, 0L);
    assertThat(f.nextPacketDelayNanos()).hasValue(1_500_000);
    assertThat(f.fastpathPackets()).hasValue(5);
    assertThat(f.throttledFlows()).hasValue(1);
    assertThat(f.throttledEvents()).hasValue(4);
    assertThat(f.bandDrops().asList()).containsExactly(0L, 3L);
    assertThat(f.drops()).isEqualTo(2 + 1 + 1 + 3);
  }

  @Test
  void aTinRowWithTooFewValuesNamesTheTinInStrictMode() {
    assertThatThrownBy(() -> parser.parse("""
        qdisc cake 1: root refcnt 2 bandwidth 10Mbit besteffort
         Sent 1 bytes 1 pkt (dropped 0, overlimits 0 requeues 0)
         backlog 0b 0p requeues 0
                           Bulk  Best Effort        Voice
          drops               0         2103
        """)).isInstanceOf(ParseException.class)
        .hasMessageContaining("line 5").hasMessageContaining("the drops of tin 3 of 3");
  }
}
