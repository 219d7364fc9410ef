package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The loss between the two ends is attributed to the drop sites the counters show before the path
 * is blamed: the sender's qdisc, the receiver's UDP socket, and only the rest on the path. The cases
 * are two-ended transcripts in the shape the lab records (wg show dump, tc -s qdisc,
 * /proc/net/snmp, ip route get), before and after one load.
 */
class LossAttributionTest {

  /** The counters of one end at one phase. */
  record End(long wgTx, long wgRx, long qdiscSent, long qdiscDropped, long udpOut, long udpIn, long rcvbuf,
      long inErrors, long sndbuf, long tcpOut, long tcpRetrans) {}

  private static final String LOCAL_KEY = "y1QTrj3lJpQBr0FltdnwVAJQrq4peWW0to8Pczv6uWM=";
  private static final String REMOTE_KEY = "a/ajmp4ANDwdT/HGdvOplEukh2tWkrJIi2ZpIxBichk=";

  static String transcript(boolean local, End e) {
    String me = local ? LOCAL_KEY : REMOTE_KEY;
    String peer = local ? REMOTE_KEY : LOCAL_KEY;
    String dev = local ? "la0" : "lb0";
    String endpoint = local ? "198.51.100.2" : "192.0.2.1";
    String wg = local ? "wglaba0" : "wglabb0";
    return String.format(Locale.ROOT, """
        $ wg show %s dump
        (hidden)\t%s\t51820\toff
        %s\t(none)\t%s:51820\t%s/32\t1795564555\t%d\t%d\t25
        $ ip route get %s
        %s via 10.9.9.254 dev %s src 10.9.9.1 uid 0
            cache
        $ tc -s qdisc show
        qdisc tbf 8006: dev %s root refcnt 3 rate 20Mbit burst 16Kb lat 1.45ms
         Sent %d bytes %d pkt (dropped %d, overlimits 0 requeues 0)
         backlog 0b 0p requeues 0
        $ cat /proc/net/snmp
        Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
        Tcp: 1 200 120000 -1 7 0 0 4 0 9255 %d %d 0 0 0
        Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
        Udp: %d 0 %d %d %d %d 0 0 0
        """, wg, me, peer, endpoint, local ? "10.60.0.10" : "10.60.0.1", e.wgRx, e.wgTx, endpoint, endpoint, dev, dev,
        e.qdiscSent * 1000, e.qdiscSent, e.qdiscDropped, e.tcpOut, e.tcpRetrans, e.udpIn, e.inErrors, e.udpOut, e.rcvbuf, e.sndbuf);
  }

  static Case twoEnded(End localBefore, End localAfter, End remoteBefore, End remoteAfter) throws ParseException {
    TranscriptParser p = TranscriptParser.standard();
    return Case.builder()
        .tunnelInterface("wglaba0")
        .peerTunnelAddress("10.60.0.10")
        .local(Phase.BEFORE, p.parse(transcript(true, localBefore), true), "local/before/all.txt")
        .local(Phase.AFTER, p.parse(transcript(true, localAfter), true), "local/after/all.txt")
        .remote(Phase.BEFORE, p.parse(transcript(false, remoteBefore), true), "remote/before/all.txt")
        .remote(Phase.AFTER, p.parse(transcript(false, remoteAfter), true), "remote/after/all.txt")
        .build();
  }

