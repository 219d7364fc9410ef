package io.wgdiag.parsers.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.ping.PingResult;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/** An interactive ping stopped with Ctrl-C: the terminal's {@code ^C} echo, read strictly from real pastes. */
class PingCtrlCPasteTest {

  private final PingParser parser = new PingParser();

  @Test
  void iputilsCtrlCAloneBeforeTheStatistics() throws ParseException {
    PingResult r = parser.parse(Fixtures.read("pastes/ping/ctrl-c-iputils-rtw89-139.txt"));
    assertThat(r.interrupted()).isTrue();
    assertThat(r.replies()).hasSize(4);
    assertThat(r.replies().get(1).timeMillis()).hasValue(94.2);
    assertThat(r.transmitted()).hasValue(5);
    assertThat(r.received()).hasValue(4);
    assertThat(r.lossPercent()).hasValue(20);
    assertThat(r.rttMaxMillis()).hasValue(302.777);
  }

  @Test
  void busyboxCtrlC() throws ParseException {
    // the paste's first line is the busybox shell's "/ # ping localhost" prompt
    String text = Fixtures.read("pastes/transcript/ping-ctrl-c-busybox-tmo-monitor-46.txt");
    assertThat(text).startsWith("/ # ping localhost\n");
    PingResult r = parser.parse(text.substring(text.indexOf('\n') + 1));
    assertThat(r.interrupted()).isTrue();
    assertThat(r.replies()).hasSize(2);
    assertThat(r.replies().get(0).seq()).isEqualTo(0);
    assertThat(r.received()).hasValue(2);
    assertThat(r.rttAvgMillis()).hasValue(0.801);
  }

  @Test
  void echoOnTheReplyLineOrGluedToTheHeading() throws ParseException {
    PingResult glued = parser.parse("""
        PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
        64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms
        ^C--- 10.0.0.1 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.045/0.045/0.045/0.000 ms
        """);
    assertThat(glued.interrupted()).isTrue();
    assertThat(glued.transmitted()).hasValue(1);
    PingResult onReply = parser.parse("""
        PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
        64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms^C
        """);
    assertThat(onReply.interrupted()).isTrue();
    assertThat(onReply.replies().get(0).timeMillis()).hasValue(0.045);
    PingResult counted = parser.parse("""
        PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
        64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms
        """);
    assertThat(counted.interrupted()).isFalse();
  }
}
