package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Sharing tokens (the known words, the per-parse cache) changes allocation only: every token read
 * equals the text it was read from, whatever the word, its neighbours and the line number.
 */
class TokenSharingTest {

  @Provide
  Arbitrary<String> words() {
    // known words, near misses of them (a letter more, a letter changed) and arbitrary words
    Arbitrary<String> known = Arbitraries.of("dev", "proto", "ESTAB", "qdisc", "ms", "icmp_seq", "metric", "link/ether");
    Arbitrary<String> nearMiss = known.flatMap(k -> Arbitraries.of(k + "x", "x" + k, k.substring(1), k.toUpperCase()));
    Arbitrary<String> any = Arbitraries.strings().withChars("abcdefDEV_/%.-:").ofMinLength(1).ofMaxLength(24);
    return Arbitraries.oneOf(known, nearMiss, any);
  }

  @Property(tries = 2000)
  void everyTokenEqualsItsText(
      @ForAll("words") String a, @ForAll("words") String b, @ForAll @IntRange(min = 1, max = 200) int lineNumber)
      throws ParseException {
    LineCursor c = new LineCursor(s -> s);
    String text = "x " + a + "\t" + b + " y";
    c.reset(text, 2, text.length() - 2, lineNumber); // read in place, as the in-memory parse does
    assertThat(c.peekWord()).isEqualTo(a);
    assertThat(c.word()).isEqualTo(a);
    assertThat(c.word()).isEqualTo(b);
    assertThat(c.wordOrNull()).isNull();
    assertThat(c.token(2, 2 + a.length())).isEqualTo(a);
  }

  @Example
  void aKnownWordIsOneInstanceFromTheFirstLine() throws ParseException {
    LineCursor c = LineCursor.of("10.0.0.0/8 dev eth0", 1);
    String first = c.word();
    String dev = c.word();
    assertThat(dev).isEqualTo("dev").isSameAs(KnownTokens.lookup("dev", 0, 3, "dev".hashCode()));
    assertThat(first).isEqualTo("10.0.0.0/8");
    assertThat(KnownTokens.size()).isGreaterThan(100);
    assertThat(KnownTokens.lookup("devx", 0, 4, "devx".hashCode())).isNull();
  }

  /**
   * {@code smallNumberBefore} reads a label only where it is a number from 0 to 255 without leading
   * zeros followed by the stop character, as that number's text, and consumes it with the stop;
   * for anything else it consumes only the blanks.
   */
  @Property(tries = 500)
  void aSmallNumberIsReadOnlyWhereItIsOne(@ForAll("labels") String label, @ForAll @IntRange(min = 0, max = 3) int indent) {
    LineCursor c = LineCursor.of(" ".repeat(indent) + label + ":  5  IO-APIC", 1);
    String got = c.smallNumberBefore(':');
    boolean small = label.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(label) < 256;
    if (small) {
      assertThat(got).isEqualTo(label);
      assertThat(c.position()).isEqualTo(indent + label.length() + 1);
    } else {
      assertThat(got).as(label).isNull();
      assertThat(c.position()).isEqualTo(indent);
    }
  }

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 2000).map(String::valueOf),
        Arbitraries.integers().between(0, 300).map(i -> "0" + i),
        Arbitraries.strings().withChars("0123456789aX-\u0663").ofMinLength(0).ofMaxLength(5));
  }

  /** The numbers 0 to 255 are known words: one instance whichever line or parse reads them. */
  @Example
  void aSmallNumberIsOneInstanceFromTheFirstLine() throws ParseException {
    String label = LineCursor.of("  24:  7  IO-APIC", 1).until(':');
    LineCursor rule = LineCursor.of("table 24 pref 100", 1);
    assertThat(rule.word()).isEqualTo("table");
    assertThat(label).isEqualTo("24").isSameAs(rule.word());
    assertThat(KnownTokens.lookup("x 24 y", 2, 2, "24".hashCode())).isSameAs(label);
    for (String n : new String[] {"0", "9", "99", "255"}) {
      assertThat(KnownTokens.lookup(n, 0, n.length(), n.hashCode())).isEqualTo(n);
    }
    for (String n : new String[] {"256", "024", "00", "-1", "1000"}) {
      assertThat(KnownTokens.lookup(n, 0, n.length(), n.hashCode())).as(n).isNull();
    }
  }
}
