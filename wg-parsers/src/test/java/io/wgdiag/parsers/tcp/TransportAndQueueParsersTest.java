package io.wgdiag.parsers.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.model.tcp.SsReport;
import io.wgdiag.model.tcp.TcpSocket;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.iperf.Iperf3Parser;
import io.wgdiag.parsers.qdisc.TcQdiscParser;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TransportAndQueueParsersTest {

  @Test
  void seedTask09SocketInfo() throws ParseException {
    TcpSocket s = TranscriptParser.standard().parse(Fixtures.read("seed/task09.txt"), true)
        .blocks().get(0).model(SsReport.class).orElseThrow().sockets().get(0);
    assertThat(s.state()).contains("ESTAB");
    assertThat(s.localAddress()).isEqualTo("10.60.0.1");
    assertThat(s.localPort()).isEqualTo("43144");
    assertThat(s.peerPort()).isEqualTo("5201");
    assertThat(s.congestionControl()).hasValue("cubic");
    assertThat(s.rtoMillis()).hasValue(204.0);
    assertThat(s.rttMillis()).hasValue(24.1);
    assertThat(s.rttVarMillis()).hasValue(2.1);
    assertThat(s.mssBytes()).hasValue(1360);
    assertThat(s.pmtuBytes()).hasValue(1420);
    assertThat(s.cwndSegments()).hasValue(64);
    assertThat(s.bytesAcked()).hasValue(8123456);
    assertThat(s.sendBitsPerSecond()).hasValue(1.9e9);
    assertThat(s.pacingBitsPerSecond()).hasValue(3.8e9);
    assertThat(s.deliveryBitsPerSecond()).hasValue(1.7e9);
    assertThat(s.retransCurrent()).hasValue(12);
    assertThat(s.retransTotal()).hasValue(44);
    assertThat(s.otherFields()).containsEntry("wscale", "7,7").containsEntry("rcvmss", "1360");
  }

  @Test
  void realSocketsInEveryVariant() throws ParseException {
    SsTcpInfoParser p = new SsTcpInfoParser();
    SsReport ti = p.parse(Fixtures.read("fixtures/ss-tcp-info/lab-loopback-ss-ti.txt"));
    assertThat(ti.sockets()).isNotEmpty().allSatisfy(s -> assertThat(s.localAddress()).endsWith("127.0.0.1")); // ::ffff: on server sockets
    TcpSocket first = ti.sockets().get(0);
    assertThat(first.congestionControl()).hasValue("bbr");
    assertThat(first.otherFields()).containsEntry("bbr", "(bw:65.5Gbps,mrtt:0.004,pacing_gain:2.88672,cwnd_gain:2.88672)");
    assertThat(first.flags()).contains("app_limited");
    SsReport tin = p.parse(Fixtures.read("fixtures/ss-tcp-info/lab-loopback-ss-tin.txt"));
    assertThat(tin.sockets()).allSatisfy(s -> assertThat(s.sendBitsPerSecond()).isPresent());
    SsReport e = p.parse(Fixtures.read("fixtures/ss-tcp-info/lab-loopback-ss-tiepm.txt"));
    assertThat(e.sockets().get(0).process().orElseThrow()).startsWith("users:((\"iperf3\"");
    assertThat(e.sockets().get(0).otherFields()).containsKeys("ino", "skmem");
    assertThat(p.parse(Fixtures.read("fixtures/ss-tcp-info/lab-loopback-ss-tinO.txt")).sockets()).hasSameSizeAs(tin.sockets());
    assertThat(p.parse(Fixtures.read("fixtures/ss-tcp-info/lab-loopback-ss-tinH.txt")).sockets()).isNotEmpty();
  }

  @Test
  void ipv6AndOldRateFormats() throws ParseException {
    SsReport r = new SsTcpInfoParser().parse(
        "ESTAB 0 0 [2001:db8::1]:22 [fe80::1%wg0]:51000\n\t cubic rtt:1.5/0.7 send 55001.0Mbps pacing_rate 18.7Kbps delivery_rate 1e+03Mbps newfield:42\n");
    TcpSocket s = r.sockets().get(0);
    assertThat(s.localAddress()).isEqualTo("2001:db8::1");
    assertThat(s.peerAddress()).isEqualTo("fe80::1%wg0");
    assertThat(s.sendBitsPerSecond()).hasValue(55001.0e6);
    assertThat(s.pacingBitsPerSecond()).hasValue(18.7e3);
    assertThat(s.deliveryBitsPerSecond()).hasValue(1e9);
    assertThat(s.otherFields()).containsEntry("newfield", "42");
    assertThatThrownBy(() -> new SsTcpInfoParser().parse("ESTAB 0 0 1.2.3.4:5 6.7.8.9:10\n mss:lots\n"))
        .hasMessage("line 2, column 6: expected a number after 'mss:', found 'lots'");
  }

  /** Any rate ss prints with %.3g and a unit reads back within the printed precision. */
  @Property(tries = 300)
  void ratesReadBack(@ForAll @DoubleRange(min = 1, max = 9.99e12) double bps) throws ParseException {
    String[] units = {"", "k", "M", "G", "T"};
    int u = 0;
    double v = bps;
    while (v >= 1000 && u < 4) {
      v /= 1000;
      u++;
    }
    String printed = String.format(Locale.ROOT, "%.3g", v) + units[u] + "bps";
    TcpSocket s = new SsTcpInfoParser().parse("ESTAB 0 0 1.2.3.4:5 6.7.8.9:10\n send " + printed + "\n").sockets().get(0);
    assertThat(s.sendBitsPerSecond().orElseThrow()).isCloseTo(bps, org.assertj.core.data.Percentage.withPercentage(0.6));
  }

  @Test
  void seedTask04And05Iperf() throws ParseException {
    IperfResult single = TranscriptParser.standard().parse(Fixtures.read("seed/task04.txt"), true)
        .blocks().get(0).model(IperfResult.class).orElseThrow();
    assertThat(single.server()).hasValue("10.60.0.10");
    assertThat(single.streams()).containsExactly("5");
    assertThat(single.intervals()).extracting(IperfInterval::bitsPerSecond).containsExactly(522e6, 518e6, 377e6, 488e6, 504e6);
    assertThat(single.intervals().get(2).retransmits()).hasValue(12);
    assertThat(single.summary("sender").orElseThrow().retransmits()).hasValue(44);
    assertThat(single.summary("sender").orElseThrow().bitsPerSecond()).isEqualTo(474e6);
    assertThat(single.summary("receiver").orElseThrow().bitsPerSecond()).isEqualTo(473e6);
    assertThat(single.summary("receiver").orElseThrow().bytes()).isEqualTo(846L * 1024 * 1024);
    IperfResult parallel = TranscriptParser.standard().parse(Fixtures.read("seed/task05.txt"), true)
        .blocks().get(0).model(IperfResult.class).orElseThrow();
    assertThat(parallel.summary("sender").orElseThrow().stream()).isEqualTo("SUM");
    assertThat(parallel.summary("sender").orElseThrow().bitsPerSecond()).isCloseTo(2.07e9, org.assertj.core.data.Offset.offset(1.0));
    assertThat(parallel.summary("sender").orElseThrow().retransmits()).hasValue(81);
    assertThat(parallel.parallelStreams()).isGreaterThan(1);
  }

  @Test
  void realIperfRuns() throws ParseException {
    Iperf3Parser p = new Iperf3Parser();
    IperfResult p2 = p.parse(Fixtures.read("fixtures/iperf3/lab-loopback-tcp-P2.txt"));
    assertThat(p2.parallelStreams()).isEqualTo(2);
    assertThat(p2.summary("sender").orElseThrow().retransmits()).hasValue(15);
    assertThat(p2.intervals().get(0).cwndBytes()).isPresent();
    IperfResult udp = p.parse(Fixtures.read("fixtures/iperf3/lab-loopback-udp.txt"));
    assertThat(udp.protocol()).isEqualTo("UDP");
    assertThat(udp.intervals().get(0).totalDatagrams()).hasValue(191);
    assertThat(udp.intervals().get(0).retransmits()).isEmpty();
    IperfInterval recv = udp.summary("receiver").orElseThrow();
    assertThat(recv.jitterMillis()).hasValue(0.006);
    assertThat(recv.lostDatagrams()).hasValue(0);
    assertThat(recv.totalDatagrams()).hasValue(382);
    assertThat(p.parse(Fixtures.read("fixtures/iperf3/lab-loopback-tcp-R.txt")).reverse()).isTrue();
    assertThat(p.parse(Fixtures.read("fixtures/iperf3/lab-loopback-refused.txt")).error())
        .hasValue("error - unable to connect to server: Connection refused");
    assertThat(p.parse(Fixtures.read("fixtures/iperf3/lab-loopback-server.txt")).summaries()).isNotEmpty();
  }

  @Test
  void iperfJsonReadsIntoTheTextModel() throws ParseException {
    IperfResult j = new io.wgdiag.parsers.iperf.Iperf3JsonParser().parse(Fixtures.read("fixtures/iperf3-json/lab-loopback-tcp.json"));
    assertThat(j.protocol()).isEqualTo("TCP");
    assertThat(j.streams()).containsExactly("5");
    assertThat(j.server()).hasValue("127.0.0.1");
    assertThat(j.intervals()).hasSize(2);
    assertThat(j.summary("sender").orElseThrow().retransmits()).hasValue(25);
    assertThat(j.summary("sender").orElseThrow().bytes()).isEqualTo(5571870720L);
    assertThat(j.summary("receiver")).isPresent();
    // the text run of the same configuration has the same shape
    IperfResult t = new Iperf3Parser().parse(Fixtures.read("fixtures/iperf3/lab-loopback-tcp-single.txt"));
    assertThat(t.intervals()).hasSameSizeAs(j.intervals());
    assertThat(t.parallelStreams()).isEqualTo(j.parallelStreams());
  }

  @Test
  void seedQdiscsAndRealShaperUnderLoad() throws ParseException {
    ParsedTranscript t12 = TranscriptParser.standard().parse(Fixtures.read("seed/task12.txt"), true);
    Qdisc fq = t12.blocks().get(0).model(QdiscReport.class).orElseThrow().qdiscs().get(0);
    assertThat(fq.kind()).isEqualTo("fq_codel");
    assertThat(fq.root()).isTrue();
    assertThat(fq.device()).isEmpty();
    assertThat(fq.options()).containsEntry("limit", "10240p").containsEntry("target", "5.0ms").containsEntry("ecn", "");
    assertThat(fq.isFifo()).isFalse();
    Qdisc stats = TranscriptParser.standard().parse(Fixtures.read("seed/qdisc-stats.txt"), true)
        .blocks().get(0).model(QdiscReport.class).orElseThrow().qdiscs().get(0);
    assertThat(stats.sentBytes()).hasValue(912345678);
    assertThat(stats.sentPackets()).hasValue(701234);
    assertThat(stats.dropped()).hasValue(123);
    assertThat(stats.overlimits()).hasValue(0);
    assertThat(stats.requeues()).hasValue(12);
    assertThat(stats.backlogBytes()).hasValue(0);

    QdiscReport load = new TcQdiscParser().parse(Fixtures.read("fixtures/tc-qdisc/lab-tc-s-qdisc-under-load.txt"));
    Qdisc tbf = load.qdiscs().stream().filter(q -> q.kind().equals("tbf")).findFirst().orElseThrow();
    assertThat(tbf.device()).hasValue("ta0");
    assertThat(tbf.dropped()).hasValue(8290);
    assertThat(tbf.overlimits()).hasValue(14325);
    assertThat(tbf.backlogBytes()).hasValue(28310);
    assertThat(tbf.backlogPackets()).hasValue(19);
    assertThat(tbf.options()).containsEntry("rate", "20Mbit");
    Qdisc child = load.qdiscs().stream().filter(q -> q.kind().equals("pfifo")).findFirst().orElseThrow();
    assertThat(child.parent()).hasValue("1:10");
    assertThat(child.isFifo()).isTrue();
    assertThat(load.qdiscs().stream().filter(q -> q.kind().equals("pfifo_fast")).findFirst().orElseThrow().options())
        .containsEntry("priomap", "1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1");
    assertThat(load.roots()).extracting(Qdisc::kind).contains("noqueue", "tbf", "bfifo", "htb", "pfifo_fast");
  }

  @Test
  void qdiscsWithTheSameOptionsShareOneMapAndNoneInheritsAnother() throws ParseException {
    QdiscReport r = new TcQdiscParser().parse(String.join("\n",
        "qdisc mq 1: dev eth0 root offloaded offloaded",
        "qdisc fq_codel 0: dev eth0 parent 1:1 limit 10240p flows 1024 ecn",
        " Sent 10 bytes 1 pkt (dropped 300, overlimits 0 requeues 0)",
        "qdisc fq_codel 0: dev eth0 parent 1:2 limit 10240p flows 1024 ecn",
        "qdisc fq_codel 0: dev eth0 parent 1:3 limit 512p flows 1024",
        "qdisc fq_codel 0: dev eth0 parent 1:4 limit 10240p flows 1024 ecn",
        "qdisc prio 2: dev eth1 root refcnt 2 bands 3 priomap 1 2 2 2 bands 4",
        ""));
    Qdisc mq = r.qdiscs().get(0);
    assertThat(mq.options()).containsExactly(java.util.Map.entry("offloaded", "")); // printed twice, kept once
    Qdisc first = r.qdiscs().get(1);
    assertThat(first.options()).containsExactly(
        java.util.Map.entry("limit", "10240p"), java.util.Map.entry("flows", "1024"), java.util.Map.entry("ecn", ""));
    assertThat(r.qdiscs().get(2).options()).isSameAs(first.options());
    assertThat(r.qdiscs().get(3).options()).containsExactly(java.util.Map.entry("limit", "512p"), java.util.Map.entry("flows", "1024"));
    assertThat(r.qdiscs().get(4).options()).isEqualTo(first.options());
    // counters belong to their own qdisc: 300 drops (beyond the shared small wrappers), then none
    assertThat(first.dropped()).hasValue(300);
    assertThat(first.requeues()).hasValue(0);
    assertThat(r.qdiscs().get(2).dropped()).isEmpty();
    assertThat(r.qdiscs().get(2).sentBytes()).isEmpty();
    // a name printed twice collects its values, each run of values joined with blanks
    assertThat(r.qdiscs().get(5).options()).containsExactly(
        java.util.Map.entry("bands", "3 4"), java.util.Map.entry("priomap", "1 2 2 2"));
    assertThat(r.qdiscs().get(5).refcnt()).hasValue(2);
  }

  @Test
  void tcJsonGivesTheSameQdiscsAndCounters() throws ParseException {
    QdiscReport text = new TcQdiscParser().parse(Fixtures.read("fixtures/tc-qdisc/lab-tc-s-qdisc-under-load.txt"));
    QdiscReport json = new TcQdiscParser().parse(Fixtures.read("json-captures/tc/tc-j-s-qdisc.json"));
    assertThat(json.qdiscs()).extracting(Qdisc::kind).containsExactlyElementsOf(text.qdiscs().stream().map(Qdisc::kind).toList());
    assertThat(json.qdiscs()).extracting(Qdisc::device).containsExactlyElementsOf(text.qdiscs().stream().map(Qdisc::device).toList());
    assertThat(json.qdiscs()).extracting(Qdisc::parent).containsExactlyElementsOf(text.qdiscs().stream().map(Qdisc::parent).toList());
    Qdisc tbf = json.qdiscs().get(1);
    // captured a moment after the text, under the same load: counters only grew
    assertThat(tbf.dropped().orElseThrow()).isGreaterThanOrEqualTo(text.qdiscs().get(1).dropped().orElseThrow());
    assertThat(tbf.backlogBytes()).hasValue(28310);
    // tc -j prints 2500000 bytes/s and 16382 bytes; the model holds them as the text prints them
    assertThat(tbf.options()).containsEntry("rate", "20Mbit").containsEntry("burst", "16Kb").containsEntry("lat", "5.45ms");
    assertThat(tbf.options()).isEqualTo(text.qdiscs().get(1).options());
  }

  @Test
  void qdiscVariants() throws ParseException {
    QdiscReport r = new TcQdiscParser().parse("""
        qdisc fq_codel 0: dev eth0 root refcnt 2 limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64
         Sent 229513 bytes 2423 pkts (dropped 0, overlimits 0)
         rate 1234Kbit 30pps backlog 1514b 1p requeues 0
          maxpacket 1514 drop_overlimit 0 new_flow_count 12 ecn_mark 3
          new_flows_len 0 old_flows_len 1
        """);
    Qdisc q = r.qdiscs().get(0);
    assertThat(q.sentPackets()).hasValue(2423);
    assertThat(q.requeues()).hasValue(0);
    assertThat(q.rateBitsPerSecond()).hasValue(1_234_000.0);
    assertThat(q.backlogBytes()).hasValue(1514);
    assertThat(q.stats()).containsEntry("ecn_mark", "3").containsEntry("old_flows_len", "1");
    assertThatThrownBy(() -> new TcQdiscParser().parse("qdisc tbf 1: root\n Sent 12 bytes many pkt\n"))
        .hasMessage("line 2, column 16: expected the packets sent, found 'many'");
  }

  /** Any Sent line reads back its counters. */
  @Property(tries = 200)
  void sentLinesReadBack(@ForAll @IntRange(min = 0) int bytes, @ForAll @IntRange(min = 0) int pkts,
      @ForAll @IntRange(min = 0) int dropped) throws ParseException {
    Qdisc q = new TcQdiscParser().parse("qdisc pfifo 8001: dev eth0 root refcnt 2 limit 1000p\n Sent " + bytes + " bytes " + pkts
        + " pkt (dropped " + dropped + ", overlimits 0 requeues 0) \n backlog 0b 0p requeues 0\n").qdiscs().get(0);
    assertThat(q.sentBytes()).hasValue(bytes);
    assertThat(q.sentPackets()).hasValue(pkts);
    assertThat(q.dropped()).hasValue(dropped);
  }
}
