package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SharedTextTest {

  /** Whatever was seen before (colliding hashes included), a range comes back equal to its text. */
  @Property(tries = 300)
  void everyRangeComesBackEqualToItsText(
      @ForAll @StringLength(max = 80) String text, @ForAll @IntRange(min = 1, max = 64) int seed) {
    SharedText shared = new SharedText(4, 6); // few slots: collisions on every input
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int k = 0; k < 50 && !text.isEmpty(); k++) {
      int from = r.nextInt(text.length());
      int to = from + r.nextInt(text.length() - from + 1);
      assertThat(shared.get(text, from, to)).isEqualTo(text.substring(from, to));
    }
  }

  @Test
  void aRepeatedShortRangeIsOneInstanceAndALongOneIsNot() {
    SharedText shared = new SharedText(64, 4);
    String text = "root root rootroot";
    assertThat(shared.get(text, 5, 9)).isSameAs(shared.get(text, 0, 4)).isEqualTo("root");
    assertThat(shared.get(text, 10, 18)).isNotSameAs(shared.get(text, 10, 18)).isEqualTo("rootroot");
    assertThatThrownBy(() -> new SharedText(48, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
