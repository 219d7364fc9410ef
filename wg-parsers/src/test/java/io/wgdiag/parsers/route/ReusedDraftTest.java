package io.wgdiag.parsers.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.route.ImmutableRouteLookup;
import io.wgdiag.model.route.ImmutableRule;
import io.wgdiag.model.route.RouteLookup;
import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.model.route.Rule;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule and lookup parsers read every line into one reused draft: a line that sets nothing must
 * not see what the line before it set, and each model equals the one a fresh builder makes.
 */
class ReusedDraftTest {

  @Test
  void aBareRuleAfterAFullOneKeepsNothingOfIt() throws ParseException {
    RuleSet s = new IpRuleParser().parse(
        "1000:\tnot from 10.60.0.0/24 to 10.80.0.0/16 iif wg0 oif eth0 fwmark 0x10/0xff uidrange 1-2 "
            + "suppress_prefixlength 0 dport 51820 [detached] goto 32766\n"
            + "32766:\tfrom all lookup main\n"
            + "32767:\n");
    Rule full = s.rules().get(0);
    assertThat(full).isEqualTo(ImmutableRule.builder().priority(1000).inverted(true).from("10.60.0.0/24")
        .to("10.80.0.0/16").iif("wg0").oif("eth0").fwmark(0x10).fwmask(0xff).uidRange("1-2")
        .suppressPrefixLength(0).putOther("dport", "51820").putOther("detached", "").action("goto 32766").build());
    assertThat(full.line()).isEqualTo(1);
    assertThat(s.rules().get(1)).isEqualTo(Rule.builder().priority(32766).table("main").build());
    assertThat(s.rules().get(1).line()).isEqualTo(2);
    Rule bare = s.rules().get(2);
    assertThat(bare).isEqualTo(Rule.builder().priority(32767).build());
    assertThat(bare.from()).isEqualTo("all");
    assertThat(bare.inverted()).isFalse();
    assertThat(bare.fwmark()).isEmpty();
    assertThat(bare.fwmask()).isEmpty();
    assertThat(bare.other()).isEmpty();
    assertThat(full.other()).containsExactly(Map.entry("dport", "51820"), Map.entry("detached", ""));
  }

  @Test
  void theReusedRuleBuilderCarriesNothingFromOneRuleToTheNext() throws ParseException {
    // every selector but the other-keys: made by the session's one builder, then a bare rule by it
    ParseResult<RuleSet> r = new IpRuleParser().parseLenient(
        "1000:\tnot from 10.60.0.0/24 to 10.80.0.0/16 iif wg0 oif eth0 fwmark 0x10/0xff uidrange 1-2 "
            + "suppress_prefixlength 0 goto 32766\n"
            + "not a rule\n"
            + "32767:\n"
            + "1001:\tfrom all ipproto udp lookup 100\n"
            + "1002:\tfrom all fwmark 0xca6c lookup 51820");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(2));
    assertThat(r.model().rules()).containsExactly(
        ImmutableRule.builder().priority(1000).inverted(true).from("10.60.0.0/24").to("10.80.0.0/16").iif("wg0")
            .oif("eth0").fwmark(0x10).fwmask(0xff).uidRange("1-2").suppressPrefixLength(0).action("goto 32766")
            .build(),
        Rule.builder().priority(32767).build(),
        Rule.builder().priority(1001).putOther("ipproto", "udp").table("100").build(),
        Rule.builder().priority(1002).fwmark(0xca6c).table("51820").build());
    assertThat(r.model().rules()).extracting(Rule::line).containsExactly(1, 3, 4, 5);
    assertThat(r.model().rules().get(3).fwmask()).isEmpty();
    assertThat(r.model().rules().get(1).suppressPrefixLength()).isEmpty();
  }

  @Test
  void aFwmarkIsReadInPlaceAndARepeatedSelectorFailsWhereItIsRepeated() {
    assertThatThrownBy(() -> new IpRuleParser().parse("1000:\tfrom all fwmark 0x10/ lookup 100\n"))
        .hasMessage("line 1, column 23: expected a fwmark such as 0xca6c or 0xca6c/0xffff, found '0x10/'");
    assertThatThrownBy(() -> new IpRuleParser().parse("1000:\tfrom all fwmark\n"))
        .hasMessage("line 1, column 22: expected the fwmark after 'fwmark', found end of line");
    // found as it is read (issue 31: it was found only when the map was built, after a lookup per
    // word along one growing chain)
    assertThatThrownBy(() -> new IpRuleParser().parse("1000:\tfrom all dport 1 dport 2\n"))
        .hasMessage("line 1, column 24: the selector 'dport' a second time on one rule");
  }

  @Test
  void aBareLookupAfterAFullOneKeepsNothingOfIt() throws ParseException {
    RouteLookups l = new IpRouteGetParser().parse(
        "local 10.60.0.1 from 10.0.0.9 via 10.0.0.1 dev lo table local src 10.60.0.1 uid 0 metric 5 <a,b> onlink"
            + " mtu lock 1380 expires 300sec advmss 1360\n"
            + "    cache <redirected> initcwnd 10\n"
            + "RTNETLINK answers: Network is unreachable\n"
            + "10.60.0.10\n");
    assertThat(l.lookups()).hasSize(3);
    RouteLookup full = l.lookups().get(0);
    assertThat(full).isEqualTo(ImmutableRouteLookup.builder().type("local").destination("10.60.0.1")
        .from("10.0.0.9").gateway("10.0.0.1").device("lo").table("local").source("10.60.0.1").uid(0).metric(5)
        .addFlags("a", "b", "onlink", "redirected").mtuBytes(1380).mtuLocked(true).expiresSeconds(300)
        .putOther("advmss", "1360").putOther("initcwnd", "10").cached(true).build());
    assertThat(l.lookups().get(1)).isEqualTo(
        RouteLookup.builder().destination("").error("RTNETLINK answers: Network is unreachable").build());
    RouteLookup bare = l.lookups().get(2);
    assertThat(bare).isEqualTo(RouteLookup.builder().destination("10.60.0.10").build());
    assertThat(bare.line()).isEqualTo(4);
    assertThat(bare.flags()).isEmpty();
    assertThat(bare.other()).isEmpty();
    assertThat(bare.cached()).isFalse();
    assertThat(bare.mtuLocked()).isFalse();
    assertThat(bare.uid()).isEmpty();
  }

  @Test
  void aRepeatedOtherKeywordIsTheErrorOfItsLine() throws ParseException {
    assertThatThrownBy(() -> new IpRouteGetParser().parse("10.0.0.1 dev eth0 advmss 1 advmss 2\n"))
        .hasMessage("line 1, column 28: 'advmss' is printed twice for this lookup");
    // lenient: that line is reported and its lookup left out; the next lookup is read
    ParseResult<RouteLookups> twice = new IpRouteGetParser().parseLenient("10.0.0.1 advmss 1 advmss 2\n10.0.0.2\n");
    assertThat(twice.diagnostics()).singleElement().satisfies(d -> assertThat(d.toString()).contains("line 1"));
    assertThat(twice.model().lookups()).extracting(RouteLookup::destination).containsExactly("10.0.0.2");
    ParseResult<RouteLookups> r = new IpRouteGetParser().parseLenient("10.0.0.1 dev eth0\nfoo bar\n10.0.0.2\n");
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.model().lookups()).extracting(RouteLookup::destination).containsExactly("10.0.0.1", "10.0.0.2");
  }
}
