package io.wgdiag.parsers.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.ping.PingError;
import io.wgdiag.model.ping.PingReply;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PingParserTest {
  private final PingParser parser = new PingParser();

  private static PingResult fixture(String name) throws ParseException {
    return new PingParser().parse(Fixtures.read("fixtures/ping/" + name));
  }

  @Test
  void seedTask03UnderlayBaselineWithASpike() throws ParseException {
    PingResult r = TranscriptParser.standard().parse(Fixtures.read("seed/task03.txt"), true)
        .blocks().get(0).model(PingResult.class).orElseThrow();
    assertThat(r.target()).hasValue("203.0.113.44");
    assertThat(r.payloadBytes()).hasValue(56);
    assertThat(r.packetBytes()).hasValue(84);
    assertThat(r.replies()).extracting(PingReply::timeMillis).extracting(t -> t.orElseThrow())
        .containsExactly(19.8, 20.4, 19.9, 62.1, 20.2);
    assertThat(r.replies().get(3).ttl()).hasValue(53);
    assertThat(r.transmitted()).hasValue(5);
    assertThat(r.received()).hasValue(5);
    assertThat(r.lossPercent()).hasValue(0.0);
    assertThat(r.timeMillis()).hasValue(4005);
    assertThat(r.rttAvgMillis()).hasValue(28.5);
    assertThat(r.rttMaxMillis()).hasValue(62.1);
    assertThat(r.rttMdevMillis()).hasValue(16.8);
  }

  @Test
  void seedTask07DfLadderPassAndLocalError() throws ParseException {
    ParsedTranscript t = TranscriptParser.standard().parse(Fixtures.read("seed/task07.txt"), true);
    PingResult pass = t.blocks().get(0).model(PingResult.class).orElseThrow();
    assertThat(pass.payloadBytes()).hasValue(1372);
    assertThat(pass.packetBytes()).hasValue(1400);
    assertThat(pass.replies()).hasSize(3).allSatisfy(r -> assertThat(r.bytes()).isEqualTo(1380));
    assertThat(pass.lossPercent()).hasValue(0.0);
    PingResult fail = t.blocks().get(1).model(PingResult.class).orElseThrow();
    assertThat(fail.packetBytes()).hasValue(1440);
    assertThat(fail.replies()).isEmpty();
    assertThat(fail.errors()).hasSize(3).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(PingError.Kind.LOCAL_MESSAGE_TOO_LONG);
      assertThat(e.mtuBytes()).hasValue(1420);
      assertThat(e.from()).isEmpty();
    });
    assertThat(fail.errorCount()).isEqualTo(3);
    assertThat(fail.lossPercent()).hasValue(100.0);
    assertThat(fail.rttAvgMillis()).isEmpty();
  }

  @Test
  void realFragNeededBlackholeAndUnreachable() throws ParseException {
    PingResult frag = fixture("lab-v4-df-frag-needed.txt");
    PingError first = frag.errors().get(0);
    assertThat(first.kind()).isEqualTo(PingError.Kind.FRAG_NEEDED);
    assertThat(first.mtuBytes()).hasValue(1300);
    assertThat(first.from()).hasValue("192.0.2.254");
    assertThat(first.seq()).hasValue(1);
    assertThat(frag.errors().subList(1, 3)).allSatisfy(e -> assertThat(e.kind()).isEqualTo(PingError.Kind.LOCAL_MESSAGE_TOO_LONG));

    PingResult hole = fixture("lab-v4-df-blackhole.txt");
    assertThat(hole.packetBytes()).hasValue(1400);
    assertThat(hole.errors()).isEmpty();
    assertThat(hole.replies()).isEmpty();
    assertThat(hole.lossPercent()).hasValue(100.0);

    PingResult unreachable = fixture("lab-v4-unreachable.txt");
    assertThat(unreachable.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(PingError.Kind.UNREACHABLE);
      assertThat(e.text()).isEqualTo("Destination Host Unreachable");
    });
    assertThat(unreachable.pipe()).hasValue(4);
  }

  @Test
  void ipv6PacketTooBigAndLocalMtuColonForm() throws ParseException {
    PingResult r = fixture("lab-v6-packet-too-big.txt");
    assertThat(r.isIpv6()).isTrue();
    assertThat(r.payloadBytes()).hasValue(1400);
    assertThat(r.packetBytes()).hasValue(1448);
    assertThat(r.errors().get(0).kind()).isEqualTo(PingError.Kind.PACKET_TOO_BIG);
    assertThat(r.errors().get(0).mtuBytes()).hasValue(1300);
    assertThat(r.errors().get(1).mtuBytes()).hasValue(1300);
    assertThat(fixture("lab-v6-plain.txt").replies()).extracting(PingReply::from).containsOnly("2001:db8:b::2");
  }

  @Test
  void busyboxAndJcVariants() throws ParseException {
    PingResult bb = fixture("lab-busybox-v4.txt");
    assertThat(bb.replies()).extracting(PingReply::seq).containsExactly(0, 1, 2);
    assertThat(bb.received()).hasValue(3);
    assertThat(bb.rttMaxMillis()).hasValue(0.093);
    assertThat(bb.rttMdevMillis()).isEmpty();

    PingResult dup = fixture("jc-centos-7.7-ping-ip-dup.txt");
    assertThat(dup.duplicates()).isEqualTo(19);
    assertThat(dup.pipe()).hasValue(2);
    assertThat(dup.replies().stream().filter(PingReply::duplicate).count()).isEqualTo(19);

    PingResult named = fixture("jc-centos-7.7-ping6-hostname-O-D-p-s.txt");
    assertThat(named.target()).hasValue("www.cnn.com");
    assertThat(named.address()).hasValue("2a04:4e42:2d::323");
    assertThat(named.replies().get(0).timestampSeconds()).hasValue(1594978345.609669);
    assertThat(named.replies().get(0).from()).isEqualTo("2a04:4e42:2d::323");
    assertThat(fixture("jc-centos-7.7-ping6-ip-O-D-p.txt").noAnswerSeqs()).containsExactly(15);

    PingResult missing = fixture("jc-centos-7.7-ping-missing-hostname.txt");
    assertThat(missing.target()).isEmpty();
    assertThat(missing.address()).hasValue("100.68.105.124");

    PingResult dead = fixture("lab-v4-D-O-no-answer.txt");
    assertThat(dead.noAnswerSeqs()).containsExactly(1, 2, 3);
    assertThat(dead.transmitted()).hasValue(4);
  }

  @Test
  void damagedOutputFailsStrictlyAndIsKeptLeniently() throws ParseException {
    String text = Fixtures.read("ping-bad/jc-centos-7.7-ping-ip-O-unparsedlines.txt");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("line 3, column ");
    ParseResult<PingResult> r = parser.parseLenient(text);
    assertThat(r.diagnostics()).extracting(d -> d.line()).isNotEmpty();
    assertThat(r.diagnostics()).anyMatch(d -> d.text().contains("some weird error"));
    assertThat(r.model().transmitted()).hasValue(20);
    long kept = text.lines().filter(l -> l.contains("bytes from") && !l.contains("weird")).count();
    assertThat(r.model().replies()).hasSize((int) kept);
  }

  @Test
  void errorsArePositioned() {
    assertThatThrownBy(() -> parser.parse("PING x (10.0.0.1) 56(84) bytes of data.\n64 bytes from 10.0.0.1: icmp_seq=one ttl=64 time=1 ms\n"))
        .hasMessage("line 2, column 34: expected a sequence number, found 'one'");
    assertThatThrownBy(() -> parser.parse("3 packets transmitted, 3 received, lots% packet loss\n"))
        .hasMessageStartingWith("line 1, column 36: expected the packet loss percentage");
  }

  /** Any run rendered the way iputils prints it reads back to the same numbers. */
  @Property(tries = 200)
  void renderedRunsReadBack(
      @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 99_999) Integer> timesMicros,
      @ForAll @IntRange(min = 0, max = 9000) int payload) throws ParseException {
    StringBuilder sb = new StringBuilder("PING 10.60.0.10 (10.60.0.10) " + payload + "(" + (payload + 28) + ") bytes of data.\n");
    for (int i = 0; i < timesMicros.size(); i++) {
      sb.append(payload + 8).append(" bytes from 10.60.0.10: icmp_seq=").append(i + 1)
          .append(" ttl=64 time=").append(String.format(Locale.ROOT, "%.3f", timesMicros.get(i) / 1000.0)).append(" ms\n");
    }
    int sent = timesMicros.size() + 1;
    sb.append("\n--- 10.60.0.10 ping statistics ---\n").append(sent).append(" packets transmitted, ")
        .append(timesMicros.size()).append(" received, ")
        .append(String.format(Locale.ROOT, "%.4g", 100.0 / sent)).append("% packet loss, time 1000ms\n");
    PingResult r = parser.parse(sb);
    assertThat(r.payloadBytes()).hasValue(payload);
    assertThat(r.replies()).hasSize(timesMicros.size());
    for (int i = 0; i < timesMicros.size(); i++) {
      assertThat(r.replies().get(i).seq()).isEqualTo(i + 1);
      assertThat(r.replies().get(i).timeMillis().orElseThrow()).isCloseTo(timesMicros.get(i) / 1000.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(r.transmitted()).hasValue(sent);
    assertThat(r.lossPercent().orElseThrow()).isCloseTo(100.0 / sent, org.assertj.core.data.Offset.offset(0.01 * 100.0 / sent));
  }
}
