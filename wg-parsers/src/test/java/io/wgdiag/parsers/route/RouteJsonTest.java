package io.wgdiag.parsers.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/** {@code ip -j route} and {@code ip -j rule} of the same state give the text forms' models. */
class RouteJsonTest {

  @Test
  void routesTextAndJsonAreEqual() throws ParseException {
    IpRouteParser p = new IpRouteParser();
    for (String[] pair : new String[][] {
        {"fixtures/ip-route/lab-main.txt", "json-captures/route/ip-route.json"},
        {"fixtures/ip-route/lab-table-all.txt", "json-captures/route/ip-route-table-all.json"},
        {"fixtures/ip-route/lab-ipv6.txt", "json-captures/route/ip-6-route.json"}}) {
      RouteTable text = p.parse(Fixtures.read(pair[0]));
      RouteTable json = p.parse(Fixtures.read(pair[1]));
      assertThat(json).as(pair[1]).isEqualTo(text);
    }
  }

  @Test
  void rulesTextAndJsonAreEqual() throws ParseException {
    RuleSet text = new IpRuleParser().parse(Fixtures.read("fixtures/ip-rule/lab-policy-rules.txt"));
    RuleSet json = new IpRuleParser().parse(Fixtures.read("json-captures/route/ip-rule.json"));
    assertThat(json).isEqualTo(text);
  }
}
