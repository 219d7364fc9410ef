package io.wgdiag.parsers.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.capture.TcpdumpCapture;
import io.wgdiag.model.capture.TcpdumpPacket;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/** {@code tcpdump -v}: the IP header line and the indented address line (print-ip.c), from real pastes. */
class TcpdumpVerbosePasteTest {

  private final TcpdumpParser parser = new TcpdumpParser();

  @Test
  void udpFragmentsWithTheirHeaders() throws ParseException {
    TcpdumpCapture c = parser.parse(Fixtures.read("pastes/tcpdump/v-udp-fragments-tcpdump-pr-602.txt"));
    assertThat(c.packets()).hasSize(2);
    TcpdumpPacket first = c.packets().get(0);
    assertThat(first.time()).isEqualTo("10:53:29.474809");
    assertThat(first.tos()).hasValue("0x0");
    assertThat(first.ecn()).isEmpty();
    assertThat(first.ttl()).hasValue(64);
    assertThat(first.ipId()).hasValue(56205);
    assertThat(first.fragmentOffsetBytes()).hasValue(0);
    assertThat(first.ipFlags()).hasValue("+");
    assertThat(first.dontFragment()).isFalse();
    assertThat(first.ipProtocol()).hasValue("UDP");
    assertThat(first.ipLengthBytes()).hasValue(1500);
    assertThat(first.source()).hasValue("192.168.1.214");
    assertThat(first.sourcePort()).hasValue(60464);
    assertThat(first.destinationPort()).hasValue(12345);
    assertThat(first.transport()).isEqualTo("UDP");
    assertThat(first.lengthBytes()).hasValue(1600);
    assertThat(first.line()).isEqualTo(1);
    TcpdumpPacket second = c.packets().get(1);
    assertThat(second.fragmentOffsetBytes()).hasValue(1480);
    assertThat(second.ipFlags()).hasValue("none");
    assertThat(second.detail()).isEqualTo("ip-proto-17");
    assertThat(second.destination()).hasValue("192.168.1.1");
  }

  @Test
  void tcpWithChecksumVerdict() throws ParseException {
    TcpdumpPacket p = parser.parse(Fixtures.read("pastes/tcpdump/nv-tcp-null-flags-tcpdump-391.txt")).packets().get(0);
    assertThat(p.ttl()).hasValue(216);
    assertThat(p.ipProtocol()).hasValue("TCP");
    assertThat(p.ipLengthBytes()).hasValue(228);
    assertThat(p.transport()).isEqualTo("TCP");
    assertThat(p.destinationPort()).hasValue(80);
    assertThat(p.lengthBytes()).hasValue(188);
  }

  @Test
  void ecnAndNeedToFragWithTheQuotedPacket() throws ParseException {
    // print-ip.c's header and print-icmp.c's quoted datagram (indented by a tab), as -v prints them
    TcpdumpCapture c = parser.parse("""
        12:00:00.000001 IP (tos 0x1,ECT(1), ttl 63, id 60034, offset 0, flags [DF], proto UDP (17), length 1440)
            10.0.0.2.51820 > 203.0.113.44.51820: UDP, length 1412
        12:00:00.000002 IP (tos 0xc0, ttl 64, id 1234, offset 0, flags [none], proto ICMP (1), length 576)
            192.0.2.1 > 10.0.0.2: ICMP 203.0.113.44 unreachable - need to frag (mtu 1400), length 556
        \tIP (tos 0x0, ttl 63, id 60035, offset 0, flags [DF], proto UDP (17), length 1440)
            10.0.0.2.51820 > 203.0.113.44.51820: UDP, length 1412
        12:00:00.000003 IP6 (flowlabel 0x12345, hlim 64, next-header UDP (17) payload length: 1380) 2001:db8::1.51820 > 2001:db8::2.51820: [udp sum ok] UDP, length 1372
        """);
    TcpdumpPacket wg = c.packets().get(0);
    assertThat(wg.tos()).hasValue("0x1");
    assertThat(wg.ecn()).hasValue("ECT(1)");
    assertThat(wg.dontFragment()).isTrue();
    assertThat(wg.lengthBytes()).hasValue(1412);
    TcpdumpPacket icmp = c.packets().get(1);
    assertThat(icmp.isFragNeeded()).isTrue();
    assertThat(icmp.fragNeededMtu()).hasValue(1400);
    assertThat(icmp.quoted()).containsExactly(
        "IP (tos 0x0, ttl 63, id 60035, offset 0, flags [DF], proto UDP (17), length 1440)",
        "10.0.0.2.51820 > 203.0.113.44.51820: UDP, length 1412");
    TcpdumpPacket v6 = c.packets().get(2);
    assertThat(v6.ttl()).hasValue(64);
    assertThat(v6.ipLengthBytes()).hasValue(1380);
    assertThat(v6.transport()).isEqualTo("UDP");
    assertThat(v6.sourcePort()).hasValue(51820);
    assertThat(v6.destination()).hasValue("2001:db8::2");
  }

  @Test
  void linkLevelHeaderWithVlanTagsAndNoTimestamp() throws ParseException {
    // tcpdump -t -e -v: the link header first (print-ether.c), then the IP header without an "IP" word
    TcpdumpCapture c = parser.parse(Fixtures.read("pastes/tcpdump/t-e-v-vlan10-csr1000v-lab.txt"));
    assertThat(c.packets()).hasSize(2);
    TcpdumpPacket p = c.packets().get(0);
    assertThat(p.time()).isEmpty();
    assertThat(p.vlan()).hasValue(10);
    assertThat(p.linkHeader()).hasValue(
        "0e:c4:7c:99:c3:2a > 42:c7:46:4c:5e:8d, ethertype 802.1Q (0x8100), length 118: vlan 10, p 0, ethertype IPv4");
    assertThat(p.protocol()).isEqualTo("IP");
    assertThat(p.tos()).hasValue("0xb8");
    assertThat(p.ttl()).hasValue(254);
    assertThat(p.source()).hasValue("172.20.2.11");
    assertThat(p.destination()).hasValue("192.0.2.10");
    assertThat(p.transport()).isEqualTo("ICMP");
    assertThat(p.lengthBytes()).hasValue(80);
    // QinQ with PPPoE inside: the innermost ethertype is the protocol, the rest stays detail
    TcpdumpPacket q = parser.parse(Fixtures.read("pastes/tcpdump/t-e-v-pppoe-in-qinq-csr1000v-lab.txt")).packets().get(0);
    assertThat(q.vlan()).hasValue(100);
    assertThat(q.protocol()).isEqualTo("PPPoE S");
    assertThat(q.detail()).startsWith("PPPoE  [ses 0x18] IP (0x0021), length 102: (tos 0xb8");
    assertThat(q.quoted()).containsExactly("172.20.2.11 > 192.0.2.10: ICMP echo request, id 92, seq 0, length 80");
    // an untagged frame with a timestamp: ethertype IPv4 (0x0800), length N: SRC > DST
    TcpdumpPacket u = parser.parse("02:16:56.036022 00:00:01:01:02:05 > 02:42:9e:ec:27:41, ethertype IPv4 (0x0800), "
        + "length 98: 10.20.0.100 > 8.8.8.8: ICMP echo request, id 253, seq 1, length 64\n").packets().get(0);
    assertThat(u.time()).isEqualTo("02:16:56.036022");
    assertThat(u.vlan()).isEmpty();
    assertThat(u.linkHeader()).hasValue("00:00:01:01:02:05 > 02:42:9e:ec:27:41, ethertype IPv4 (0x0800), length 98");
    assertThat(u.destination()).hasValue("8.8.8.8");
  }
}
