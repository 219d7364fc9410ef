package io.wgdiag.parsers.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteCache;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache lines older kernels print under cloned routes ({@code print_route}'s RTA_CACHEINFO). */
class IpRouteCacheTest {
  private final IpRouteParser parser = new IpRouteParser();

  @Test
  void ipv6ClonesCarryTheirLearnedMtu() throws ParseException {
    RouteTable t = parser.parse(Fixtures.read("pastes/ip-route/insights-ip-route-show-table-all-test-2.txt"));
    List<Route> cached = t.routes().stream().filter(Route::isCached).toList();
    assertThat(cached).hasSize(8);
    Route r = cached.get(0);
    assertThat(r.destination()).isEqualTo("2001:708:40:2001:a822:baff:fec4:2428");
    assertThat(r.gateway()).contains("fe80::a96:d7ff:fe38:d757");
    assertThat(r.mtuBytes()).hasValue(1492);
    assertThat(r.metrics()).containsEntry("hoplimit", "255");
    assertThat(r.line()).isEqualTo(22);
    // a route with expires but no cache line is not a cache entry
    Route ra = t.routes().stream().filter(x -> x.destination().equals("2001:44b8:1110:f800::/64")).findFirst().orElseThrow();
    assertThat(ra.isCached()).isFalse();
    assertThat(ra.other()).containsEntry("expires", "6403sec");
  }

  @Test
  void ipv4RouteCacheLines() throws ParseException {
    RouteTable t = parser.parse(
        "10.60.0.10 from 192.0.2.7 dev eth0 \n"
            + "    cache  expires 588sec users 1 age 31sec ipid 0x6e1b mtu 1400 advmss 1460 hoplimit 64\n"
            + "local 192.0.2.7 from 10.60.0.10 dev lo  src 192.0.2.7 \n"
            + "    cache <local,src-direct>  iif eth0\n");
    Route first = t.routes().get(0);
    RouteCache c = first.cache().orElseThrow();
    assertThat(c.expiresSeconds()).hasValue(588);
    assertThat(c.users()).hasValue(1);
    assertThat(c.ageSeconds()).hasValue(31);
    assertThat(c.ipId()).contains("0x6e1b");
    assertThat(first.mtuBytes()).hasValue(1400);
    Route local = t.routes().get(1);
    assertThat(local.type()).isEqualTo("local");
    assertThat(local.cache().orElseThrow().flags()).containsExactly("local", "src-direct");
    assertThat(local.other()).containsEntry("iif", "eth0");
  }

  @Test
  void anEntryPastItsExpiryHasANegativeCount() throws ParseException {
    // a real paste (ip -6 route show cache after a failed ping6): iproute2 prints expires with %d
    RouteTable t = parser.parse("3ffe::2 via 3ffe::2 dev eth0  metric 0 \n    cache  expires -1sec\n");
    assertThat(t.routes().get(0).cache().orElseThrow().expiresSeconds()).hasValue(-1);
    // the sign is read for expires only
    assertThatThrownBy(() -> parser.parse("10.0.0.1 dev eth0 \n    cache  age -3sec\n"))
        .isInstanceOf(ParseException.class).hasMessageContaining("'-3sec'");
  }

  @Test
  void oneLineFormJoinsTheCacheLine() throws ParseException {
    RouteTable t = parser.parse("10.60.0.10 via 192.0.2.1 dev eth0 src 192.0.2.7 \\    cache  mtu 1380\n");
    assertThat(t.routes().get(0).cache()).isPresent();
    assertThat(t.routes().get(0).mtuBytes()).hasValue(1380);
  }

  @Test
  void aCacheLineWithoutARouteOrWithBadSecondsIsAnError() {
    assertThatThrownBy(() -> parser.parse("    cache  mtu 1492\n")).isInstanceOf(ParseException.class)
        .hasMessageContaining("line 1").hasMessageContaining("route line before this cache line");
    assertThatThrownBy(() -> parser.parse("10.0.0.1 dev eth0\n    cache  expires soon\n")).isInstanceOf(ParseException.class)
        .hasMessageContaining("line 2").hasMessageContaining("expires");
  }
}
