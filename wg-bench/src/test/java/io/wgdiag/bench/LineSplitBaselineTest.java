package io.wgdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The two reference loops every parser is set beside compute what they say, so the JIT cannot drop their work. */
class LineSplitBaselineTest {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  @Test
  void scanCharactersSumsTheNumbersAndCountsTheRest() {
    // 12 + 3 + 400 = 415; 'a', 'b', ' ', '\n', 'x', ':' are six other characters
    assertThat(LineSplitBaseline.scanCharacters("ab 12\n3x:400")).isEqualTo(421);
    assertThat(LineSplitBaseline.scanCharacters("")).isZero();
    assertThat(LineSplitBaseline.scanCharacters("0")).isZero();
  }

  /** The scan against its definition written with a regular expression and exact arithmetic, wrapped to 64 bits. */
  @Property
  void scanCharactersMatchesItsDefinition(
      @ForAll @StringLength(max = 80) @CharRange(from = ' ', to = '~') @CharRange(from = '\t', to = '\n') String text) {
    BigInteger sum = BigInteger.ZERO;
    int digits = 0;
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      sum = sum.add(new BigInteger(m.group()));
      digits += m.group().length();
    }
    long expected = sum.add(BigInteger.valueOf(text.length() - digits)).longValue();
    assertThat(LineSplitBaseline.scanCharacters(text)).isEqualTo(expected);
  }

  @Test
  void touchLinesSeesEveryLine() {
    org.openjdk.jmh.infra.Blackhole bh = new org.openjdk.jmh.infra.Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    // lengths 2, 0, 3 and first characters 'a', '1'
    assertThat(LineSplitBaseline.touchLines("ab\n\n123", bh)).isEqualTo(2 + 'a' + 0 + 3 + '1');
  }
}
