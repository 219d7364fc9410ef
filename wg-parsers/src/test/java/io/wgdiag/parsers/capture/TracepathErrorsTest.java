package io.wgdiag.parsers.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.capture.TracepathResult;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/**
 * tracepath's failed probes as iputils {@code tracepath.c} prints them ({@code recverr}: {@code
 * !H}, {@code !N}, {@code !A}, {@code !P}; {@code probe_ttl}: {@code "%2d:  send failed"}): the
 * source's formats, and real pastes of them (pastes/tracepath, pastes/transcript).
 */
class TracepathErrorsTest {

  private final TracepathParser parser = new TracepathParser();

  @Test
  void unreachableMarksAndSendFailed() throws ParseException {
    TracepathResult r = parser.parse("""
         1?: [LOCALHOST]                      pmtu 1420
         1:  10.60.0.1                                             0.512ms
         2:  192.0.2.1                                             3.101ms !H
         3:  198.51.100.7                                          4.020ms asymm  4 !N
         4:  203.0.113.9                                           5.000ms (This broken router returned corrupted payload) !A
         5:  send failed
         6?: reply received 8)
             Too many hops: pmtu 1420
        """);
    assertThat(r.hops()).hasSize(7);
    assertThat(r.hops().get(1).error()).isEmpty();
    assertThat(r.hops().get(2).error()).hasValue("!H");
    assertThat(r.hops().get(2).rttMillis()).hasValue(3.101);
    assertThat(r.hops().get(3).error()).hasValue("!N");
    assertThat(r.hops().get(3).asymmetricHops()).hasValue(4);
    assertThat(r.hops().get(4).error()).hasValue("!A");
    assertThat(r.hops().get(4).corruptedPayload()).isTrue();
    assertThat(r.hops().get(5).hop()).isEqualTo(5);
    assertThat(r.hops().get(5).error()).hasValue("send failed");
    assertThat(r.hops().get(5).address()).isEmpty();
    assertThat(r.hops().get(6).guessed()).isTrue();
    assertThat(r.hops().get(6).error()).hasValue("reply received");
    assertThat(r.tooManyHops()).isTrue();
  }

  @Test
  void anUnknownBangMarkIsAPositionedError() {
    assertThatThrownBy(() -> parser.parse(" 2:  192.0.2.1   3.101ms !X\n")).isInstanceOf(ParseException.class)
        .hasMessageContaining("line 1").hasMessageContaining("'!X'");
  }

  @Test
  void realPastesWithBangHNoReplyAndSendFailed() throws ParseException {
    // an OpenShift pod: "4:  no reply", then the same TTL answered with !H after 3 s
    TracepathResult pod = parser.parse(io.wgdiag.parsers.Fixtures.read("pastes/tracepath/h-no-reply-openshift-pod.txt"));
    assertThat(pod.hops()).hasSize(7);
    assertThat(pod.hops().get(5).hop()).isEqualTo(4);
    assertThat(pod.hops().get(5).address()).isEmpty();
    assertThat(pod.hops().get(6).address()).hasValue("10.89.97.168");
    assertThat(pod.hops().get(6).rttMillis()).hasValue(3087.371);
    assertThat(pod.hops().get(6).error()).hasValue("!H");
    assertThat(pod.hops().get(1).asymmetricHops()).hasValue(2);
    // an Ubuntu forum paste (2011): no reply hops, then !H from the destination's name
    io.wgdiag.parsers.transcript.ParsedTranscript t = io.wgdiag.parsers.transcript.TranscriptParser.standard()
        .parse(io.wgdiag.parsers.Fixtures.read("pastes/transcript/tracepath-no-reply-h-ubuntuforums-2011.txt"), true);
    TracepathResult forum = t.blocks().get(0).model(TracepathResult.class).orElseThrow();
    assertThat(forum.hops().get(forum.hops().size() - 1).error()).hasValue("!H");
    assertThat(forum.hops().get(forum.hops().size() - 1).address()).hasValue("seamframework.org");
    assertThat(forum.hops().stream().filter(h -> h.address().isEmpty()).count()).isEqualTo(4);
  }
}
