package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

class LineCursorTest {

  @Test
  void readsWordsNumbersAndQuantitiesSkippingBlanks() throws ParseException {
    LineCursor c = LineCursor.of("  mtu 1420 qdisc\tnoqueue rate 1.9Gbps 5.0ms", 3);
    c.expect("mtu");
    assertThat(c.number()).isEqualTo(1420);
    assertThat(c.tryConsumeWord("qdisc")).isTrue();
    assertThat(c.word()).isEqualTo("noqueue");
    assertThat(c.tryConsumeWord("rat")).isFalse();
    c.expect("rate");
    LineCursor.Quantity q = c.quantity("a rate");
    assertThat(q.value()).isEqualTo(1.9);
    assertThat(q.unit()).isEqualTo("Gbps");
    assertThat(Units.bitsPerSecond(q.value(), q.unit())).isEqualTo(1.9e9);
    assertThat(c.quantity("a time")).isEqualTo(new LineCursor.Quantity(5.0, "ms"));
    assertThat(c.atEnd()).isTrue();
  }

  @Test
  void errorsNameLineColumnExpectationAndWhatWasFound() {
    LineCursor c = LineCursor.of("10.60.0.10 dev wg0 mtu lock 1400", 7);
    c.position(23);
    assertThatThrownBy(() -> c.number("the MTU in bytes after 'mtu'"))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 7, column 24: expected the MTU in bytes after 'mtu', found 'lock'")
        .satisfies(e -> assertThat(((ParseException) e).lineText()).isEqualTo(c.text()));
  }

  @Test
  void numbersRejectOverflowAndTrailingLetters() {
    assertThatThrownBy(() -> LineCursor.of("99999999999999999999", 1).number())
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> LineCursor.of("12ab", 1).number()).hasMessageContaining("found '12ab'");
    // the keyword-naming form says the same, with its message put together on failure
    assertThatThrownBy(() -> LineCursor.of("99999999999999999999", 1).number("a number after '", "pmtu", "'"))
        .hasMessage("line 1, column 1: expected a number after 'pmtu' (at most 9223372036854775807), found '99999999999999999999'");
    assertThatThrownBy(() -> LineCursor.of("", 1).word("a value after '", "dev", "'"))
        .hasMessage("line 1, column 1: expected a value after 'dev', found end of line");
  }

  @Test
  void decimalsAcceptCommaOnlyWhenAsked() throws ParseException {
    assertThat(LineCursor.of("12,5", 1).decimal("x", true)).isEqualTo(12.5);
    assertThat(LineCursor.of("12,5", 1).decimal("x", false)).isEqualTo(12.0);
    assertThat(LineCursor.of("1e+03Mbps", 1).quantity("x")).isEqualTo(new LineCursor.Quantity(1000, "Mbps"));
  }

  @Test
  void redactedTokensAreNeverEchoed() {
    LineCursor c = new LineCursor(line -> line.replace("SECRETKEY=", "(redacted)"));
    c.reset("wg0 SECRETKEY= pub", 1);
    c.position(4);
    assertThatThrownBy(() -> c.number())
        .hasMessageNotContaining("SECRETKEY")
        .satisfies(e -> assertThat(((ParseException) e).lineText()).doesNotContain("SECRETKEY"));
  }
}
