package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/**
 * The codes the field-guide cases and {@link RulesTest} do not already cover: each fires on
 * evidence of its problem and stays quiet on a near miss.
 */
class EveryCodeTest {

  private static Report run(Phase phase, String transcript) throws ParseException {
    return Analysis.standard().run(Case.builder().local(phase, TranscriptParser.standard().parse(transcript, true), "t.txt").build());
  }

  private static Report beforeAfter(String before, String after) throws ParseException {
    TranscriptParser p = TranscriptParser.standard();
    return Analysis.standard().run(Case.builder()
        .local(Phase.BEFORE, p.parse(before, true), "before.txt")
        .local(Phase.AFTER, p.parse(after, true), "after.txt").build());
  }

  private static final String MPSTAT = """
      $ mpstat -P ALL 1 1
      Linux 6.1.0 (gw) \t11/24/2026 \t_x86_64_\t(2 CPU)

      10:00:00     CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle
      10:00:01     all   USR    0.00   10.00    0.00    0.00    5.00   STEAL    0.00    0.00   IDLE
      10:00:01       0   USR    0.00   10.00    0.00    0.00    5.00   STEAL    0.00    0.00   IDLE
      10:00:01       1   USR    0.00   10.00    0.00    0.00    5.00   STEAL    0.00    0.00   IDLE
      """;

  private static String mpstat(String usr, String steal, String idle) {
    return MPSTAT.replace("USR", usr).replace("STEAL", steal).replace("IDLE", idle);
  }

  @Test
  void cpuSaturatedAndVmTax() throws ParseException {
    assertThat(run(Phase.DURING, mpstat("78.00", "0.00", "7.00")).has(Codes.CPU_SATURATED)).isTrue();
    assertThat(run(Phase.DURING, mpstat("68.00", "0.00", "17.00")).has(Codes.CPU_SATURATED)).isFalse();
    assertThat(run(Phase.DURING, mpstat("20.00", "12.00", "53.00")).has(Codes.UNDERLAY_VM_TAX)).isTrue();
    assertThat(run(Phase.DURING, mpstat("20.00", "4.00", "61.00")).has(Codes.UNDERLAY_VM_TAX)).isFalse();
  }

  private static final String IRQ = "$ cat /proc/interrupts\n           CPU0       CPU1\n  24:   A   B   PCI-MSI 327680-edge      eth0-rx-0\n";

  @Test
  void irqConcentratedOnlyWhenOneCpuTakesNearlyAll() throws ParseException {
    assertThat(run(Phase.UNNAMED, IRQ.replace("A", "900000").replace("B", "1000")).has(Codes.IRQ_CONCENTRATED)).isTrue();
    assertThat(run(Phase.UNNAMED, IRQ.replace("A", "600000").replace("B", "400000")).has(Codes.IRQ_CONCENTRATED)).isFalse();
  }

