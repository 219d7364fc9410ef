package io.wgdiag.parsers.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.link.VirtualFunction;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import org.junit.jupiter.api.Test;

/** SR-IOV {@code vf N} lines and their counters under {@code ip -s link}. */
class VirtualFunctionTest {

  @Test
  void vfLinesAndTheirCountersAreTyped() throws ParseException {
    ParseResult<Links> r = new IpLinkStatsParser().parseLenient(Fixtures.read("pastes/ip-link-stats/insights-ip-s-link-all-4.txt"));
    Link pf = r.model().link("ens1f1").orElseThrow();
    assertThat(pf.virtualFunctions()).hasSize(4);
    VirtualFunction vf0 = pf.virtualFunctions().get(0);
    assertThat(vf0.number()).isZero();
    assertThat(vf0.address()).contains("6e:cc:c3:fe:ad:7f");
    assertThat(vf0.spoofChecking()).contains(true);
    assertThat(vf0.linkState()).contains("auto");
    assertThat(vf0.trust()).contains(false);
    assertThat(vf0.rxBytes()).hasValue(14069717);
    assertThat(vf0.rxPackets()).hasValue(192865);
    assertThat(vf0.rxMulticast()).hasValue(0);
    assertThat(vf0.rxBroadcast()).hasValue(192865);
    assertThat(vf0.rxDropped()).hasValue(192865);
    assertThat(vf0.txPackets()).hasValue(0);
    assertThat(vf0.txDropped()).hasValue(0);
    // the PF's own counters are not the VFs'
    assertThat(pf.stats().orElseThrow().rxDropped()).isEqualTo(67);
    assertThat(r.model().link("ens1f1v64").orElseThrow().virtualFunctions()).isEmpty();
  }

  @Test
  void olderMacFormWithVlanAndRates() throws ParseException {
    Links links = new IpLinkParser().parse(
        "4: enp137s0f0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
            + "    link/ether e0:d5:5e:cf:57:fb brd ff:ff:ff:ff:ff:ff\n"
            + "    vf 0 MAC 00:00:00:00:00:00, spoof checking off, link-state auto, trust off, query_rss off\n"
            + "    vf 1 MAC 52:54:00:12:34:56, vlan 100, qos 2, tx rate 100 (Mbps), max_tx_rate 100Mbps, min_tx_rate 0Mbps, spoof checking on, link-state enable\n");
    Link l = links.links().get(0);
    assertThat(l.virtualFunctions()).hasSize(2);
    assertThat(l.virtualFunctions().get(0).queryRss()).contains(false);
    VirtualFunction vf1 = l.virtualFunctions().get(1);
    assertThat(vf1.vlan()).hasValue(100);
    assertThat(vf1.qos()).hasValue(2);
    assertThat(vf1.txRateMbps()).hasValue(100);
    assertThat(vf1.maxTxRateMbps()).hasValue(100);
    assertThat(vf1.minTxRateMbps()).hasValue(0);
    assertThat(vf1.linkState()).contains("enable");
    assertThat(vf1.rxBytes()).isEmpty();
  }
}
