package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

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
}