  @Test
  void softnetSqueezeRisesUnderLoad() throws ParseException {
    String row = "$ cat /proc/net/softnet_stat\n%s 00000000 %s 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n";
    Report r = beforeAfter(String.format(row, "00100000", "00000000"), String.format(row, "00200000", "00000400"));
    assertThat(r.has(Codes.SOFTNET_SQUEEZE)).isTrue();
    assertThat(r.withCode(Codes.SOFTNET_SQUEEZE).get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(beforeAfter(String.format(row, "00100000", "00000000"), String.format(row, "00200000", "00000000"))
        .has(Codes.SOFTNET_SQUEEZE)).isFalse();
  }

  private static final String WG = """
      $ wg show wg0
      interface: wg0
        public key: AAA=
        listening port: 51820

      peer: BBB=
        endpoint: ENDPOINT
        allowed ips: ALLOWED_B
        latest handshake: 10 seconds ago
        transfer: RX received, TX sent
      KEEPALIVE
      peer: CCC=
        endpoint: 198.51.100.9:51820
        allowed ips: ALLOWED_C
        latest handshake: 12 seconds ago
        transfer: 1.00 MiB received, 1.00 MiB sent
      """;

  private static String wg(String endpoint, String b, String c, String rx, String tx, String keepalive) {
    return WG.replace("ENDPOINT", endpoint).replace("ALLOWED_B", b).replace("ALLOWED_C", c).replace("RX", rx).replace("TX", tx)
        .replace("KEEPALIVE", keepalive);
  }

  @Test
  void allowedIpsOverlap() throws ParseException {
    assertThat(run(Phase.UNNAMED, wg("203.0.113.4:51820", "10.60.0.0/24", "10.60.0.0/24", "1.00 MiB", "1.00 MiB",
        "  persistent keepalive: every 25 seconds")).withCode(Codes.WG_ALLOWED_IPS_OVERLAP).get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(run(Phase.UNNAMED, wg("203.0.113.4:51820", "10.60.0.0/24", "10.60.0.20/32", "1.00 MiB", "1.00 MiB", ""))
        .withCode(Codes.WG_ALLOWED_IPS_OVERLAP).get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(run(Phase.UNNAMED, wg("203.0.113.4:51820", "10.60.0.10/32", "10.60.0.20/32", "1.00 MiB", "1.00 MiB", ""))
        .has(Codes.WG_ALLOWED_IPS_OVERLAP)).isFalse();
  }

  @Test
  void keepaliveMissingBehindNatAndOneWayTraffic() throws ParseException {
    assertThat(run(Phase.UNNAMED, wg("192.168.1.20:51820", "10.60.0.10/32", "10.60.0.20/32", "1.00 MiB", "1.00 MiB", ""))
        .has(Codes.PEER_KEEPALIVE_MISSING)).isTrue();
    assertThat(run(Phase.UNNAMED, wg("192.168.1.20:51820", "10.60.0.10/32", "10.60.0.20/32", "1.00 MiB", "1.00 MiB",
        "  persistent keepalive: every 25 seconds")).has(Codes.PEER_KEEPALIVE_MISSING)).isFalse();
    assertThat(run(Phase.UNNAMED, wg("203.0.113.4:51820", "10.60.0.10/32", "10.60.0.20/32", "0 B", "48.00 MiB", ""))
        .has(Codes.PEER_ONE_WAY)).isTrue();
    assertThat(run(Phase.UNNAMED, wg("203.0.113.4:51820", "10.60.0.10/32", "10.60.0.20/32", "2.00 MiB", "48.00 MiB", ""))
        .has(Codes.PEER_ONE_WAY)).isFalse();
  }

  @Test
  void endpointChangedBetweenCaptures() throws ParseException {
    String before = wg("203.0.113.4:51820", "10.60.0.10/32", "10.60.0.20/32", "1.00 MiB", "1.00 MiB", "");
    Report moved = beforeAfter(before, before.replace("203.0.113.4:51820", "203.0.113.99:40211"));
    assertThat(moved.has(Codes.PEER_ENDPOINT_CHANGED)).isTrue();
    assertThat(beforeAfter(before, before).has(Codes.PEER_ENDPOINT_CHANGED)).isFalse();
  }

  @Test
  void fifoOnTheUnderlayEgress() throws ParseException {
    String tc = "$ tc qdisc show dev eth0\nqdisc KIND 0: root refcnt 2 limit 1000p\n";
    assertThat(run(Phase.UNNAMED, tc.replace("KIND", "pfifo")).has(Codes.QUEUE_FIFO)).isTrue();
    assertThat(run(Phase.UNNAMED, tc.replace("KIND", "fq_codel")).has(Codes.QUEUE_FIFO)).isFalse();
  }

  @Test
  void mssClampMissingOnAForwardingGateway() throws ParseException {
    String base = "$ sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = FWD\n$ iptables -t mangle -S\n-P FORWARD ACCEPT\nRULE";
    assertThat(run(Phase.UNNAMED, base.replace("FWD", "1").replace("RULE", "")).has(Codes.MTU_MSS_CLAMP_MISSING)).isTrue();
    assertThat(run(Phase.UNNAMED, base.replace("FWD", "1").replace("RULE",
        "-A FORWARD -o wg0 -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu\n")).has(Codes.MTU_MSS_CLAMP_MISSING)).isFalse();
    assertThat(run(Phase.UNNAMED, base.replace("FWD", "0").replace("RULE", "")).has(Codes.MTU_MSS_CLAMP_MISSING)).isFalse();
  }

  @Test
  void rpFilterStrictWithPolicyRouting() throws ParseException {
    String t = "$ sysctl net.ipv4.conf.all.rp_filter\nnet.ipv4.conf.all.rp_filter = RP\n"
        + "$ ip rule show\n0:\tfrom all lookup local\n1000:\tfrom 10.60.0.0/24 lookup 100\n32766:\tfrom all lookup main\n";
    assertThat(run(Phase.UNNAMED, t.replace("RP", "1")).has(Codes.ROUTE_RP_FILTER_STRICT)).isTrue();
    assertThat(run(Phase.UNNAMED, t.replace("RP", "2")).has(Codes.ROUTE_RP_FILTER_STRICT)).isFalse();
  }

  @Test
  void offloadSuspectOnlyWithSymptoms() throws Exception {
    assertThat(Cases.analyze("cases/mistake6-offloads-after-update.txt").has(Codes.NIC_OFFLOAD_SUSPECT)).isTrue();
    assertThat(Cases.analyze("seed/task15.txt").has(Codes.NIC_OFFLOAD_SUSPECT)).isFalse();
  }

  @Test
  void conntrackNearMiss() throws Exception {
    assertThat(Cases.analyze("cases/mistake7-firewall-gateway-conntrack").has(Codes.CONNTRACK_PRESSURE)).isTrue();
    assertThat(Cases.analyze("seed/task14.txt").has(Codes.CONNTRACK_PRESSURE)).isFalse();
  }

  @Test
  void allowedIpsGapNearMiss() throws ParseException {
    String t = wg("203.0.113.4:51820", "10.60.0.10/32, 10.70.0.0/16", "10.60.0.20/32", "1.00 MiB", "1.00 MiB", "")
        + "$ ip route show\n10.70.0.0/24 dev wg0 scope link\n";
    assertThat(run(Phase.UNNAMED, t).has(Codes.WG_ALLOWED_IPS_GAP)).isFalse(); // inside 10.70.0.0/16
    assertThat(run(Phase.UNNAMED, t.replace("10.70.0.0/24 dev", "10.71.0.0/24 dev")).has(Codes.WG_ALLOWED_IPS_GAP)).isTrue();
  }

  @Test
  void bufferbloatNearMiss() throws Exception {
    assertThat(Cases.analyze("cases/story-fifo-queueing").has(Codes.QUEUE_BUFFERBLOAT)).isTrue();
    // 12 ms idle, 30 ms loaded: 2.5 times, below the threshold of 3
    String idle = "$ ping -c 3 10.60.0.10\nPING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n\n--- 10.60.0.10 ping statistics ---\n"
        + "3 packets transmitted, 3 received, 0% packet loss, time 2002ms\nrtt min/avg/max/mdev = AVG/AVG/AVG/0.1 ms\n";
    TranscriptParser p = TranscriptParser.standard();
    Report r = Analysis.standard().run(Case.builder()
        .local(Phase.BEFORE, p.parse(idle.replace("AVG", "12.0"), true), "idle.txt")
        .local(Phase.DURING, p.parse(idle.replace("AVG", "30.0"), true), "loaded.txt").build());
    assertThat(r.has(Codes.QUEUE_BUFFERBLOAT)).isFalse();
  }

  private static final String QDISC = "$ tc -s qdisc show dev eth0\nqdisc fq_codel 0: root refcnt 2 limit 10240p\n"
      + " Sent 1000000 bytes PKT pkt (dropped DROP, overlimits 0 requeues 0)\n backlog 0b 0p requeues 0\n";

  @Test
  void qdiscDropsRelativeToPacketsSent() throws ParseException {
    Report rising = beforeAfter(QDISC.replace("PKT", "10000").replace("DROP", "0"), QDISC.replace("PKT", "20000").replace("DROP", "500"));
    assertThat(rising.withCode(Codes.QUEUE_QDISC_DROPS).get(0).severity()).isEqualTo(Severity.WARNING);
    Report flat = beforeAfter(QDISC.replace("PKT", "10000").replace("DROP", "3"), QDISC.replace("PKT", "20000").replace("DROP", "3"));
    assertThat(flat.has(Codes.QUEUE_QDISC_DROPS)).isFalse();
  }

  private static final String LINK = """
      $ ip -s link show eth0
      2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000
          link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
          RX:  bytes packets errors dropped  missed   mcast
          90000000   PKTS      0   DROPS       0       0
          TX:  bytes packets errors dropped carrier collsns
          80000000   70000      0       0       0       0
      """;

  @Test
  void nicRxDropsRiseUnderLoad() throws ParseException {
    Report rising = beforeAfter(LINK.replace("PKTS", "100000").replace("DROPS", "10"), LINK.replace("PKTS", "200000").replace("DROPS", "900"));
    assertThat(rising.withCode(Codes.NIC_RX_DROPS).get(0).severity()).isEqualTo(Severity.WARNING);
    Report flat = beforeAfter(LINK.replace("PKTS", "100000").replace("DROPS", "10"), LINK.replace("PKTS", "200000").replace("DROPS", "10"));
    assertThat(flat.has(Codes.NIC_RX_DROPS)).isFalse();
  }

  @Test
  void retransmitsOnlyAboveTheInfoRatio() throws ParseException {
    String ss = "$ ss -ti\nESTAB 0 0 10.60.0.1:40000 10.60.0.10:5201\n\t cubic rtt:20/1 mss:1368 data_segs_out:100000 retrans:0/RETR\n";
    assertThat(run(Phase.DURING, ss.replace("RETR", "500")).has(Codes.TCP_RETRANSMITS)).isTrue();
    assertThat(run(Phase.DURING, ss.replace("RETR", "50")).has(Codes.TCP_RETRANSMITS)).isFalse(); // 0.05% < 0.1%
  }
}
