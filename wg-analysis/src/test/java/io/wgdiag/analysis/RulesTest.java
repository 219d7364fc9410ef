package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each rule fires on evidence that shows its problem and stays quiet on a near miss. */
class RulesTest {

  private static Case local(String transcript) throws ParseException {
    return Case.builder().local(Phase.UNNAMED, TranscriptParser.standard().parse(transcript, true), "t.txt").build();
  }

  private static Report run(String transcript) throws ParseException {
    return Analysis.standard().run(local(transcript));
  }

  private static final String WG_PEER = """
      $ wg show wg0
      interface: wg0
        public key: AAA=
        listening port: 51820

      peer: BBB=
        endpoint: 203.0.113.44:51820
        allowed ips: 10.60.0.10/32
        latest handshake: 5 seconds ago
        transfer: 1.00 MiB received, 2.00 MiB sent
      """;

  @Test
  void notViaTunnelFiresWhenTheLookupLeavesByAnotherDevice() throws ParseException {
    Report bad = run(WG_PEER + "$ ip route get 10.60.0.10\n10.60.0.10 via 192.0.2.1 dev eth0 src 192.0.2.7 uid 0\n    cache\n");
    assertThat(bad.top().orElseThrow().code()).isEqualTo(Codes.ROUTE_NOT_VIA_TUNNEL);
    assertThat(bad.top().orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(bad.top().orElseThrow().evidence().get(0).source()).isEqualTo("t.txt:12");
    Report ok = run(WG_PEER + "$ ip route get 10.60.0.10\n10.60.0.10 dev wg0 src 10.60.0.1 uid 0\n    cache\n");
    assertThat(ok.has(Codes.ROUTE_NOT_VIA_TUNNEL)).isFalse();
  }

  @Test
  void mismatchUsesTheOverheadOfTheEndpointFamily() throws ParseException {
    String links = "$ ip link show\n7: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu %d qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/none\n"
        + "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n"
        + "$ ip route show\ndefault via 192.0.2.1 dev eth0\n";
    assertThat(run(WG_PEER + String.format(Locale.ROOT, links, 1500)).top().orElseThrow().code()).isEqualTo(Codes.MTU_MISMATCH);
    assertThat(run(WG_PEER + String.format(Locale.ROOT, links, 1441)).has(Codes.MTU_MISMATCH)).isTrue(); // 1500 − 60 = 1440
    assertThat(run(WG_PEER + String.format(Locale.ROOT, links, 1440)).has(Codes.MTU_MISMATCH)).isFalse(); // near miss
    String v6 = WG_PEER.replace("203.0.113.44:51820", "[2001:db8::44]:51820");
    assertThat(run(v6 + String.format(Locale.ROOT, links, 1440)).has(Codes.MTU_MISMATCH)).isTrue(); // IPv6: 1500 − 80 = 1420
    assertThat(run(v6 + String.format(Locale.ROOT, links, 1420)).has(Codes.MTU_MISMATCH)).isFalse();
  }

  @Test
  void blackholeNeedsAPassingSmallerProbe() throws ParseException {
    String silent = "$ ping -M do -s 1372 -c 3 10.60.0.10\nPING 10.60.0.10 (10.60.0.10) 1372(1400) bytes of data.\n\n"
        + "--- 10.60.0.10 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2041ms\n";
    String pass = "$ ping -M do -s 1292 -c 3 10.60.0.10\nPING 10.60.0.10 (10.60.0.10) 1292(1320) bytes of data.\n"
        + "1300 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=21.8 ms\n\n--- 10.60.0.10 ping statistics ---\n"
        + "1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 21.8/21.8/21.8/0.0 ms\n";
    Report r = run(WG_PEER + silent + pass);
    Finding f = r.top().orElseThrow();
    assertThat(f.code()).isEqualTo(Codes.MTU_BLACKHOLE);
    assertThat(f.actions().get(0).apply()).containsExactly("ip link set dev wg0 mtu " + (1320 - 20));
    assertThat(run(WG_PEER + silent).has(Codes.MTU_BLACKHOLE)).isFalse(); // a dead host, not a blackhole
    String fragNeeded = silent.replace("bytes of data.\n\n", "bytes of data.\nFrom 192.0.2.254 icmp_seq=1 Frag needed and DF set (mtu = 1300)\n\n")
        .replace("100% packet loss", "+1 errors, 100% packet loss");
    assertThat(run(WG_PEER + fragNeeded + pass).has(Codes.MTU_BLACKHOLE)).isFalse(); // the path reports: PMTUD works
  }

  @Test
  void cpuPinnedAndItsNearMiss() throws ParseException {
    String mp = """
        $ mpstat -P ALL 1 1
        Linux 6.1.0 (gw) \t11/24/2026 \t_x86_64_\t(2 CPU)

        10:00:00     CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle
        10:00:01     all   20.00    0.00   20.00    0.00    0.00   SA    0.00    0.00    0.00   IA
        10:00:01       0   10.00    0.00   10.00    0.00    0.00   S0    0.00    0.00    0.00   I0
        10:00:01       1   30.00    0.00   30.00    0.00    0.00    5.00    0.00    0.00    0.00   35.00
        """;
    Report pinned = run(mp.replace("SA", "32.50").replace("IA", "27.50").replace("S0", "60.00").replace("I0", "20.00"));
    assertThat(pinned.top().orElseThrow().code()).isEqualTo(Codes.CPU_PINNED);
    Report near = run(mp.replace("SA", "27.00").replace("IA", "33.00").replace("S0", "49.00").replace("I0", "31.00")); // 49% < 50%
    assertThat(near.has(Codes.CPU_PINNED)).isFalse();
  }

  @Test
  void thresholdsAreOverridable() throws ParseException {
    Case c = local("$ ping -c 20 203.0.113.44\nPING 203.0.113.44 (203.0.113.44) 56(84) bytes of data.\n"
        + "64 bytes from 203.0.113.44: icmp_seq=1 ttl=53 time=20.0 ms\n\n--- 203.0.113.44 ping statistics ---\n"
        + "200 packets transmitted, 199 received, 0.5% packet loss, time 19000ms\nrtt min/avg/max/mdev = 19.0/20.0/21.0/0.5 ms\n");
    assertThat(Analysis.standard().run(c).top().orElseThrow().severity()).isEqualTo(Severity.INFO);
    Analysis strict = Analysis.builder().config(AnalysisConfig.builder().underlayLossWarnPercent(0.1).build()).build();
    assertThat(strict.run(c).top().orElseThrow().severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void playbookOrderBreaksSeverityTies() throws Exception {
    Report r = Analysis.standard().run(Case.builder()
        .local(Phase.UNNAMED, TranscriptParser.standard().parse(
            java.nio.file.Files.readString(Cases.path("cases/mistake3-one-site-underlay-loss.txt"))
                + java.nio.file.Files.readString(Cases.path("cases/mistake5-asymmetric-policy-routing.txt"))
                + java.nio.file.Files.readString(Cases.path("cases/mistake6-offloads-after-update.txt")), true), "all.txt")
        .build());
    java.util.List<Category> order = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::category).toList();
    assertThat(order).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(order).contains(Category.CPU, Category.ROUTING, Category.LOSS);
  }

  @Test
  void bothEndsTransferCountersRevealPathLoss() throws ParseException {
    String dumpLocal = "$ wg show wg0 dump\nPRIV=\tAAA=\t51820\toff\nBBB=\t(none)\t203.0.113.44:51820\t10.60.0.10/32\t1795000000\t%d\t%d\toff\n";
    String dumpRemote = "$ wg show wg0 dump\nPRIV2=\tBBB=\t51820\toff\nAAA=\t(none)\t198.51.100.7:51820\t10.60.0.1/32\t1795000000\t%d\t%d\toff\n";
    TranscriptParser p = TranscriptParser.standard();
    Case c = Case.builder()
        .local(Phase.BEFORE, p.parse(String.format(Locale.ROOT, dumpLocal, 1000, 1000), true), "local/before/wg.txt")
        .local(Phase.AFTER, p.parse(String.format(Locale.ROOT, dumpLocal, 2_000_000, 100_001_000), true), "local/after/wg.txt")
        .remote(Phase.BEFORE, p.parse(String.format(Locale.ROOT, dumpRemote, 1000, 1000), true), "remote/before/wg.txt")
        .remote(Phase.AFTER, p.parse(String.format(Locale.ROOT, dumpRemote, 95_001_000, 2_001_000), true), "remote/after/wg.txt")
        .build();
    Report r = Analysis.standard().run(c);
    Finding f = r.withCode(Codes.PATH_LOSS).get(0);
    assertThat(f.title()).contains("5.0%");
    assertThat(f.where()).isEqualTo(Location.PATH);
    assertThat(f.evidence()).extracting(Evidence::source).containsExactly("local/before/wg.txt:1", "remote/before/wg.txt:1",
        "(attribution)");
    assertThat(f.evidence().get(0).fact()).contains("100000000 B").contains("local/after/wg.txt:1");
    // the report carries no key material: the private keys never reached a model
    assertThat(r.toString()).doesNotContain("PRIV=").doesNotContain("PRIV2=");
  }

  @Test
  void healthyEvidenceRaisesNoWarning() throws Exception {
    for (String healthy : new String[] {"seed/task01.txt", "seed/task02.txt", "seed/task06.txt", "seed/task12.txt", "seed/task13.txt",
        "seed/task14.txt", "seed/task15.txt"}) {
      assertThat(Cases.analyze(healthy).findings()).as(healthy).noneMatch(f -> f.severity().atLeast(Severity.WARNING));
    }
  }
}
