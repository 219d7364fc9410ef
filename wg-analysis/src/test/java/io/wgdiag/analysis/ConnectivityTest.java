package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Checklist A first: a tunnel that carries nothing is a connectivity finding, never loss. */
class ConnectivityTest {

  private static final String LOCAL_KEY = "y1QTrj3lJpQBr0FltdnwVAJQrq4peWW0to8Pczv6uWM=";
  private static final String REMOTE_KEY = "a/ajmp4ANDwdT/HGdvOplEukh2tWkrJIi2ZpIxBichk=";

  static String dump(String me, String peer, String endpoint, String allowed, long handshake, long rx, long tx) {
    return String.format(Locale.ROOT, "$ wg show wg0 dump\n(hidden)\t%s\t51820\toff\n%s\t(none)\t%s\t%s\t%d\t%d\t%d\toff\n",
        me, peer, endpoint, allowed, handshake, rx, tx);
  }

  /** Every finding of the report, kept or absorbed, as code@host. */
  static List<String> everything(Report r) {
    List<String> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      out.add(f.code() + "@" + f.host().label());
      f.absorbed().forEach(a -> out.add(a.code() + "@" + a.host().label()));
    }
    return out;
  }

  @Test
  void aBlockedReturnPathIsADeadTunnelWithItsLikelyCauseNotLoss() throws Exception {
    String now = "1795564555";
    String localDuring = """
        $ ping -c 5 10.60.0.10
        PING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.

        --- 10.60.0.10 ping statistics ---
        5 packets transmitted, 0 received, 100% packet loss, time 4081ms
        $ iperf3 -c 10.60.0.10 -t 4
        iperf3: error - unable to connect to server - server may not be running: Connection timed out
        $ ss -tin dst 10.60.0.10
        State    Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
        SYN-SENT 0      1          10.60.0.1:60056   10.60.0.10:5201
        \t bbr rto:1000 mss:524 pmtu:1420 rcvmss:88 advmss:1380 cwnd:1 segs_out:2 lastsnd:554 unacked:1 retrans:1/1 lost:1
        $ ping -c 10 198.51.100.2
        PING 198.51.100.2 (198.51.100.2) 56(84) bytes of data.
        64 bytes from 198.51.100.2: icmp_seq=1 ttl=63 time=0.120 ms

        --- 198.51.100.2 ping statistics ---
        10 packets transmitted, 10 received, 0% packet loss, time 9000ms
        rtt min/avg/max/mdev = 0.100/0.120/0.140/0.010 ms
        """;
    TranscriptParser p = TranscriptParser.standard();
    Case c = Case.builder()
        .tunnelInterface("wg0").peerTunnelAddress("10.60.0.10").captureTime("2026-11-24T10:00:00Z")
        .local(Phase.BEFORE, p.parse(dump(LOCAL_KEY, REMOTE_KEY, "198.51.100.2:51820", "10.60.0.10/32", 1795564555, 5000, 9000), true), "local/before/wg.txt")
        .local(Phase.DURING, p.parse(localDuring, true), "local/during/all.txt")
        .local(Phase.AFTER, p.parse(dump(LOCAL_KEY, REMOTE_KEY, "198.51.100.2:51820", "10.60.0.10/32", 1795564555, 5000, 409000), true), "local/after/wg.txt")
        .remote(Phase.BEFORE, p.parse(dump(REMOTE_KEY, LOCAL_KEY, "192.0.2.1:51820", "10.60.0.1/32", 1795564555, 9000, 5000), true), "remote/before/wg.txt")
        .remote(Phase.AFTER, p.parse(dump(REMOTE_KEY, LOCAL_KEY, "192.0.2.1:51820", "10.60.0.1/32", 1795564555, 409000, 205000), true), "remote/after/wg.txt")
        .build();
    assertThat(now).isNotEmpty();
    Report r = Analysis.standard().run(c);
    Finding top = r.top().orElseThrow();
    assertThat(top.code()).isEqualTo(Codes.TUNNEL_NO_TRAFFIC);
    assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(top.category()).isEqualTo(Category.CONNECTIVITY);
    assertThat(top.likelyCauses()).extracting(LikelyCause::cause).contains("one way");
    LikelyCause oneWay = top.likelyCauses().stream().filter(x -> x.cause().equals("one way")).findFirst().orElseThrow();
    assertThat(oneWay.explanation()).contains("return path");
    assertThat(top.explanation()).contains("the underlay answers");
    // the SYN-SENT socket's 1/1 retransmit is a connection attempt, never a loss rate
    assertThat(everything(r)).noneMatch(x -> x.startsWith(Codes.TCP_RETRANSMITS));
    // the two-ended gap (remote sent 200 kB that never arrived) is folded under the dead tunnel
    assertThat(r.findings()).noneMatch(f -> f.code().equals(Codes.PATH_LOSS));
    assertThat(everything(r)).contains(Codes.PATH_LOSS + "@remote");
  }

  @Test
  void anEndpointThatNoLongerAnswersIsNamedWithTheOtherEndsNewAddress() throws Exception {
    TranscriptParser p = TranscriptParser.standard();
    String ping = "$ ping -c 4 10.60.0.10\nPING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n\n--- 10.60.0.10 ping statistics ---\n"
        + "4 packets transmitted, 0 received, 100% packet loss, time 3000ms\n"
        + "$ ip route get 198.51.100.2\n198.51.100.2 via 192.0.2.254 dev la0 src 192.0.2.1 uid 0\n    cache\n"
        + "$ ping -c 10 198.51.100.2\nPING 198.51.100.2 (198.51.100.2) 56(84) bytes of data.\n\n--- 198.51.100.2 ping statistics ---\n"
        + "10 packets transmitted, 0 received, 100% packet loss, time 9000ms\n";
    String remote = "$ ip route get 192.0.2.1\n192.0.2.1 via 198.51.100.254 dev lb0 src 198.51.100.3 uid 0\n    cache\n";
    Case c = Case.builder()
        .tunnelInterface("wg0").peerTunnelAddress("10.60.0.10")
        .local(Phase.BEFORE, p.parse(dump(LOCAL_KEY, REMOTE_KEY, "198.51.100.2:51820", "10.60.0.10/32", 1795564555, 5000, 9000), true), "local/before/wg.txt")
        .local(Phase.DURING, p.parse(ping, true), "local/during/ping.txt")
        .local(Phase.AFTER, p.parse(dump(LOCAL_KEY, REMOTE_KEY, "198.51.100.2:51820", "10.60.0.10/32", 1795564555, 5000, 19000), true), "local/after/wg.txt")
        .remote(Phase.UNNAMED, p.parse(remote, true), "remote/route.txt")
        .build();
    Report r = Analysis.standard().run(c);
    Finding top = r.top().orElseThrow();
    assertThat(top.code()).isEqualTo(Codes.TUNNEL_NO_TRAFFIC);
    assertThat(top.likelyCauses()).anySatisfy(x -> {
      assertThat(x.cause()).isEqualTo("endpoint gone after an address change");
      assertThat(x.explanation()).contains("198.51.100.2:51820").contains("198.51.100.3");
    });
  }

  @Test
  void theLabsUnreachablePeerFoldsTheDeadTunnelUnderTheMissingHandshake() throws Exception {
    LoadedEvidence e = Cases.load("lab/peer-unreachable");
    Report r = Analysis.standard().run(e.kase());
    Finding top = r.top().orElseThrow();
    assertThat(top.code()).isEqualTo(Codes.PEER_NO_HANDSHAKE);
    assertThat(top.host()).isEqualTo(Host.LOCAL);
    assertThat(top.absorbed()).anySatisfy(a -> {
      assertThat(a.code()).isEqualTo(Codes.TUNNEL_NO_TRAFFIC);
      assertThat(a.title()).contains("likely: no handshake");
      // the SYN-SENT sockets and the failed load test are its evidence
      assertThat(a.evidence()).anyMatch(x -> x.fact().contains("SYN-SENT"));
    });
    assertThat(everything(r)).noneMatch(x -> x.startsWith(Codes.TCP_RETRANSMITS) || x.startsWith(Codes.PATH_LOSS));
  }

  @Test
  void aTunnelThatAnswersIsRuledOutAsDead() throws Exception {
    LoadedEvidence e = Cases.load("lab/bufferbloat");
    Report r = Analysis.standard().run(e.kase());
    assertThat(everything(r)).doesNotContain(Codes.TUNNEL_NO_TRAFFIC + "@local");
    assertThat(r.ruledOut()).anySatisfy(x -> {
      assertThat(x.check()).isEqualTo("the tunnel carries traffic");
      assertThat(x.host()).isEqualTo(Host.LOCAL);
      assertThat(x.evidence()).isNotEmpty();
    });
  }
}
