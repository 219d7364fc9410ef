package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The rest of a line read in place ({@link LineCursor#restStart()}, {@link LineCursor#restEnd()})
 * is what {@link LineCursor#rest()} reads, and that is the rest after blanks, stripped as {@link
 * String#strip()} strips it: any mix of blanks, tabs, other white space and text, from any
 * position, within a line that lies anywhere in a bigger text.
 */
class LineCursorRestTest {

  @Property(tries = 1000)
  void restInPlaceIsTheStrippedRest(
      @ForAll @StringLength(max = 30) @Chars({' ', '\t', '\u000b', '\f', '\r', '\u2003', '\u00a0', 'a', 'b', ',', '/'}) String line,
      @ForAll @IntRange(min = 0, max = 30) int at, @ForAll @StringLength(max = 3) String before) {
    int pos = Math.min(at, line.length());
    String text = before + line + "\nnext";
    LineCursor c = new LineCursor(s -> s);
    c.reset(text, before.length(), before.length() + line.length(), 1);
    c.position(pos);
    String expected = line.substring(pos).strip();
    assertThat(text.substring(c.restStart(), c.restEnd())).isEqualTo(expected);
    assertThat(c.position()).isEqualTo(pos); // nothing consumed
    assertThat(c.rest()).isEqualTo(expected);
    assertThat(c.atEnd()).isTrue();
    c.position(pos);
    c.skipRest();
    assertThat(c.position()).isEqualTo(line.length());
  }
}
