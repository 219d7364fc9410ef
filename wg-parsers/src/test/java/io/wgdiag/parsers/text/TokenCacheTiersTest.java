package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.ParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One cursor over many lines, through the small cache and the move to the large one: every token
 * equals its text, whatever the tokens that used its slot before, and a repeated token is shared.
 */
class TokenCacheTiersTest {

  @Test
  void tokensStayTheirTextAcrossTheCacheTiers() throws ParseException {
    LineCursor c = new LineCursor(s -> s);
    Random rnd = new Random(7);
    StringBuilder all = new StringBuilder();
    int lines = 2 * LineCursor.LARGE_CACHE_LINE;
    int[] starts = new int[lines + 1];
    for (int n = 0; n < lines; n++) {
      starts[n] = all.length();
      for (int w = 0; w < 6; w++) {
        // few distinct words (repeats hit) and many (slots are overwritten), none a known token
        all.append(rnd.nextBoolean() ? "q" + rnd.nextInt(8) : "z" + rnd.nextInt(5000)).append(' ');
      }
      all.append('\n');
    }
    starts[lines] = all.length();
    String text = all.toString();
    for (int n = 0; n < lines; n++) {
      c.reset(text, starts[n], starts[n + 1] - 1, n + 1);
      String[] expected = text.substring(starts[n], starts[n + 1] - 1).trim().split(" ");
      for (String e : expected) {
        String got = c.wordOrNull();
        assertThat(got).isEqualTo(e);
      }
      assertThat(c.wordOrNull()).isNull();
    }
    // from the small tier on, a repeated token is one instance; before it, each is its own
    String pair = "q3 q3";
    c.reset(pair, 0, pair.length(), LineCursor.SMALL_CACHE_LINE);
    assertThat(c.word()).isSameAs(c.word());
    LineCursor fresh = new LineCursor(s -> s);
    fresh.reset(pair, 0, pair.length(), 1);
    assertThat(fresh.word()).isNotSameAs(fresh.word());
  }
}
