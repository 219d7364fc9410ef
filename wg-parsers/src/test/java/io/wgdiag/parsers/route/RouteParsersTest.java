package io.wgdiag.parsers.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.route.Nexthop;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.route.Rule;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RouteParsersTest {

  @Test
  void extraKeywordsKeepTheirOrderAndARepeatIsAnErrorOnItsLine() throws ParseException {
    RouteTable t = new io.wgdiag.parsers.route.IpRouteParser().parse(
        "10.1.0.0/16 nhid 7 dev eth0\n10.2.0.0/16 from 10.9.0.0/16 nhid 8 expires 300sec dev eth1\n10.3.0.0/16 dev eth1\n");
    assertThat(t.routes().get(0).other()).containsExactly(java.util.Map.entry("nhid", "7"));
    assertThat(t.routes().get(1).other().keySet()).containsExactly("from", "nhid", "expires");
    assertThat(t.routes().get(1).other()).containsEntry("expires", "300sec");
    assertThat(t.routes().get(2).other()).isEmpty();
    assertThatThrownBy(() -> new io.wgdiag.parsers.route.IpRouteParser().parse("10.1.0.0/16 dev eth0\n10.2.0.0/16 nhid 7 dev eth0 nhid 8\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("line 2, column 29")
        .hasMessageContaining("'nhid' twice in one route");
  }

  @Test
  void seedTask01LookupUsesTheTunnel() throws ParseException {
    RouteLookup l = TranscriptParser.standard().parse(Fixtures.read("seed/task01.txt"), true)
        .blocks().get(0).model(RouteLookups.class).orElseThrow().first().orElseThrow();
    assertThat(l.destination()).isEqualTo("10.60.0.10");
    assertThat(l.device()).hasValue("wg0");
    assertThat(l.source()).hasValue("10.60.0.1");
    assertThat(l.uid()).hasValue(1000);
    assertThat(l.cached()).isTrue();
    assertThat(l.gateway()).isEmpty();
  }

  @Test
  void seedTask13PolicyRoutingRulesAndTable() throws ParseException {
    ParsedTranscript t = TranscriptParser.standard().parse(Fixtures.read("seed/task13.txt"), true);
    RuleSet rules = t.blocks().get(0).model(RuleSet.class).orElseThrow();
    assertThat(rules.rules()).extracting(Rule::priority).containsExactly(0L, 1000L, 32766L, 32767L);
    assertThat(rules.rules()).extracting(r -> r.table().orElseThrow()).containsExactly("local", "100", "main", "default");
    assertThat(rules.policyRules()).singleElement().satisfies(r -> assertThat(r.from()).isEqualTo("10.60.0.0/24"));
    Route def = t.blocks().get(1).model(RouteTable.class).orElseThrow().routes().get(0);
    assertThat(def.isDefault()).isTrue();
    assertThat(def.device()).hasValue("wg0");
    assertThat(def.scope()).hasValue("link");
  }

  @Test
  void realTableAllWithTypesMultipathAndMetrics() throws ParseException {
    RouteTable t = new IpRouteParser().parse(Fixtures.read("fixtures/ip-route/lab-table-all.txt"));
    Route inTable100 = t.routes().get(0);
    assertThat(inTable100.table()).hasValue("100");
    assertThat(t.inTable("100")).containsExactly(inTable100);
    assertThat(t.defaults()).hasSize(2); // IPv4 and IPv6, both in main
    assertThat(t.defaults().subList(0, 1)).singleElement().satisfies(r -> {
      assertThat(r.gateway()).hasValue("192.0.2.254");
      assertThat(r.protocol()).hasValue("static");
      assertThat(r.metric()).hasValue(100);
    });
    Route locked = t.routes().get(2);
    assertThat(locked.mtuBytes()).hasValue(1380);
    assertThat(locked.mtuLocked()).isTrue();
    Route multi = t.routes().get(4);
    assertThat(multi.destination()).isEqualTo("10.70.0.0/24");
    assertThat(multi.nexthops()).extracting(n -> n.gateway().orElseThrow()).containsExactly("192.0.2.2", "198.51.100.2");
    assertThat(multi.nexthops()).extracting(Nexthop::weight).extracting(w -> w.orElseThrow()).containsExactly(1, 2);
    assertThat(t.routes()).extracting(Route::type).contains("prohibit", "unreachable", "blackhole", "local", "broadcast", "multicast");
    Route metrics = t.routes().stream().filter(r -> r.destination().equals("203.0.113.0/24")).findFirst().orElseThrow();
    assertThat(metrics.metrics()).containsEntry("advmss", "1360").containsEntry("initcwnd", "10");
    Route v6 = t.routes().stream().filter(r -> r.destination().equals("2001:db8:1::/64")).findFirst().orElseThrow();
    assertThat(v6.preference()).hasValue("medium");
    assertThat(v6.metric()).hasValue(256);
  }

  @Test
  void jcCentosRoutesWithLinkdown() throws ParseException {
    RouteTable t = new IpRouteParser().parse(Fixtures.read("fixtures/ip-route/jc-centos-7.7-ip-route.txt"));
    assertThat(t.routes()).hasSize(4);
    assertThat(t.routes().get(0).protocol()).hasValue("dhcp");
    assertThat(t.routes().get(3).flags()).containsExactly("linkdown");
  }

  @Test
  void realRulesIncludingWgQuickPair() throws ParseException {
    RuleSet s = new IpRuleParser().parse(Fixtures.read("fixtures/ip-rule/lab-policy-rules.txt"));
    Rule iif = s.rules().get(2);
    assertThat(iif.iif()).hasValue("wgmr0");
    assertThat(s.rules().get(3).uidRange()).hasValue("1000-2000");
    Rule bh = s.rules().get(4);
    assertThat(bh.to()).hasValue("10.80.0.0/16");
    assertThat(bh.fwmark()).hasValue(0x10);
    assertThat(bh.fwmask()).hasValue(0xff);
    assertThat(bh.action()).hasValue("blackhole");
    assertThat(s.rules().get(5).other()).containsEntry("ipproto", "udp").containsEntry("dport", "51820");
    Rule suppress = s.rules().get(6);
    assertThat(suppress.suppressPrefixLength()).hasValue(0);
    Rule wgq = s.rules().get(7);
    assertThat(wgq.inverted()).isTrue();
    assertThat(wgq.fwmark()).hasValue(51820);
    assertThat(wgq.table()).hasValue("51820");
    assertThat(s.policyRules()).hasSize(7);
  }

  @Test
  void realLookups() throws ParseException {
    IpRouteGetParser p = new IpRouteGetParser();
    RouteLookup local = p.parse(Fixtures.read("fixtures/ip-route-get/lab-get-local.txt")).first().orElseThrow();
    assertThat(local.type()).isEqualTo("local");
    assertThat(local.table()).hasValue("local");
    assertThat(local.flags()).containsExactly("local");
    RouteLookup lock = p.parse(Fixtures.read("fixtures/ip-route-get/lab-get-mtu-lock.txt")).first().orElseThrow();
    assertThat(lock.mtuBytes()).hasValue(1380);
    assertThat(lock.mtuLocked()).isTrue();
    RouteLookup v6 = p.parse(Fixtures.read("fixtures/ip-route-get/lab-get-v6.txt")).first().orElseThrow();
    assertThat(v6.from()).hasValue("::");
    assertThat(v6.gateway()).hasValue("2001:db8:1::fe");
    assertThat(v6.cached()).isFalse();
    RouteLookup from = p.parse(Fixtures.read("fixtures/ip-route-get/lab-get-from.txt")).first().orElseThrow();
    assertThat(from.table()).hasValue("100");
    RouteLookup mark = p.parse(Fixtures.read("fixtures/ip-route-get/lab-get-mark.txt")).first().orElseThrow();
    assertThat(mark.other()).containsEntry("mark", "0xca6c");
    RouteLookup failed = p.parse(Fixtures.read("fixtures/ip-route-get/lab-get-iif.txt")).first().orElseThrow();
    assertThat(failed.error()).hasValue("RTNETLINK answers: No route to host");
  }

  @Test
  void pmtuExceptionOnTheCacheLine() throws ParseException {
    RouteLookups ls = new IpRouteGetParser().parse("""
        198.51.100.2 via 192.0.2.254 dev eth0 src 192.0.2.1 uid 0
            cache expires 583sec mtu 1300
        10.60.0.10 dev wg0 src 10.60.0.1 uid 0
        cache
        """);
    assertThat(ls.lookups()).hasSize(2);
    assertThat(ls.lookups().get(0).expiresSeconds()).hasValue(583);
    assertThat(ls.lookups().get(0).mtuBytes()).hasValue(1300);
    assertThat(ls.forDestination("10.60.0.10").orElseThrow().device()).hasValue("wg0");
  }

  @Test
  void errorsArePositioned() {
    assertThatThrownBy(() -> new IpRouteParser().parse("default via 192.0.2.1 dev eth0 metric high\n"))
        .hasMessage("line 1, column 39: expected the metric, found 'high'");
    assertThatThrownBy(() -> new IpRouteParser().parse("    nexthop via 192.0.2.2 dev vr0 weight 1\n"))
        .hasMessage("line 1, column 1: expected a route line before this nexthop");
    assertThatThrownBy(() -> new IpRuleParser().parse("1000:\tfrom all fwmark 0xzz lookup 100\n"))
        .hasMessage("line 1, column 23: expected a fwmark such as 0xca6c or 0xca6c/0xffff, found '0xzz'");
  }

  @Provide
  Arbitrary<String> devices() {
    return Arbitraries.of("eth0", "wg0", "vr2", "ens3");
  }

  /** Routes rendered in print_route's order parse back to the same fields. */
  @Property(tries = 300)
  void renderedRoutesReadBack(
      @ForAll @IntRange(min = 0, max = 32) int len, @ForAll @IntRange(min = 0, max = 255) int octet,
      @ForAll("devices") String dev, @ForAll @IntRange(min = 0, max = 100000) int metric,
      @ForAll boolean lock, @ForAll @IntRange(min = 576, max = 9000) int mtu) throws ParseException {
    String dst = "10." + octet + ".0.0/" + len;
    String text = dst + " via 192.0.2." + (octet % 250 + 1) + " dev " + dev + " proto static metric " + metric
        + " mtu " + (lock ? "lock " : "") + mtu + " \n";
    Route r = new IpRouteParser().parse(text).routes().get(0);
    assertThat(r.destination()).isEqualTo(dst);
    assertThat(r.device()).hasValue(dev);
    assertThat(r.metric()).hasValue(metric);
    assertThat(r.mtuBytes()).hasValue(mtu);
    assertThat(r.mtuLocked()).isEqualTo(lock);
    assertThat(r.other()).isEmpty();
    assertThat(List.of(r)).hasSize(1);
  }
}
