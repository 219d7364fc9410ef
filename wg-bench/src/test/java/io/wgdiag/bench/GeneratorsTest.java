package io.wgdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.route.RouteLookups;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.ParserRegistry;
import org.junit.jupiter.api.Test;

/** Every benchmark input, generated or recorded, is output the parsers read strictly: the benchmarks measure real parses. */
class GeneratorsTest {

  @Test
  void everyInputParsesCleanly() throws Exception {
    for (String name : BenchInputs.ALL.keySet()) {
      if (name.contains("1e6")) {
        continue; // the largest sizes are the same generators at scale; checked at 1e4 below
      }
      String text = BenchInputs.load(name);
      ParseResult<?> r = ParserRegistry.standard().parser(BenchInputs.toolOf(name)).parseLenient(text);
      assertThat(r.diagnostics()).as(name).isEmpty();
    }
    for (String text : new String[] {Generators.ssTcpInfo(2000, 1), Generators.ipRoute(20_000, 1), Generators.ping(10_000, 1)}) {
      assertThat(text).isNotEmpty();
    }
    assertThat(ParserRegistry.standard().parser("ss-tcp-info").parseLenient(Generators.ssTcpInfo(2000, 1)).diagnostics()).isEmpty();
    assertThat(ParserRegistry.standard().parser("ip-route").parseLenient(Generators.ipRoute(20_000, 1)).diagnostics()).isEmpty();
    assertThat(ParserRegistry.standard().parser("ping").parseLenient(Generators.ping(10_000, 1)).diagnostics()).isEmpty();
  }

  @Test
  void scaledLookupsAndRulesReadAsManyAsGenerated() throws Exception {
    RouteLookups lookups = (RouteLookups)
        ParserRegistry.standard().parser("ip-route-get").parse(Generators.ipRouteGet(1000, 7));
    assertThat(lookups.lookups()).hasSize(1000);
    assertThat(lookups.lookups().get(2).mtuBytes()).isPresent();
    assertThat(lookups.lookups().get(3).type()).isEqualTo("local");
    RuleSet rules = (RuleSet)
        ParserRegistry.standard().parser("ip-rule").parse(Generators.ipRule(1000, 7));
    assertThat(rules.rules()).hasSize(1000);
    assertThat(rules.rules().get(3).fwmask()).hasValue(0xffff);
  }
}
