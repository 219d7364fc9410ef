package io.wgdiag.parsers.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/** ifconfig in net-tools' two layouts (and busybox's, the old one) read into ip -s link's model. */
class IfconfigParserTest {
  private final IfconfigParser parser = new IfconfigParser();

  @Test
  void newLayoutWireGuardLinkWithErrors() throws ParseException {
    Links links = parser.parse(Fixtures.read("pastes/ifconfig/lns-wireguard-install-61-wg0.txt"));
    Link wg = links.link("wg0").orElseThrow();
    assertThat(wg.mtuBytes()).isEqualTo(1420);
    assertThat(wg.flags()).containsExactly("UP", "POINTOPOINT", "RUNNING", "NOARP");
    assertThat(wg.linkType()).contains("none"); // UNSPEC: what net-tools prints for ARPHRD_NONE
    assertThat(wg.address()).isEmpty();
    assertThat(wg.txQueueLengthPackets()).hasValue(1000);
    assertThat(wg.operState()).isEqualTo("UP");
    LinkStats s = wg.stats().orElseThrow();
    assertThat(s.rxPackets()).isEqualTo(539);
    assertThat(s.rxBytes()).isEqualTo(97208);
    assertThat(s.rxErrors()).isEqualTo(9);
    assertThat(s.rxDropped()).isEqualTo(84);
    assertThat(s.rxFrameErrors()).hasValue(9);
    assertThat(s.rxFifoErrors()).hasValue(0);
    assertThat(s.txPackets()).isEqualTo(564);
    assertThat(s.txBytes()).isEqualTo(258916);
    assertThat(s.txCollisions()).isZero();
    assertThat(s.rxMulticast()).isEmpty();
  }

  @Test
  void oldLayoutEthernetAndLoopback() throws ParseException {
    Links links = parser.parse(Fixtures.read("pastes/ifconfig/jc-ubuntu-16.04-ifconfig.txt"));
    Link eth = links.link("ens33").orElseThrow();
    assertThat(eth.linkType()).contains("ether");
    assertThat(eth.address()).contains("00:0c:29:c2:c8:63");
    assertThat(eth.mtuBytes()).isEqualTo(1500);
    assertThat(eth.isUp()).isTrue();
    assertThat(eth.stats().orElseThrow().rxPackets()).isEqualTo(36);
    assertThat(eth.stats().orElseThrow().txBytes()).isEqualTo(13935);
    assertThat(eth.txQueueLengthPackets()).hasValue(1000);
    Link lo = links.link("lo").orElseThrow();
    assertThat(lo.linkType()).contains("loopback");
    assertThat(lo.mtuBytes()).isEqualTo(65536);
  }

  @Test
  void newLayoutEthernet() throws ParseException {
    Links links = parser.parse(Fixtures.read("pastes/ifconfig/jc-ubuntu-18.04-ifconfig.txt"));
    Link eth = links.link("ens33").orElseThrow();
    assertThat(eth.address()).contains("00:0c:29:99:45:17");
    assertThat(eth.stats().orElseThrow().rxBytes()).isEqualTo(178583682);
    assertThat(eth.otherDetails()).anyMatch(d -> d.startsWith("inet 192.168.71.131"));
  }

  @Test
  void aDownInterfaceWithoutRunningIsDown() throws ParseException {
    Links links = parser.parse("eth1      Link encap:Ethernet  HWaddr 00:22:5F:5D:53:BC  \n"
        + "          UP BROADCAST MULTICAST  MTU:1500  Metric:1\n");
    assertThat(links.links().get(0).operState()).isEqualTo("DOWN");
    assertThat(links.links().get(0).stats()).isEmpty();
  }
}
