package io.wgdiag.parsers.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.netfilter.NftRule;
import io.wgdiag.model.netfilter.NftRuleset;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseResult;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@code nft list ruleset} lines in any order, braces balanced or not: the lenient reading never
 * throws, each rule points at the line it was read from (in order, inside a named table and
 * chain), and each diagnostic names a line of the input.
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
  void rulesPointAtTheirLines(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 25) Integer> picks) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int k : picks) {
      text.append(LINES.get(k)).append('\n');
    }
    String[] lines = text.toString().split("\n", -1);
    ParseResult<NftRuleset> got = new NftRulesetParser().parseLenient(text);
    int last = 0;
    for (NftRule rule : got.model().rules()) {
      assertThat(rule.line()).isGreaterThan(last).isLessThanOrEqualTo(lines.length);
      last = rule.line();
      assertThat(rule.table()).isNotBlank();
      assertThat(rule.chain()).isNotBlank();
      assertThat(lines[rule.line() - 1]).contains(rule.text().strip().split("\\s+")[0]);
    }
    for (Diagnostic d : got.diagnostics()) {
      assertThat(d.line()).isBetween(1, lines.length);
    }
  }
}
