package io.wgdiag.parsers.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.capture.TcpdumpCapture;
import io.wgdiag.model.capture.TcpdumpPacket;
import io.wgdiag.model.capture.TracepathHop;
import io.wgdiag.model.capture.TracepathResult;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CaptureParsersTest {

  @Property(tries = 300)
  void packetsReadInPlaceAsTheyWereReadFromWords(
      @ForAll @Size(min = 1, max = 30) List<@Size(value = 5) List<@IntRange(min = 0, max = 7) Integer>> picks)
      throws ParseException {
    // one builder for every packet, hosts and details shared by their text: a packet with ports,
    // an interface or a length must not lend them to the next one, nor a host its text to another
    List<String> hosts = List.of("192.0.2.1.44190", "198.51.100.2", "Aa", "BB", "fe80::1.51820", "10.0.0.1.x", "1.2.3.4.5", ":");
    List<String> details = List.of("UDP, length 2", "ICMP echo request, id 1, seq 2, length 64", "Flags [S], seq 1, length 0",
        "ICMP6, neighbor solicitation", "UDP, length 2\t ", "", "ARP, Request who-has 10.0.0.1", "Flags [.], ack 1");
    List<String> protos = List.of("IP", "IP6", "ARP,", "IP", "IP", "IP6", "IP", "IP");
    StringBuilder text = new StringBuilder("listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n");
    for (int i = 0; i < picks.size(); i++) {
      List<Integer> k = picks.get(i);
      text.append(String.format("01:12:%02d.%06d ", i % 60, i));
      if (k.get(0) % 3 == 0) {
        text.append(k.get(0) == 0 ? "eth0 Out " : "wg0 In ");
      }
      String proto = protos.get(k.get(1));
      text.append(proto).append(' ');
      if (proto.startsWith("IP")) {
        text.append(hosts.get(k.get(2))).append(" > ").append(hosts.get(k.get(3))).append(": ");
      }
      text.append(details.get(k.get(4))).append('\n');
    }
    text.append(picks.size()).append(" packets captured\n");
    TcpdumpCapture got = new TcpdumpParser().parse(text);
    // one packet per printed packet line, in order, each pointing at its line, with its time,
    // protocol and interface as printed
    assertThat(got.packets()).hasSize(picks.size());
    for (int i = 0; i < picks.size(); i++) {
      TcpdumpPacket p = got.packets().get(i);
      assertThat(p.line()).isEqualTo(i + 2);
      assertThat(p.time()).isEqualTo(String.format("01:12:%02d.%06d", i % 60, i));
      int k0 = picks.get(i).get(0);
      assertThat(p.iface()).isEqualTo(k0 % 3 == 0 ? Optional.of(k0 == 0 ? "eth0" : "wg0") : Optional.empty());
      String proto = protos.get(picks.get(i).get(1));
      if (proto.startsWith("IP")) {
        assertThat(p.source()).isPresent();
        assertThat(p.destination()).isPresent();
      }
    }
  }

  @Test
  void tracepathFindsTheNarrowLink() throws ParseException {
    TracepathResult r = new TracepathParser().parse(Fixtures.read("fixtures/tracepath/lab-v4-narrow-link.txt"));
    TracepathHop local = r.hops().get(0);
    assertThat(local.guessed()).isTrue();
    assertThat(local.address()).hasValue("[LOCALHOST]");
    assertThat(local.pmtuBytes()).hasValue(1300);
    assertThat(r.hops().get(3).reached()).isTrue();
    assertThat(r.hops().get(3).rttMillis()).hasValue(0.171);
    assertThat(r.pmtuBytes()).hasValue(1300);
    assertThat(r.hopCount()).hasValue(2);
    assertThat(r.backHopCount()).hasValue(2);
    TracepathResult v6 = new TracepathParser().parse(Fixtures.read("fixtures/tracepath/lab-v6-narrow-link.txt"));
    assertThat(v6.hops().get(0).rttMillis()).hasValue(0.362);
    assertThat(v6.smallestPmtuBytes()).hasValue(1300);
  }

  @Test
  void tracepathVariants() throws ParseException {
    TracepathResult r = new TracepathParser().parse("""
         1?: [LOCALHOST]                                         pmtu 1500
         1:  router.lan (192.168.1.1)                             0.512ms asymm  2
         2:  no reply
         3:  10.0.0.1                                            12.300ms pmtu 1420
             Too many hops: pmtu 1420
        """);
    assertThat(r.hops().get(1).address()).hasValue("192.168.1.1");
    assertThat(r.hops().get(1).asymmetricHops()).hasValue(2);
    assertThat(r.hops().get(2).address()).isEmpty();
    assertThat(r.hops().get(3).pmtuBytes()).hasValue(1420);
    assertThat(r.tooManyHops()).isTrue();
    assertThatThrownBy(() -> new TracepathParser().parse(" 1:  10.0.0.1  fast\n"))
        .hasMessage("line 1, column 16: expected a time, pmtu N, asymm N, reached, !H, !N, !A or !P, found 'fast'");
  }

  @Test
  void tcpdumpSeedTask16ShowsBothDirections() throws ParseException {
    TcpdumpCapture c = TranscriptParser.standard().parse(Fixtures.read("seed/task16.txt"), false)
        .blocks().get(0).model(TcpdumpCapture.class).orElseThrow();
    assertThat(TranscriptParser.standard().parse(Fixtures.read("seed/task16.txt"), false).blocks().get(0).diagnostics()).isEmpty();
    assertThat(c.listeningOn()).hasValue("eth0");
    assertThat(c.packets()).extracting(TcpdumpPacket::lengthBytes).extracting(l -> l.orElseThrow())
        .containsExactly(148, 92, 1200, 1200, 92);
    assertThat(c.udpTo(51820, Optional.of("198.51.100.10"))).isEqualTo(3);
    assertThat(c.udpTo(51820, Optional.of("203.0.113.44"))).isEqualTo(2);
    assertThat(c.captured()).hasValue(5);
  }

  @Test
  void tcpdumpRealCaptureWithIcmpAndIpv6() throws ParseException {
    TcpdumpCapture c = new TcpdumpParser().parse(Fixtures.read("fixtures/tcpdump/lab-router-icmp-udp.txt"));
    assertThat(c.packets()).hasSize(12);
    TcpdumpPacket ns = c.packets().get(0);
    assertThat(ns.protocol()).isEqualTo("IP6");
    assertThat(ns.transport()).isEqualTo("ICMP6");
    assertThat(ns.source()).hasValue("fe80::7098:ff:fea9:7636");
    TcpdumpPacket udp = c.packets().get(6);
    assertThat(udp.transport()).isEqualTo("UDP");
    assertThat(udp.source()).hasValue("192.0.2.1");
    assertThat(udp.sourcePort()).hasValue(44190);
    assertThat(udp.destinationPort()).hasValue(51820);
    assertThat(udp.lengthBytes()).hasValue(2);
    assertThat(c.packets().get(7).detail()).isEqualTo("ICMP 198.51.100.2 udp port 51820 unreachable, length 38");
    assertThat(c.receivedByFilter()).hasValue(12);
    assertThat(c.droppedByKernel()).hasValue(0);
  }

  @Test
  void tcpdumpAnyInterfaceAndFragNeeded() throws ParseException {
    TcpdumpCapture c = new TcpdumpParser().parse(
        "10:00:00.000001 eth0 Out IP 192.0.2.1.51820 > 198.51.100.2.51820: UDP, length 1480\n"
            + "10:00:00.000100 eth0 In  IP 192.0.2.254 > 192.0.2.1: ICMP 198.51.100.2 unreachable - need to frag (mtu 1300), length 556\n");
    assertThat(c.packets().get(0).iface()).hasValue("eth0");
    assertThat(c.packets().get(0).direction()).hasValue("Out");
    assertThat(c.packets().get(1).isFragNeeded()).isTrue();
  }
}