  static final End ZERO = new End(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** local sent {@code sent} WireGuard packets of 1000 B; remote got {@code sent - lost} of them. */
  static Case load(long sent, long lost, long qdiscDrops, long sndbuf, long rcvbuf, long tcpRetrans) throws ParseException {
    // the receiver's acknowledgements come back: 1 packet of 100 B for every 2 received
    long acks = (sent - lost) / 2;
    // a datagram refused with ENOBUFS (a qdisc drop among them) is a SndbufError, not an OutDatagram
    End la = new End(sent * 1000, acks * 100, sent + 10, qdiscDrops, sent - sndbuf, acks, 0, 0, sndbuf, sent, tcpRetrans);
    End ra = new End(acks * 100, (sent - lost) * 1000, acks, 0, acks, sent - lost, rcvbuf, rcvbuf, 0, 0, 0);
    return twoEnded(ZERO, la, ZERO, ra);
  }

  private static LossAttribution outbound(Report r) {
    return r.lossAttributions().stream().filter(a -> a.direction() == Direction.LOCAL_TO_REMOTE).findFirst().orElseThrow();
  }

  @Test
  void theSendersOwnQdiscAccountsForTheGapAndThePathIsNotBlamed() throws Exception {
    // 3.1% of 10 000 packets missing at the far end; the sender's tbf dropped exactly those
    Report r = Analysis.standard().run(load(10_000, 310, 310, 310, 0, 400));
    LossAttribution a = outbound(r);
    assertThat(a.gapPackets()).isEqualTo(310);
    assertThat(a.meanPacketBytes()).isEqualTo(1000.0);
    assertThat(a.sites()).extracting(DropSite::code).contains(Codes.QUEUE_QDISC_DROPS);
    assertThat(a.sites().get(0).attributedPackets()).isEqualTo(310);
    // the qdisc drop is also a send-buffer error: counted once
    assertThat(a.sites()).filteredOn(s -> s.site().startsWith("Udp SndbufErrors")).extracting(DropSite::attributedPackets)
        .containsExactly(0L);
    assertThat(a.residualPackets()).isZero();
    assertThat(a.unexplained()).isFalse();
    assertThat(r.has(Codes.PATH_LOSS)).isFalse();
    Finding top = r.top().orElseThrow();
    assertThat(top.code()).isEqualTo(Codes.QUEUE_QDISC_DROPS);
    assertThat(top.where()).isEqualTo(Location.LOCAL);
    assertThat(top.evidence()).anyMatch(e -> e.fact().contains("accounts for 310 of the 310 packets local → remote"));
    // the retransmits the drops cause sit under their cause, with the reason
    assertThat(top.absorbed()).extracting(Absorbed::code).contains(Codes.TCP_RETRANSMITS);
    assertThat(r.ruledOut()).anyMatch(x -> x.check().startsWith("loss on the path, local → remote"));
  }

  @Test
  void theReceiversSocketBufferAccountsForTheGap() throws Exception {
    Report r = Analysis.standard().run(load(20_000, 300, 0, 0, 300, 450));
    LossAttribution a = outbound(r);
    assertThat(a.gapPackets()).isEqualTo(300);
    assertThat(a.sites()).singleElement().satisfies(s -> {
      assertThat(s.host()).isEqualTo(Host.REMOTE);
      assertThat(s.code()).isEqualTo(Codes.UDP_BUFFER_ERRORS);
      assertThat(s.attributedPackets()).isEqualTo(300);
    });
    assertThat(r.has(Codes.PATH_LOSS)).isFalse();
    Finding top = r.top().orElseThrow();
    assertThat(top.code()).isEqualTo(Codes.UDP_BUFFER_ERRORS);
    assertThat(top.host()).isEqualTo(Host.REMOTE);
    // a cause on the remote end explains the local sender's retransmits for traffic in its direction
    assertThat(top.absorbed()).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(Codes.TCP_RETRANSMITS);
      assertThat(x.host()).isEqualTo(Host.LOCAL);
      assertThat(x.reason()).contains("local → remote");
    });
  }

  @Test
  void onlyTheResidualBeyondTheToleranceIsBlamedOnThePath() throws Exception {
    Report r = Analysis.standard().run(load(10_000, 500, 120, 120, 0, 600));
    LossAttribution a = outbound(r);
    assertThat(a.gapPackets()).isEqualTo(500);
    assertThat(a.attributedPackets()).isEqualTo(120);
    assertThat(a.residualPackets()).isEqualTo(380);
    assertThat(a.tolerancePackets()).isEqualTo(100); // 1% of 10 000 sent
    assertThat(a.unexplained()).isTrue();
    Finding loss = r.findings().stream().filter(f -> f.code().equals(Codes.PATH_LOSS)).findFirst().orElseThrow();
    assertThat(loss.where()).isEqualTo(Location.PATH);
    assertThat(loss.title()).contains("380 packets");
    // the local qdisc still stands as its own finding for its share
    assertThat(r.has(Codes.QUEUE_QDISC_DROPS)).isTrue();
  }

  @Test
  void aGapWithinTheToleranceRulesThePathOut() throws Exception {
    Report r = Analysis.standard().run(load(10_000, 20, 0, 0, 0, 0));
    LossAttribution a = outbound(r);
    assertThat(a.residualPackets()).isEqualTo(20);
    assertThat(a.unexplained()).isFalse();
    assertThat(r.has(Codes.PATH_LOSS)).isFalse();
    assertThat(r.ruledOut()).anyMatch(x -> x.check().equals("loss between the ends, local → remote"));
  }

  /** The decomposition always adds up, whatever the counters. */
  @Property(tries = 60)
  void theRowsAddUpToTheGap(@ForAll @LongRange(min = 1000, max = 1_000_000) long sent,
      @ForAll @IntRange(min = 0, max = 100) int lostPercent, @ForAll @LongRange(min = 0, max = 50_000) long qdisc,
      @ForAll @LongRange(min = 0, max = 50_000) long sndbuf, @ForAll @LongRange(min = 0, max = 50_000) long rcvbuf)
      throws Exception {
    long lost = sent * lostPercent / 100;
    Report r = Analysis.standard().run(load(sent, lost, qdisc, Math.min(sndbuf, sent), rcvbuf, 0));
    LossAttribution a = outbound(r);
    long sum = a.sites().stream().mapToLong(DropSite::attributedPackets).sum();
    assertThat(sum + a.residualPackets()).isEqualTo(a.gapPackets());
    assertThat(a.gapPackets()).isEqualTo(lost);
    for (DropSite s : a.sites()) {
      assertThat(s.attributedPackets()).isBetween(0L, s.packets());
      assertThat(s.attributedBytes()).isEqualTo(Math.round(s.attributedPackets() * a.meanPacketBytes()));
    }
    assertThat(r.has(Codes.PATH_LOSS)).isEqualTo(a.unexplained() && lost > 0);
  }
}
