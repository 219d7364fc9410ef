package io.wgdiag.parsers.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WgShowParsersTest {
  private final WgShowParser human = new WgShowParser();
  private final WgShowDumpParser dump = new WgShowDumpParser();

  @Test
  void dumpEndpointsReadInPlaceAndTheirErrorsNameTheColumn() throws ParseException {
    String iface = "wg0\t(none)\tPUB0\t51820\toff\n";
    String peer = "wg0\tPUB1\t(none)\t%s\t10.0.0.1/32\t0\t0\t0\toff\n";
    WgShowDumpParser p = new WgShowDumpParser();
    assertThat(p.parse(iface + peer.formatted("[fe80::1%eth0]:51820")).interfaces().get(0).peers().get(0).endpoint())
        .hasValueSatisfying(e -> assertThat(e.host() + " " + e.port()).isEqualTo("fe80::1%eth0 51820"));
    assertThatThrownBy(() -> p.parse(iface + peer.formatted("203.0.113.44:123456")))
        .hasMessage("line 2, column 17: expected a port number after the endpoint address, found '123456'");
    assertThatThrownBy(() -> p.parse(iface + peer.formatted("2001:db8::1:51820")))
        .hasMessage("line 2, column 17: expected an endpoint such as 203.0.113.44:51820, found '2001:db8::1:51820'");
    assertThatThrownBy(() -> p.parse(iface + peer.formatted("[2001:db8::1]51820")))
        .hasMessage("line 2, column 17: expected an endpoint such as [2001:db8::1]:51820, found '[2001:db8::1]51820'");
  }

  @Test
  void readsTheSeedTask02WithIndentationLostAndKeysRedacted() throws ParseException {
    ParsedTranscript t = TranscriptParser.standard().parse(Fixtures.read("seed/task02.txt"), true);
    WgShow s = t.blocks().get(0).model(WgShow.class).orElseThrow();
    WgInterface wg0 = s.iface("wg0").orElseThrow();
    assertThat(wg0.publicKey()).hasValue("2r4...redacted...Kk=");
    assertThat(wg0.listenPort()).hasValue(51820);
    WgPeer p = wg0.peers().get(0);
    assertThat(p.publicKey()).isEqualTo("q0D...redacted...xw=");
    assertThat(p.endpoint().orElseThrow().toString()).isEqualTo("203.0.113.44:51820");
    assertThat(p.endpoint().orElseThrow().isIpv6()).isFalse();
    assertThat(p.allowedIps()).extracting(IpPrefix::toString).containsExactly("10.60.0.10/32", "10.20.0.0/16");
    assertThat(p.latestHandshakeAge()).hasValue(Duration.ofSeconds(28));
    assertThat(p.rxBytes()).isEqualTo(Math.round(18.42 * (1L << 30)));
    assertThat(p.txBytes()).isEqualTo(Math.round(25.11 * (1L << 30)));
    assertThat(p.transferExact()).isFalse();
    assertThat(p.persistentKeepaliveSeconds()).hasValue(25);
    assertThat(p.line()).isEqualTo(4);
  }

  @Test
  void readsARealWireguardGoInterface() throws ParseException {
    WgShow s = human.parse(Fixtures.read("fixtures/wg-show/wireguard-go-one-interface.txt"));
    WgInterface i = s.interfaces().get(0);
    assertThat(i.name()).isEqualTo("wgma0");
    assertThat(i.hasPrivateKey()).isTrue();
    assertThat(i.fwmark()).hasValue(0xca6c);
    WgPeer up = i.peers().get(0);
    assertThat(up.hasPresharedKey()).isTrue();
    assertThat(up.latestHandshakeAge()).hasValue(Duration.ofSeconds(4));
    assertThat(up.rxBytes()).isEqualTo(Math.round(204.61 * 1024));
    WgPeer dead = i.peers().get(1);
    assertThat(dead.hasHandshake()).isFalse();
    assertThat(dead.rxBytes()).isZero();
    assertThat(dead.txBytes()).isEqualTo(296);
    assertThat(dead.persistentKeepaliveSeconds()).isEmpty();
  }

  @Test
  void theHumanFormAndTheDumpOfOneStateAgree() throws ParseException {
    WgShow h = human.parse(Fixtures.read("fixtures/wg-show/wireguard-go-one-interface.txt"));
    WgShow d = dump.parse(Fixtures.read("fixtures/wg-show-dump/wireguard-go-one.txt"));
    WgInterface hi = h.interfaces().get(0);
    WgInterface di = d.iface("wgma0").orElseThrow(); // the single-interface dump prints no name
    assertThat(di.name()).isEmpty();
    assertThat(di.publicKey()).isEqualTo(hi.publicKey());
    assertThat(di.listenPort()).isEqualTo(hi.listenPort());
    assertThat(di.fwmark()).isEqualTo(hi.fwmark());
    for (WgPeer hp : hi.peers()) {
      WgPeer dp = di.peer(hp.publicKey()).orElseThrow();
      assertThat(dp.endpoint()).isEqualTo(hp.endpoint());
      assertThat(dp.allowedIps()).isEqualTo(hp.allowedIps());
      assertThat(dp.persistentKeepaliveSeconds()).isEqualTo(hp.persistentKeepaliveSeconds());
      assertThat(dp.hasPresharedKey()).isEqualTo(hp.hasPresharedKey());
      assertThat(dp.hasHandshake()).isEqualTo(hp.hasHandshake());
      // the human form rounds to two decimals of its unit
      assertThat((double) dp.rxBytes()).isCloseTo(hp.rxBytes(), org.assertj.core.data.Offset.offset(0.006 * 1024 * 1024));
    }
  }

  @Test
  void readsAllDumpsWithInterfaceNames() throws ParseException {
    WgShow s = dump.parse(Fixtures.read("fixtures/wg-show-dump/wireguard-go-all.txt"));
    assertThat(s.interfaces()).extracting(WgInterface::name).containsExactly("wgma1", "wgma0", "wgmb0"); // dump order, not sorted
    WgPeer v6 = s.iface("wgma1").orElseThrow().peers().get(0);
    assertThat(v6.endpoint().orElseThrow().host()).isEqualTo("2001:db8:1::2");
    assertThat(v6.endpoint().orElseThrow().isIpv6()).isTrue();
    assertThat(v6.endpoint().orElseThrow().port()).isEqualTo(51822);
    assertThat(v6.allowedIps()).extracting(IpPrefix::toString).containsExactly("fd00::2/128", "10.61.0.0/24");
    WgPeer live = s.iface("wgma0").orElseThrow().peers().get(0);
    assertThat(live.latestHandshakeEpochSeconds()).hasValue(1795561873L);
    assertThat(live.handshakeAge(Instant.ofEpochSecond(1795561873L + 200))).hasValue(Duration.ofSeconds(200));
    assertThat(live.rxBytes()).isEqualTo(209516);
    assertThat(live.txBytes()).isEqualTo(215112);
  }

  @Test
  void readsTheJcTwoDeviceDump() throws ParseException {
    WgShow s = dump.parse(Fixtures.read("fixtures/wg-show-dump/jc-ubuntu-22.04-two-devices.txt"));
    // hand-made: wg1's interface line appears twice; each starts an entry, as printed
    assertThat(s.interfaces()).extracting(WgInterface::name).containsExactly("wg0", "wg1", "wg1");
    WgInterface wg0 = s.iface("wg0").orElseThrow();
    assertThat(wg0.listenPort()).hasValue(51820);
    assertThat(wg0.fwmark()).isEmpty();
    WgPeer never = wg0.peers().get(2);
    assertThat(never.publicKey()).isEqualTo("pkjVZR5VdfnSFhlWsqnkf+wv/eHGLHzOtKu8v2CvOD5=");
    assertThat(never.endpoint()).isEmpty();
    assertThat(never.hasHandshake()).isFalse();
    assertThat(wg0.peers().get(0).rxBytes()).isEqualTo(1536642);
  }

  @Test
  void humanFormVariants() throws ParseException {
    WgShow s = human.parse("""
        interface: wg0
          public key: (none)
          private key: (none)

        peer: AAAA
          endpoint: [2001:db8::1]:51820
          allowed ips: (none)
          latest handshake: 1 year, 2 days, 1 hour, 2 minutes, 1 second ago
          transfer: 1023 B received, 3.50 TiB sent
          persistent keepalive: every 1 minute, 5 seconds

        peer: BBBB
          allowed ips: 10.0.0.0/8
          latest handshake: Now

        peer: CCCC
          allowed ips: 10.1.0.0/16
          latest handshake: (System clock wound backward; connection problems may ensue.)
        interface: wg1
          listening port: 51821
        """);
    WgInterface wg0 = s.interfaces().get(0);
    assertThat(wg0.publicKey()).hasValue("(none)");
    assertThat(wg0.hasPrivateKey()).isFalse();
    WgPeer a = wg0.peers().get(0);
    assertThat(a.endpoint().orElseThrow().isIpv6()).isTrue();
    assertThat(a.allowedIps()).isEmpty();
    assertThat(a.latestHandshakeAge()).hasValue(Duration.ofSeconds(365L * 86400 + 2 * 86400 + 3600 + 120 + 1));
    assertThat(a.rxBytes()).isEqualTo(1023);
    assertThat(a.txBytes()).isEqualTo(Math.round(3.5 * (1L << 40)));
    assertThat(a.persistentKeepaliveSeconds()).hasValue(65);
    assertThat(wg0.peers().get(1).latestHandshakeAge()).hasValue(Duration.ZERO);
    assertThat(wg0.peers().get(2).clockWoundBackward()).isTrue();
    assertThat(wg0.peers().get(2).hasHandshake()).isTrue();
    assertThat(s.interfaces().get(1).listenPort()).hasValue(51821);
  }

  @Test
  void colouredOutputReadsLikePlainOutput() throws ParseException {
    WgShow color = human.parse(Fixtures.read("fixtures/wg-show/wireguard-go-color.txt"));
    WgShow plain = human.parse(Fixtures.read("fixtures/wg-show/wireguard-go-one-interface.txt"));
    assertThat(color.interfaces().get(0).name()).isEqualTo("wgma0");
    assertThat(color.interfaces().get(0).publicKey()).isEqualTo(plain.interfaces().get(0).publicKey());
    assertThat(color.allPeers()).extracting(WgPeer::publicKey)
        .containsExactlyElementsOf(plain.allPeers().stream().map(WgPeer::publicKey).toList());
    assertThat(color.allPeers()).extracting(WgPeer::allowedIps)
        .containsExactlyElementsOf(plain.allPeers().stream().map(WgPeer::allowedIps).toList());
  }

  @Test
  void errorsNameLineAndColumn() {
    assertThatThrownBy(() -> human.parse("interface: wg0\n  listening port: many\n"))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 2, column 19: expected a port number, found 'many'");
    assertThatThrownBy(() -> human.parse("peer: AAAA\n"))
        .hasMessage("line 1, column 1: expected an 'interface:' line before this peer");
    assertThatThrownBy(() -> human.parse("interface: wg0\npeer: A\n  transfer: 3 parsecs received, 1 B sent\n"))
        .hasMessageStartingWith("line 3, column 13: expected a size in B, KiB, MiB, GiB or TiB, found 'parsecs'");
    assertThatThrownBy(() -> dump.parse("wg0\tK\tP\t51820\toff\nwg0\tP2\t(none)\t(none)\t(none)\tlater\t0\t0\toff\n"))
        .hasMessage("line 2, column 29: expected the latest handshake in Unix seconds, found 'later'");
  }

  @Test
  void lenientKeepsUnknownLines() throws ParseException {
    ParseResult<WgShow> r = human.parseLenient("interface: wg0\n  listening port: 51820\n  frobnication: on\n");
    assertThat(r.model().interfaces().get(0).listenPort()).hasValue(51820);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.text()).isEqualTo("  frobnication: on");
    });
  }
}
