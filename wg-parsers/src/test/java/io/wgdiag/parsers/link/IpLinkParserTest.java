package io.wgdiag.parsers.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkState;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IpLinkParserTest {
  private final IpLinkParser parser = new IpLinkParser();

  private static Links seedBlock(String file, int index) throws ParseException {
    ParsedTranscript t = TranscriptParser.standard().parse(Fixtures.read("seed/" + file), true);
    return t.blocks().get(index).model(Links.class).orElseThrow();
  }

  @Test
  void readsSeedTask06WireGuardAndEthernet() throws ParseException {
    Link wg = seedBlock("task06.txt", 0).links().get(0);
    assertThat(wg.index()).isEqualTo(7);
    assertThat(wg.name()).isEqualTo("wg0");
    assertThat(wg.flags()).containsExactly("POINTOPOINT", "NOARP", "UP", "LOWER_UP");
    assertThat(wg.isUp()).isTrue();
    assertThat(wg.isLowerUp()).isTrue();
    assertThat(wg.mtuBytes()).isEqualTo(1420);
    assertThat(wg.qdisc()).hasValue("noqueue");
    assertThat(wg.state()).isEqualTo(LinkState.UNKNOWN);
    assertThat(wg.linkMode()).hasValue("DEFAULT");
    assertThat(wg.group()).hasValue("default");
    assertThat(wg.txQueueLengthPackets()).hasValue(1000);
    assertThat(wg.linkType()).hasValue("none");
    assertThat(wg.address()).isEmpty();
    assertThat(wg.stats()).isEmpty();
    assertThat(wg.line()).isEqualTo(1);

    Link eth = seedBlock("task06.txt", 1).link("eth0").orElseThrow();
    assertThat(eth.index()).isEqualTo(2);
    assertThat(eth.mtuBytes()).isEqualTo(1500);
    assertThat(eth.qdisc()).hasValue("fq_codel");
    assertThat(eth.state()).isEqualTo(LinkState.UP);
    assertThat(eth.linkType()).hasValue("ether");
    assertThat(eth.address()).hasValue("52:54:00:12:34:56");
    assertThat(eth.broadcast()).hasValue("ff:ff:ff:ff:ff:ff");
  }

  @Test
  void readsSeedTask16MtuChange() throws ParseException {
    ParsedTranscript t = // lenient: other tools of this transcript (tcpdump, top) belong to other parsers
        TranscriptParser.standard().parse(Fixtures.read("seed/task16.txt"), false);
    var block =
        t.blocks().stream()
            .filter(b -> b.command().equals("ip link show wg0"))
            .findFirst()
            .orElseThrow();
    assertThat(block.diagnostics()).isEmpty();
    Links after = block.model(Links.class).orElseThrow();
    assertThat(after.link("wg0").orElseThrow().mtuBytes()).isEqualTo(1380);
  }

  @Test
  void readsCapturedNamespace() throws ParseException {
    Links ls = parser.parse(Fixtures.read("fixtures/ip-link/ns-link.txt"));
    assertThat(ls.links()).extracting(Link::name)
        .containsExactly("lo", "vlb", "vla", "brlk0", "wgl0", "vlk0");
    Link lo = ls.link("lo").orElseThrow();
    assertThat(lo.linkType()).hasValue("loopback");
    assertThat(lo.mtuBytes()).isEqualTo(65536);
    Link vlb = ls.link("vlb").orElseThrow();
    assertThat(vlb.parent()).hasValue("vla");
    assertThat(vlb.parentIndex()).isEmpty();
    assertThat(vlb.master()).hasValue("brlk0");
    assertThat(vlb.parentInOtherNamespace()).isFalse();
    Link wg = ls.link("wgl0").orElseThrow();
    assertThat(wg.linkType()).hasValue("none");
    assertThat(wg.flags()).containsExactly("POINTOPOINT", "MULTICAST", "NOARP", "UP", "LOWER_UP");
    assertThat(wg.qdisc()).hasValue("pfifo_fast");
    assertThat(wg.txQueueLengthPackets()).hasValue(500);
    Link vlk0 = ls.link("vlk0").orElseThrow();
    assertThat(vlk0.index()).isEqualTo(8);
    assertThat(vlk0.parent()).hasValue("if7");
    assertThat(vlk0.parentIndex()).isEqualTo(OptionalInt.of(7));
    assertThat(vlk0.parentInOtherNamespace()).isTrue();
    assertThat(vlk0.linkNetnsName()).hasValue("wgd-lk-b");
    assertThat(vlk0.address()).hasValue("da:49:86:e6:78:0b");
    assertThat(vlk0.line()).isEqualTo(11);
  }

  @Test
  void textAndJsonOfTheSameCaptureAreEqual() throws ParseException {
    for (String name : new String[] {"ns-link", "ns-d-link"}) {
      Links text = parser.parse(Fixtures.read("fixtures/ip-link/" + name + ".txt"));
      Links json = parser.parse(Fixtures.read("fixtures/ip-link/" + name + ".json"));
      assertThat(json).as(name).isEqualTo(text);
      assertThat(json.links()).hasSize(6);
    }
    Links json = parser.parse(Fixtures.read("fixtures/ip-link/ns-link.json"));
    assertThat(json.link("vlk0").orElseThrow().linkNetnsId()).isEqualTo(OptionalInt.of(1));
    assertThat(json.link("vlk0").orElseThrow().line()).isEqualTo(1);
  }

  @Test
  void onelineFormEqualsTheMultiLineForm() throws ParseException {
    Links oneline = parser.parse(Fixtures.read("fixtures/ip-link/ns-o-link.txt"));
    assertThat(oneline).isEqualTo(parser.parse(Fixtures.read("fixtures/ip-link/ns-link.txt")));
    assertThat(oneline.link("wgl0").orElseThrow().line()).isEqualTo(5);
  }

  @Test
  void readsDetailsOfTheCapture() throws ParseException {
    Links ls = parser.parse(Fixtures.read("fixtures/ip-link/ns-d-link.txt"));
    Link lo = ls.link("lo").orElseThrow();
    assertThat(lo.kind()).isEmpty();
    assertThat(lo.promiscuity()).hasValue(0);
    assertThat(lo.maxMtuBytes()).hasValue(0);
    assertThat(lo.addrGenMode()).hasValue("eui64");
    assertThat(lo.gsoMaxSizeBytes()).hasValue(65536);
    assertThat(lo.tsoMaxSizeBytes()).hasValue(524280);
    Link wg = ls.link("wgl0").orElseThrow();
    assertThat(wg.kind()).hasValue("tun"); // wireguard-go is a tun device
    assertThat(wg.kindDetails()).startsWith("type", "tun", "pi", "on");
    assertThat(wg.addrGenMode()).hasValue("random");
    assertThat(wg.minMtuBytes()).hasValue(68);
    assertThat(wg.maxMtuBytes()).hasValue(65535);
    Link vlb = ls.link("vlb").orElseThrow();
    assertThat(vlb.kind()).hasValue("veth");
    assertThat(vlb.kindDetails()).isEmpty();
    assertThat(vlb.slaveKind()).hasValue("bridge");
    assertThat(vlb.slaveKindDetails()).startsWith("state", "forwarding", "priority", "32");
    assertThat(vlb.promiscuity()).hasValue(1);
    assertThat(vlb.txQueues()).hasValue(2);
    assertThat(vlb.rxQueues()).hasValue(2);
    assertThat(vlb.groMaxSizeBytes()).hasValue(65536);
    assertThat(vlb.otherDetails()).isEmpty();
    Link br = ls.link("brlk0").orElseThrow();
    assertThat(br.kind()).hasValue("bridge");
    assertThat(br.kindDetails()).startsWith("forward_delay", "1500");
  }

  @Test
  void readsWireGuardKindAndKeepsUnknownDetailTokens() throws ParseException {
    Links ls =
        parser.parse(
            """
            7: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1420 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
                link/none  promiscuity 0  allmulti 0 minmtu 0 maxmtu 2147483552
                wireguard addrgenmode none numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 futurekey 7
            9: vx0: <BROADCAST,MULTICAST> mtu 1450 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                link/ether 6a:2d:11:22:33:44 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535
                vxlan id 1 remote 192.0.2.9 srcport 0 0 dstport 4789 ttl auto ageing 300 addrgenmode eui64 numtxqueues 1
                altname vxlan-one
                alias the lab tunnel
            """);
    Link wg = ls.link("wg0").orElseThrow();
    assertThat(wg.kind()).hasValue("wireguard");
    assertThat(wg.maxMtuBytes()).hasValue(2147483552);
    assertThat(wg.addrGenMode()).hasValue("none");
    assertThat(wg.otherDetails()).containsExactly("futurekey", "7");
    Link vx = ls.link("vx0").orElseThrow();
    assertThat(vx.kind()).hasValue("vxlan");
    assertThat(vx.kindDetails()).startsWith("id", "1", "remote", "192.0.2.9").endsWith("ageing", "300");
    assertThat(vx.addrGenMode()).hasValue("eui64");
    assertThat(vx.altNames()).containsExactly("vxlan-one");
    assertThat(vx.alias()).hasValue("the lab tunnel");
    assertThat(vx.state()).isEqualTo(LinkState.DOWN);
    assertThat(vx.isUp()).isFalse();
  }

  @Test
  void readsNonePeerNetnsidPeerAddressPermaddrAndProtodown() throws ParseException {
    String text =
        """
        3: sit0@NONE: <NOARP> mtu 1480 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/sit 0.0.0.0 brd 0.0.0.0
        6: veth0@if5: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
            link/ether 0a:58:0a:f4:00:01 brd ff:ff:ff:ff:ff:ff permaddr 52:54:00:aa:bb:cc link-netnsid 0 protodown on
        8: gre1@NONE: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1476 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
            link/gre 192.0.2.1 peer 192.0.2.2
        """;
    Links ls = parser.parse(text);
    Link sit = ls.link("sit0").orElseThrow();
    assertThat(sit.parent()).hasValue("NONE");
    assertThat(sit.parentIndex()).isEmpty();
    assertThat(sit.address()).hasValue("0.0.0.0");
    Link veth = ls.link("veth0").orElseThrow();
    assertThat(veth.parentIndex()).isEqualTo(OptionalInt.of(5));
    assertThat(veth.linkNetnsId()).isEqualTo(OptionalInt.of(0));
    assertThat(veth.parentInOtherNamespace()).isTrue();
    assertThat(veth.permanentAddress()).hasValue("52:54:00:aa:bb:cc");
    assertThat(veth.protoDown()).isTrue();
    assertThat(veth.isNoCarrier()).isTrue();
    assertThat(veth.isLowerUp()).isFalse();
    assertThat(veth.state()).isEqualTo(LinkState.LOWERLAYERDOWN);
    Link gre = ls.link("gre1").orElseThrow();
    assertThat(gre.peerAddress()).hasValue("192.0.2.2");
    assertThat(gre.broadcast()).isEmpty();

    String json =
        """
        [{"ifindex":3,"link":null,"ifname":"sit0","flags":["NOARP"],"mtu":1480,"qdisc":"noop","operstate":"DOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"sit","address":"0.0.0.0","broadcast":"0.0.0.0"},
         {"ifindex":6,"link_index":5,"ifname":"veth0","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP"],"mtu":1500,"qdisc":"noqueue","operstate":"LOWERLAYERDOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"0a:58:0a:f4:00:01","broadcast":"ff:ff:ff:ff:ff:ff","permaddr":"52:54:00:aa:bb:cc","link_netnsid":0,"proto_down":true},
         {"ifindex":8,"link":null,"ifname":"gre1","flags":["POINTOPOINT","NOARP","UP","LOWER_UP"],"mtu":1476,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"gre","address":"192.0.2.1","link_pointtopoint":true,"broadcast":"192.0.2.2"}]
        """;
    assertThat(parser.parse(json)).isEqualTo(ls);
  }

  @Test
  void anUnknownStateIsKeptAsOther() throws ParseException {
    Link l =
        parser.parse("4: x0: <UP> mtu 1500 qdisc noop state WEIRD group default\n link/ether 02:00:00:00:00:01\n")
            .links().get(0);
    assertThat(l.state()).isEqualTo(LinkState.OTHER);
    assertThat(l.operState()).isEqualTo("WEIRD");
    assertThat(l.linkMode()).isEmpty();
  }

  @Test
  void aMalformedMtuFailsWithLineAndColumn() {
    assertThatThrownBy(
            () -> parser.parse("7: wg0: <UP> mtu lock qdisc noqueue state UNKNOWN\n    link/none\n"))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 1, column 18: expected the MTU in bytes after 'mtu', found 'lock'");
  }

  @Test
  void aMissingLinkLineFailsStrictlyAndIsKeptLeniently() throws ParseException {
    String text = "1: lo: <LOOPBACK,UP> mtu 65536 qdisc noqueue state UNKNOWN\nsomething else\n";
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 2, column 1: expected the 'link/TYPE' line after the header of link 1, found 'something'");
    ParseResult<Links> r = parser.parseLenient(text);
    assertThat(r.model().links()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("lo"));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.text()).isEqualTo("something else");
    });
  }

  @Test
  void aLineBeforeAnyLinkIsUnrecognised() {
    assertThatThrownBy(() -> parser.parse("Device \"wg9\" does not exist.\n"))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 1, column 1: unrecognised line for ip-link");
  }

  @Test
  void jsonWithoutRequiredKeysFails() {
    assertThatThrownBy(() -> parser.parse("[{\"ifindex\":1,\"ifname\":\"lo\"}]"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("ifindex, ifname, mtu and operstate");
  }
}
