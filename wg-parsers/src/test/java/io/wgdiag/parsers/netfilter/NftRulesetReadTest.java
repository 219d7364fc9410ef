package io.wgdiag.parsers.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.netfilter.NftRuleset;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@code nft list ruleset} read in place, with one rule builder for the parse, gives what the
 * former reading gave ({@link FormerNftRulesetParser}): blocks, rules and braces in any order,
 * balanced or not.
 */
class NftRulesetReadTest {

  private static final List<String> LINES = List.of(
      "table ip filter {", "table inet  fw {", "table\tip6 \u000b nat {", "table ip x y {", "table bad {", "table {", "\tchain INPUT {", "chain  FORWARD  extra {",
      "chain {", "\t\ttype filter hook input priority filter; policy accept;",
      "\t\ttype nat hook postrouting priority srcnat; policy accept;", "\t\tudp dport 51820 counter packets 0 bytes 0 accept",
      "\t\tct state invalid  counter packets 0 bytes 0 drop  ", "\t}", "}", "  }  ", "set allowed {",
      "\t\ttype ipv4_addr", "\t\telements = { 10.0.0.1,", "\t\t\t     10.0.0.2 }", "{", "# Warning: table ip x is managed",
      "\t\tmeta l4proto { tcp, udp } accept", "flowtable ft {", "counter c1 {", "\t\tpackets 0 bytes 0");

  @Property(tries = 400)
  void readsAsTheFormerReading(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 25) Integer> picks) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int k : picks) {
      text.append(LINES.get(k)).append('\n');
    }
    ParseResult<NftRuleset> expected;
    try {
      expected = new FormerNftRulesetParser().parseLenient(text);
    } catch (ParseException e) {
      // A chain's base line printed twice: the former reading refused the whole input when the
      // model was made; the parser now reports the line that prints it again, and reads the rest.
      assertThat(e.getMessage()).contains("Multiple entries with same key");
      ParseResult<NftRuleset> got = new NftRulesetParser().parseLenient(text);
      assertThat(got.diagnostics()).anySatisfy(d -> assertThat(d.toString()).contains("a second base chain line for chain"));
      return;
    }
    ParseResult<NftRuleset> got = new NftRulesetParser().parseLenient(text);
    assertThat(got.model()).isEqualTo(expected.model());
    assertThat(got.model().baseChains()).containsExactlyEntriesOf(expected.model().baseChains());
    // the former reading said nothing of a block left open at the end; lenient mode now does (issue 31)
    assertThat(got.diagnostics().stream().filter(d -> !d.message().endsWith("before the end")).toList())
        .isEqualTo(expected.diagnostics());
    for (int i = 0; i < got.model().rules().size(); i++) {
      assertThat(got.model().rules().get(i).line()).isEqualTo(expected.model().rules().get(i).line());
    }
  }
}
