package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The range scans the in-place parsers share ({@link Fields#digits}, {@link Fields#wordEnd}, ...). */
class FieldsScanTest {

  @Property(tries = 2000)
  void digitsReadWhatLongParseLongReads(@ForAll @LongRange(min = 0) long value, @ForAll @StringLength(max = 3) String around) {
    String s = around + value + " " + around;
    int from = around.length();
    int to = from + String.valueOf(value).length();
    assertThat(Fields.digits(s, from, to)).isEqualTo(value);
    assertThat(Fields.wordEnd(s, from, s.length())).isGreaterThanOrEqualTo(to);
  }

  @Property(tries = 1000)
  void digitsRefuseAnythingElse(@ForAll @StringLength(min = 1, max = 22) String s) {
    boolean plain = s.chars().allMatch(c -> c >= '0' && c <= '9')
        && new BigInteger(s).compareTo(BigInteger.valueOf(Long.MAX_VALUE)) <= 0;
    assertThat(Fields.digits(s, 0, s.length())).isEqualTo(plain ? Long.parseLong(s) : -1);
  }

  /**
   * The sampled hash depends on the range's text, not where it stands, and on the five characters
   * it says it reads: a range and its copy hash equal, and changing a character it does not sample
   * leaves the hash as it was.
   */
  @Property(tries = 2000)
  void theSampledHashOfARangeIsTheHashOfItsText(
      @ForAll @StringLength(max = 40) String text, @ForAll @StringLength(max = 5) String before,
      @ForAll @StringLength(max = 5) String after) {
    String s = before + text + after;
    int from = before.length();
    int to = from + text.length();
    assertThat(Fields.sampledHash(s, from, to)).isEqualTo(Fields.sampledHash(text, 0, text.length()));
    int len = text.length();
    if (len >= 6) {
      java.util.Set<Integer> sampled = java.util.Set.of(0, len >> 2, len >> 1, len - 1 - (len >> 2), len - 1);
      for (int i = 0; i < len; i++) {
        if (!sampled.contains(i)) {
          String changed = text.substring(0, i) + (char) (text.charAt(i) + 1) + text.substring(i + 1);
          assertThat(Fields.sampledHash(changed, 0, len)).isEqualTo(Fields.sampledHash(text, 0, len));
          break;
        }
      }
    }
  }

  /**
   * {@link Fields#holds} answers what {@code String.startsWith} answers wherever the text leaves
   * room: with the candidate taken from the text itself (so that it matches) or made up, and one
   * character of a match changed anywhere, the first and the last included.
   */
  @Property(tries = 2000)
  void holdsIsStartsWithWhereThereIsRoom(@ForAll @StringLength(min = 1, max = 30) String text,
      @ForAll @StringLength(max = 8) String other, @ForAll int pick) {
    int from = Math.floorMod(pick, text.length());
    String taken = text.substring(from, Math.min(text.length(), from + 1 + Math.floorMod(pick >>> 8, 8)));
    assertThat(Fields.holds(text, from, taken)).isTrue();
    int at = Math.floorMod(pick >>> 16, taken.length());
    String changed = taken.substring(0, at) + (char) (taken.charAt(at) + 1) + taken.substring(at + 1);
    assertThat(Fields.holds(text, from, changed)).isFalse();
    if (from + other.length() <= text.length()) {
      assertThat(Fields.holds(text, from, other)).isEqualTo(text.startsWith(other, from));
    }
  }

  @Example
  void theSampledHashTellsApartWordsOfOtherLengthsOrEnds() {
    assertThat(Fields.sampledHash("rx-gro", 0, 6)).isNotEqualTo(Fields.sampledHash("rx-gro-hw", 0, 9));
    assertThat(Fields.sampledHash("packets received", 0, 16))
        .isNotEqualTo(Fields.sampledHash("packets receivez", 0, 16));
    assertThat(Fields.sampledHash("", 0, 0)).isZero();
  }

  /** Every one of the 65,536 chars: the ASCII shortcut answers as {@link Character#isWhitespace(char)} does. */
  @Example
  void isWhitespaceAgreesWithTheJdkOnEveryChar() {
    int white = 0;
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertThat(Fields.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(Character.isWhitespace((char) c));
      white += Fields.isWhitespace((char) c) ? 1 : 0;
    }
    assertThat(white).isGreaterThan(20); // blank, tab to CR, U+001C..U+001F and the Unicode separators
  }

  @Example
  void rangesNeverLookPastTheirEnd() {
    String s = "key=12 other=5\tx";
    assertThat(Fields.indexOf(s, '=', 0, 3)).isEqualTo(-1);
    assertThat(Fields.indexOf(s, '=', 0, 6)).isEqualTo(3);
    assertThat(Fields.indexOf("a = b c = d", " = ", 0, 11)).isEqualTo(1);
    assertThat(Fields.indexOf("a = b c = d", " = ", 2, 11)).isEqualTo(7);
    assertThat(Fields.indexOf("a = b c = d", " = ", 2, 9)).isEqualTo(-1); // the needle must end within the range
    assertThat(Fields.wordEnd(s, 7, s.length())).isEqualTo(14);
    assertThat(Fields.lastIndexOf("[::1]:22 x:1", ':', 0, 8)).isEqualTo(5);
    assertThat(Fields.lastIndexOf("[::1]:22 x:1", ':', 0, 1)).isEqualTo(-1);
    assertThat(Fields.digits(s, 4, 6)).isEqualTo(12);
    assertThat(Fields.digits(s, 4, 4)).isEqualTo(-1);
    assertThat(Fields.digits("9223372036854775808", 0, 19)).isEqualTo(-1);
    assertThat(Fields.onlyDigits("10.0.0.1:22", ":.")).isTrue();
    assertThat(Fields.onlyDigits("10.0.0.1", "")).isFalse();
    assertThat(Fields.onlyDigits("", "")).isTrue();
    assertThat(Fields.trimStart("  a b  ", 0, 7)).isEqualTo(2);
    assertThat(Fields.trimEnd("  a b  ", 2, 7)).isEqualTo(5);
  }
}
