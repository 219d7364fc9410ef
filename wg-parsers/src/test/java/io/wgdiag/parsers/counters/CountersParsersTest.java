package io.wgdiag.parsers.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The three tools that print the kernel's protocol counters give one model, and agree on one host. */
class CountersParsersTest {

  @Test
  void snmpNstatAndNetstatAgreeOnTheSameHost() throws ParseException {
    ProtocolCounters snmp = new ProcNetSnmpParser().parse(Fixtures.read("fixtures/proc-net-snmp/host-proc-net-snmp.txt"));
    ProtocolCounters nstat = new NstatParser().parse(Fixtures.read("fixtures/nstat/host-nstat-az.txt"));
    ProtocolCounters netstat = new NetstatStatsParser().parse(Fixtures.read("fixtures/netstat-stats/host-netstat-s.txt"));
    assertThat(snmp.get("Tcp", "MaxConn")).hasValue(-1);
    assertThat(snmp.udpSndbufErrors()).isPresent();
    assertThat(nstat.udpSndbufErrors()).isEqualTo(snmp.udpSndbufErrors());
    // captured a few seconds apart on a quiet host: the counters moved little
    assertThat((double) nstat.get("Ip", "InReceives").orElseThrow())
        .isCloseTo(snmp.get("Ip", "InReceives").orElseThrow(), Offset.offset(20_000.0));
    assertThat(netstat.get("Udp", "NoPorts")).isPresent();
    assertThat(netstat.udpSndbufErrors()).isEqualTo(snmp.udpSndbufErrors());
  }

  @Test
  void netstatExtensionsAndSnmp6() throws ParseException {
    ProtocolCounters ext = new ProcNetSnmpParser().parse(Fixtures.read("fixtures/proc-net-snmp/host-proc-net-netstat.txt"));
    assertThat(ext.sections()).containsKeys("TcpExt", "IpExt");
    ProtocolCounters jc = new ProcNetSnmpParser().parse(Fixtures.read("fixtures/proc-net-snmp/jc-linux-proc-net_netstat.txt"));
    assertThat(jc.get("TcpExt", "SyncookiesSent")).isPresent();
    ProtocolCounters v6 = new ProcNetSnmpParser().parse(Fixtures.read("fixtures/proc-net-snmp/host-proc-net-snmp6.txt"));
    assertThat(v6.sections()).containsKeys("Ip6", "Udp6");
    assertThatThrownBy(() -> new ProcNetSnmpParser().parse("Udp: InDatagrams NoPorts\nUdp: 12\n"))
        .hasMessage("line 2, column 1: expected 2 values as the 'Udp:' header names, found 1");
    assertThat(NstatParser.split("UdpLite6InErrors")).containsExactly("UdpLite6", "InErrors");
  }

  @Test
  void netstatPhrasesAndHistogramsBecomeKernelNames() throws ParseException {
    ProtocolCounters netstat = new NetstatStatsParser().parse(Fixtures.read("fixtures/netstat-stats/host-netstat-s.txt"));
    // "ICMP input histogram: / destination unreachable: 1" is Icmp InDestUnreachs, as /proc/net/snmp names it
    assertThat(netstat.get("Icmp", "InDestUnreachs")).hasValue(1);
    assertThat(netstat.get("IcmpMsg", "InType3")).hasValue(1);
    assertThat(netstat.get("Tcp", "ActiveOpens")).hasValue(25);
    ProtocolCounters made = new NetstatStatsParser().parse(String.join("\n",
        "Icmp:",
        "    7 ICMP messages received",
        "    ICMP input histogram:",
        "        destination unreachable: 5",
        "        something new: 2",
        "    ICMP output histogram:",
        "        echo replies: 3",
        "Udp:",
        "    412 send buffer errors",
        "    9 datagrams of a kind never seen",
        "    412 send buffer errors",
        "TcpExt:",
        "    Quick ack mode was activated 5 times",
        ""));
    assertThat(made.sections().get("Icmp")).containsExactly(
        java.util.Map.entry("InMsgs", 7L), java.util.Map.entry("InDestUnreachs", 5L),
        java.util.Map.entry("In something new", 2L), java.util.Map.entry("OutEchoReps", 3L));
    // a phrase without a kernel name is kept as printed; a counter printed again keeps its place
    assertThat(made.sections().get("Udp")).containsExactly(
        java.util.Map.entry("SndbufErrors", 412L), java.util.Map.entry("datagrams of a kind never seen", 9L));
    assertThat(made.get("TcpExt", "Quick ack mode was activated N times")).hasValue(5);
  }
}
