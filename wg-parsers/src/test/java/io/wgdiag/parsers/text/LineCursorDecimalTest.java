package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The fast decimal path gives exactly what {@link Double#parseDouble} gives. */
class LineCursorDecimalTest {

  @Property(tries = 3000)
  void fastPathEqualsParseDouble(@ForAll long mantissa, @ForAll @IntRange(min = 0, max = 18) int scale) throws ParseException {
    String text = BigDecimal.valueOf(mantissa, scale).toPlainString();
    double parsed = LineCursor.of(text, 1).decimal("a number");
    assertThat(Double.doubleToLongBits(parsed)).as(text).isEqualTo(Double.doubleToLongBits(Double.parseDouble(text)));
  }

  @Property(tries = 1000)
  void decimalCommaReadsAsTheDot(@ForAll @IntRange(min = 0, max = 99999) int whole, @ForAll @IntRange(min = 0, max = 99) int cents)
      throws ParseException {
    String dot = whole + "." + String.format(java.util.Locale.ROOT, "%02d", cents);
    LineCursor c = LineCursor.of(dot.replace('.', ',') + " next", 1);
    assertThat(c.decimal("a number", true)).isEqualTo(Double.parseDouble(dot));
    assertThat(c.word()).isEqualTo("next");
  }

  /** What {@code decimal} reads, as a pattern: a sign, digits, a fraction, an exponent of at most four digits. */
  private static final Pattern POINT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?");
  private static final Pattern POINT_OR_COMMA =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*|,[0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]{1,4})?");

  /**
   * On any text of digits, points, commas, signs, exponents and blanks, {@code decimal} reads the
   * longest number the pattern allows after the blanks, to the same double {@link
   * Double#parseDouble} gives and to the same position, and fails where the pattern matches
   * nothing.
   */
  @Property(tries = 5000)
  void readsWhatThePatternAllows(
      @ForAll @StringLength(max = 24) @Chars({'0', '1', '5', '9', '.', ',', '+', '-', 'e', 'E', ' ', 'x'})
          @CharRange(from = '0', to = '9') String text,
      @ForAll boolean commaDecimal) {
    Matcher m = (commaDecimal ? POINT_OR_COMMA : POINT).matcher(text);
    int from = 0;
    while (from < text.length() && text.charAt(from) == ' ') {
      from++;
    }
    m.region(from, text.length());
    LineCursor c = LineCursor.of(text, 1);
    String read;
    try {
      double v = c.decimal("a number", commaDecimal);
      read = Double.doubleToLongBits(v) + " to " + c.position();
    } catch (ParseException e) {
      read = "failed at " + c.position();
    }
    String expected = m.lookingAt()
        ? Double.doubleToLongBits(Double.parseDouble(m.group().replace(',', '.'))) + " to " + m.end()
        : "failed at " + from;
    assertThat(read).as(text).isEqualTo(expected);
  }
}
