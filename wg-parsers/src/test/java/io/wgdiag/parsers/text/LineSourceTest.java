package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

class LineSourceTest {

  /** The streamed path splits exactly like the in-memory path, whatever the buffer boundaries. */
  @Property(tries = 300)
  void readerAndTextSplitAlike(
      @ForAll @Chars({'\n', '\r', 'a', ' '}) @CharRange(from = 'b', to = 'd') String text,
      @ForAll @IntRange(min = 1, max = 7) int chunk)
      throws IOException {
    Reader slow =
        new StringReader(text) {
          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(len, chunk));
          }
        };
    assertThat(lines(LineSource.of(slow))).isEqualTo(lines(LineSource.of(text)));
    assertThat(lines(LineSource.of(text))).isEqualTo(text.lines().toList());
  }

  private static List<String> lines(LineSource s) throws IOException {
    List<String> out = new ArrayList<>();
    String l;
    while ((l = s.next()) != null) {
      out.add(l);
    }
    return out;
  }
}
