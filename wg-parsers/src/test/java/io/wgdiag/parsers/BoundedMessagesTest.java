package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A message is bounded whatever the input: the token it quotes is cut to {@link
 * ParseException#MAX_LINE_TEXT} characters and the problem to {@link ParseException#MAX_PROBLEM}
 * (issue 31 saw 5 MB messages from conntrack, ip route get, nft and tracepath), and a key in it is
 * masked.
 */
class BoundedMessagesTest {
  private static final String KEY = "XiChnXSv/D2d5feQSotqGGHUPzGY/OhM2IxX4qp5djA=";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "conntrack-stats|cpu=0 found=TOKEN",
    "ip-route-get|10.60.0.10 dev TOKEN",
    "nft-ruleset|table inet TOKEN {",
    "tracepath|1?: TOKEN",
    "sysctl|net.core.rmem_max = 1\\nTOKEN",
  })
  void aHugeTokenGivesABoundedMessageWithNoKey(String tool, String shape) {
    String token = "x".repeat(5_000_000) + KEY;
    String text = shape.replace("\\n", "\n").replace("TOKEN", token) + "\n";
    Parser<?> parser = ParserRegistry.standard().parser(tool);
    try {
      parser.parse(text);
    } catch (ParseException e) {
      assertThat(String.valueOf(e.getMessage()).length()).as(tool).isLessThanOrEqualTo(ParseException.MAX_PROBLEM + 40);
      assertThat(e.problem().length()).isLessThanOrEqualTo(ParseException.MAX_PROBLEM);
      assertThat(e.lineText().length()).isLessThanOrEqualTo(ParseException.MAX_LINE_TEXT);
      assertThat(e.getMessage()).doesNotContain(KEY);
    }
    try {
      for (Diagnostic d : parser.parseLenient(text).diagnostics()) {
        assertThat(d.message().length()).as(tool).isLessThanOrEqualTo(ParseException.MAX_PROBLEM);
        assertThat(d.text().length()).isLessThanOrEqualTo(ParseException.MAX_LINE_TEXT);
        assertThat(d.toString()).doesNotContain(KEY);
      }
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  @org.junit.jupiter.api.Test
  void boundCutsEachQuotedTokenAndTheWhole() {
    String p = ParseException.bound("expected a number, found '" + "y".repeat(1000) + "'");
    assertThat(p).startsWith("expected a number, found 'yyy").hasSizeLessThanOrEqualTo(ParseException.MAX_LINE_TEXT + 30);
    assertThat(ParseException.bound("a".repeat(5000))).hasSize(ParseException.MAX_PROBLEM);
    assertThat(ParseException.bound("found '" + KEY + "'")).isEqualTo("found '(redacted)'");
  }
}
