package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link KeyValues} behaves as a {@link LinkedHashMap} filled with putIfAbsent, below and past its index threshold. */
class KeyValuesTest {

  @Property(tries = 300)
  void actsAsAnInsertionOrderedMap(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 60) Integer> keys, @ForAll boolean reuse,
      @ForAll @IntRange(min = 0, max = 100) int room) {
    KeyValues kv = new KeyValues();
    if (reuse) {
      for (int i = 0; i < 40; i++) {
        kv.putIfAbsent("old" + i, "x");
      }
      kv.clear();
    }
    Map<String, String> expected = new LinkedHashMap<>();
    int n = 0;
    for (int k : keys) {
      if (n == keys.size() / 2) {
        kv.ensureCapacity(room); // room made midway (an index made early, or none) must not change what is held
      }
      String key = "k" + k;
      String value = "v" + n++;
      boolean absent = !expected.containsKey(key);
      expected.putIfAbsent(key, value);
      assertThat(kv.putIfAbsent(key, value)).isEqualTo(absent);
    }
    assertThat(kv.size()).isEqualTo(expected.size());
    assertThat(kv.keys()).containsExactlyElementsOf(expected.keySet());
    assertThat(kv.toMap()).containsExactlyEntriesOf(expected);
    assertThat(kv.find("old1")).isEqualTo(-1);
    int i = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(kv.find(e.getKey())).isEqualTo(i);
      assertThat(kv.key(i)).isEqualTo(e.getKey());
      assertThat(kv.value(i++)).isEqualTo(e.getValue());
    }
  }
}
