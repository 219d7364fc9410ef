package io.wgdiag.parsers.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** net-tools' and busybox's {@code route}/{@code netstat -r} read into ip route's model. */
class RouteParserTest {
  private final RouteParser parser = new RouteParser();

  @Test
  void routeVnMapsOntoIpRoutesModel() throws ParseException {
    RouteTable t = parser.parse(Fixtures.read("pastes/route/jc-centos-7.7-route-vn.txt"));
    assertThat(t.routes()).hasSize(3);
    Route def = t.routes().get(0);
    assertThat(def.destination()).isEqualTo("default");
    assertThat(def.isDefault()).isTrue();
    assertThat(def.gateway()).contains("192.168.71.2");
    assertThat(def.device()).contains("ens33");
    assertThat(def.metric()).hasValue(100);
    assertThat(def.flags()).containsExactly("U", "G");
    Route docker = t.routes().get(1);
    assertThat(docker.destination()).isEqualTo("172.17.0.0/16");
    assertThat(docker.gateway()).isEmpty();
    assertThat(docker.metric()).isEmpty(); // 0, which ip route does not print
    assertThat(t.defaults()).containsExactly(def);
  }

  @Test
  void netstatRneeKeepsTheMetricsColumnsAndHostRoutes() throws ParseException {
    RouteTable t = parser.parse(Fixtures.read("pastes/route/jc-ubuntu-18.04-netstat-rnee.txt"));
    Route host = t.routes().get(2);
    assertThat(host.destination()).isEqualTo("192.168.71.2"); // 255.255.255.255: a host route, as ip route prints it
    assertThat(host.flags()).containsExactly("U", "H");
    assertThat(t.routes()).allSatisfy(r -> assertThat(r.metrics()).isEmpty()); // MSS, Window, irtt all 0
  }

  @Test
  void ipv6TableReadsRejectRoutesAsUnreachable() throws ParseException {
    RouteTable t = parser.parse(Fixtures.read("pastes/route/jc-centos-7.7-route-6-n.txt"));
    Route first = t.routes().get(0);
    assertThat(first.destination()).isEqualTo("::/96");
    assertThat(first.type()).isEqualTo("unreachable");
    assertThat(first.metric()).hasValue(1024);
    assertThat(first.gateway()).isEmpty();
  }

  @Test
  void routeCacheRowsAreCachedRoutes() throws ParseException {
    // moler's route -C recording: the cache's title and header, no entries
    ParsedTranscript t = TranscriptParser.standard().parse(
        Fixtures.read("pastes/transcript/moler-route-out-cached.txt"), true);
    assertThat(t.blocks().get(0).model(RouteTable.class).orElseThrow().routes()).isEmpty();
    RouteTable table = parser.parse("Kernel IP routing cache\n"
        + "Source          Destination     Gateway         Flags Metric Ref    Use Iface\n"
        + "192.0.2.7       10.60.0.10      192.0.2.1       UG    0      1        3 eth0\n");
    Route r = table.routes().get(0);
    assertThat(r.isCached()).isTrue();
    assertThat(r.source()).contains("192.0.2.7");
    assertThat(r.destination()).isEqualTo("10.60.0.10");
    assertThat(r.gateway()).contains("192.0.2.1");
  }

  @Test
  void aRowWithAColumnMissingNamesTheLine() {
    String text = "Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
        + "0.0.0.0         192.168.71.2    0.0.0.0         UG    100    0        0\n";
    assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(ParseException.class)
        .hasMessageContaining("line 3").hasMessageContaining("8 columns");
  }

  @Test
  void netmasksBecomePrefixLengths() {
    assertThat(RouteParser.prefixLength("255.255.255.0")).isEqualTo(24);
    assertThat(RouteParser.prefixLength("255.255.240.0")).isEqualTo(20);
    assertThat(RouteParser.prefixLength("0.0.0.0")).isZero();
    assertThat(RouteParser.prefixLength("255.0.255.0")).isEqualTo(-1);
    assertThat(RouteParser.prefixLength("255.255.256.0")).isEqualTo(-1);
  }

  @Test
  void commandsAreDetected() {
    ParserRegistry r = ParserRegistry.standard();
    assertThat(r.detect("route -n").orElseThrow().toolId()).isEqualTo("route");
    assertThat(r.detect("netstat -rn").orElseThrow().toolId()).isEqualTo("route");
    assertThat(r.detect("netstat -nr").orElseThrow().toolId()).isEqualTo("route");
    assertThat(r.detect("netstat -s").orElseThrow().toolId()).isEqualTo("netstat-stats");
    assertThat(r.detect("busybox route -n").orElseThrow().toolId()).isEqualTo("route");
    assertThat(r.detect("route add -net 0.0.0.0 netmask 0.0.0.0 gw 10.0.2.2").orElseThrow().toolId()).isEqualTo("change");
    assertThat(r.detect("ifconfig eth0").orElseThrow().qualifier()).contains("eth0");
    assertThat(r.detect("sudo ifconfig -a").orElseThrow().toolId()).isEqualTo("ifconfig");
    assertThat(r.detect("ifconfig wg0 mtu 1380").orElseThrow().toolId()).isEqualTo("change");
    assertThat(r.detect("watch -n 1 tc -s qdisc show dev eth0").orElseThrow().toolId()).isEqualTo("tc-qdisc");
  }
}
