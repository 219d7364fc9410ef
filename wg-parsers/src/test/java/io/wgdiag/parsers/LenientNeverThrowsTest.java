package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.cpu.TopReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes of issue 31 where lenient mode threw or lost lines without a word: each now gives a
 * model and a diagnostic naming the place, while strict mode still fails there.
 */
class LenientNeverThrowsTest {
  private static final ParserRegistry REGISTRY = ParserRegistry.standard();

  @Test
  void topWithATaskStateTwiceIsADiagnosticNotARefusedInput() throws ParseException {
    Parser<TopReport> top = REGISTRY.parser("top", TopReport.class);
    String text = "top - 10:00:00 up 1 day,  1 user,  load average: 0.10, 0.20, 0.30\nTasks:0 0 0 0\n";
    assertThrows(ParseException.class, () -> top.parse(text));
    ParseResult<TopReport> r = top.parseLenient(text);
    assertThat(r.model().iterations()).hasSize(1);
    assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(2);
    // the issue's own input: a top line with no load average, then the same Tasks line
    ParseResult<TopReport> bare = top.parseLenient("top - 4\nTasks:0 0 0 0");
    assertThat(bare.diagnostics()).extracting(Diagnostic::line).containsExactly(1, 2);
  }

  private static final String LINKS = Fixtures.read("fixtures/ip-link-stats/ns-s-link.json");

  @ParameterizedTest
  @ValueSource(strings = {"\"mtu\":65536", "\"ifindex\":1", "\"bytes\":0"})
  void aBadValueInIpLinkJsonIsADiagnosticAndTheOtherLinksAreRead(String good) throws ParseException {
    Parser<Links> parser = REGISTRY.parser("ip-link-stats", Links.class);
    int all = parser.parse(LINKS).links().size();
    String bad = switch (good) {
      case "\"mtu\":65536" -> "\"mtu\":\"UNKNOWN\"";
      case "\"ifindex\":1" -> "\"ifindex\":4294967295";
      default -> "\"bytes\":\"1234\"";
    };
    assertThat(LINKS).contains(good);
    String text = LINKS.replaceFirst(java.util.regex.Pattern.quote(good), bad);
    ParseException strict = assertThrows(ParseException.class, () -> parser.parse(text));
    ParseResult<Links> r = parser.parseLenient(text);
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).line()).isEqualTo(strict.line());
    assertThat(r.diagnostics().get(0).column()).isEqualTo(strict.column());
    assertThat(r.model().links()).hasSize(all - 1).extracting(Link::name).doesNotContain("lo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ip-link", "ip-link-stats", "ip-route", "ip-rule", "iperf3-json", "mpstat", "tc-qdisc"})
  void malformedJsonIsADiagnosticInLenientMode(String tool) throws ParseException {
    Parser<?> parser = REGISTRY.parser(tool);
    for (String text : new String[] {"[{\"ifname\": ", "{\"a\": [1, 2", "[1, 2, 3]", "{\"x\": \"1234\"} trailing"}) {
      ParseResult<?> r = parser.parseLenient(text);
      assertThat(r.model()).isNotNull();
      assertThat(r.diagnostics()).as("%s: %s", tool, text).isNotEmpty();
    }
  }

  @Test
  void endOfInputProblemsAreDiagnosticsInLenientMode() throws ParseException {
    String snmp = "Ip: Forwarding DefaultTTL\nIp: 2 64\nUdp: InDatagrams NoPorts\n";
    assertEndProblem("proc-net-snmp", snmp);
    String nft = "table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n";
    assertEndProblem("nft-ruleset", nft);
    String link = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
        + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
        + "    RX:  bytes packets errors dropped  missed   mcast\n";
    assertEndProblem("ip-link-stats", link);
    String half = link + "             0       0      0       0       0       0\n";
    assertEndProblem("ip-link-stats", half);
  }

  private static void assertEndProblem(String tool, String text) throws ParseException {
    Parser<?> parser = REGISTRY.parser(tool);
    ParseException strict = assertThrows(ParseException.class, () -> parser.parse(text));
    ParseResult<?> r = parser.parseLenient(text);
    assertThat(r.diagnostics()).as(tool).extracting(Diagnostic::message).contains(strict.problem());
  }
}
