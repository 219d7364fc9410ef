package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A shared wrapper holds exactly the string it is asked for: never another one that used its slot. */
class SharedOptionalsTest {

  @Test
  void eachWrapperHoldsTheInstanceAskedFor() {
    SharedOptionals o = new SharedOptionals();
    assertThat(o.of(null)).isEmpty();
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 2 * SharedOptionals.GROW_AFTER; i++) {
      strings.add("v" + i); // more than the small table takes: shared slots, then the large table
    }
    for (int round = 0; round < 2; round++) {
      for (String s : strings) {
        assertThat(o.of(s).get()).isSameAs(s);
      }
    }
    String a = "eth0";
    assertThat(o.of(a)).isSameAs(o.of(a));
    String b = new String(a); // equal, another instance: its own wrapper
    assertThat(o.of(b).get()).isSameAs(b);
    assertThat(o.of(a).get()).isSameAs(a);
    assertThat(o.of(a)).isEqualTo(Optional.of("eth0"));
  }

  @Test
  void smallNumbersShareOneWrapperAndTheRestGetTheirOwn() {
    for (int v : new int[] {0, 1, 2, 1023}) {
      assertThat(SharedOptionals.ofInt(v)).isSameAs(SharedOptionals.ofInt(v)).isEqualTo(OptionalInt.of(v));
      assertThat(SharedOptionals.ofLong(v)).isSameAs(SharedOptionals.ofLong(v)).isEqualTo(OptionalLong.of(v));
    }
    for (int v : new int[] {-1, 1024, Integer.MAX_VALUE}) {
      assertThat(SharedOptionals.ofInt(v)).isEqualTo(OptionalInt.of(v));
      assertThat(SharedOptionals.ofLong(v)).isEqualTo(OptionalLong.of(v));
    }
    assertThat(SharedOptionals.ofLong(Long.MAX_VALUE)).hasValue(Long.MAX_VALUE);
  }
}
