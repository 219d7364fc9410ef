package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The key guard's masking function, and its streaming form. */
class SecretsTest {
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String KEY = "XiChnXSv/D2d5feQSotqGGHUPzGY/OhM2IxX4qp5djA=";

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withChars(B64).ofLength(43).map(s -> s + "=");
  }

  @Provide
  Arbitrary<String> surroundings() {
    return Arbitraries.strings().withChars(B64 + "=\t \n:\"{}").ofMaxLength(60);
  }

  @Test
  void masksAKeyWhereverItStands() {
    assertThat(Secrets.mask("PrivateKey = " + KEY)).isEqualTo("PrivateKey = (redacted)");
    assertThat(Secrets.mask("wg0" + KEY + "192.0.2.2:51820")).isEqualTo("wg0(redacted)192.0.2.2:51820");
    assertThat(Secrets.mask(KEY + KEY)).isEqualTo("(redacted)(redacted)");
    assertThat(Secrets.mask("net.core.rmem_max = 212992")).isSameAs("net.core.rmem_max = 212992");
    assertThat(Secrets.mask("peer " + KEY, Set.of(KEY))).isEqualTo("peer " + KEY);
    assertThat(Secrets.mask(KEY.substring(1))).isEqualTo(KEY.substring(1)); // 42 characters and '=': no key
  }

  /** Whatever surrounds a key, the mask removes it, from a string and from a stream read in any pieces. */
  @Property(tries = 500)
  void noKeySurvivesTheMask(@ForAll("keys") String key, @ForAll("surroundings") String before,
      @ForAll("surroundings") String after, @ForAll @IntRange(min = 1, max = 50) int piece) throws IOException {
    String text = before + key + after;
    assertThat(Secrets.mask(text)).doesNotContain(key);
    assertThat(Secrets.containsKey(Secrets.mask(text))).isFalse();
    StringBuilder read = new StringBuilder();
    try (Reader r = Secrets.maskingReader(new StringReader(text.repeat(300)))) {
      char[] buf = new char[piece];
      int n;
      while ((n = r.read(buf, 0, piece)) >= 0) {
        read.append(buf, 0, n);
      }
    }
    assertThat(read.toString()).isEqualTo(Secrets.mask(text.repeat(300)));
  }
}
