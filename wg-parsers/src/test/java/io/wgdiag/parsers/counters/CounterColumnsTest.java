package io.wgdiag.parsers.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import io.wgdiag.model.counters.ProtocolCounters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Protocol counters held as columns ({@link CounterSections}, {@link ProtocolCounters}) behave as
 * the map of maps they replace, filled with put: a name printed again keeps its place and takes the
 * last value; and {@link PhraseTable} finds a phrase where it stands as a map finds its string.
 */
class CounterColumnsTest {

  @Property(tries = 300)
  void columnsActAsInsertionOrderedMapsWithTheLastValue(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 3) Integer> protocols,
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 70) Integer> names,
      @ForAll boolean sized) {
    CounterSections sections = new CounterSections();
    Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
    int n = Math.min(protocols.size(), names.size());
    for (int i = 0; i < n; i++) {
      String p = "P" + protocols.get(i);
      String name = "c" + names.get(i);
      long v = (long) i * 1_000_003L - 7;
      CounterSections.Section s = sections.section(p);
      if (sized && i % 17 == 0) {
        s.ensureRoom(40); // as a header line does: room made ahead must not change what is held
      }
      s.put(name, v);
      expected.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(name, v);
    }
    ProtocolCounters c = sections.build();
    assertThat(c.sections()).isEqualTo(expected);
    assertThat(c.sections().keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((p, m) -> {
      assertThat(java.util.Objects.requireNonNull(c.sections().get(p)).keySet()).containsExactlyElementsOf(m.keySet());
      m.forEach((name, v) -> assertThat(c.get(p, name)).hasValue(v));
      assertThat(c.get(p, "absent")).isEmpty();
    });
    assertThat(c.get("Nope", "c1")).isEmpty();
    assertThat(ProtocolCounters.of(expected)).isEqualTo(c);
  }

  @Property(tries = 300)
  void headerAndValueLinesActAsPutsWhateverRepeats(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 2) Integer> protocols,
      @ForAll @Size(min = 8, max = 8) List<@Size(min = 1, max = 40) List<@IntRange(min = 0, max = 45) Integer>> headers)
      throws Exception {
    // a protocol printed twice, a name printed twice in one header: the section taken whole from its
    // first header must not keep or lend the lists when more comes
    Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    long v = 1;
    for (int p = 0; p < protocols.size(); p++) {
      String proto = "P" + protocols.get(p);
      StringBuilder head = new StringBuilder(proto + ":");
      StringBuilder vals = new StringBuilder(proto + ":");
      for (int n : headers.get(p)) {
        String name = "C" + n;
        head.append(' ').append(name);
        vals.append(' ').append(v);
        expected.computeIfAbsent(proto, k -> new LinkedHashMap<>()).put(name, v);
        v = v * 7 + 3;
      }
      text.append(head).append('\n').append(vals).append('\n');
    }
    ProtocolCounters c = new ProcNetSnmpParser().parse(text);
    assertThat(c.sections()).isEqualTo(expected);
    expected.forEach((p, m) -> assertThat(java.util.Objects.requireNonNull(c.sections().get(p)).keySet())
        .containsExactlyElementsOf(m.keySet()));
    assertThat(ProtocolCounters.of(expected)).isEqualTo(c);
  }

  @Test
  void aBadValueKeepsTheValuesBeforeItInALenientParse() throws Exception {
    String text = "Udp: InDatagrams NoPorts InErrors\nUdp: 12 x 3\nTcp: A B\nTcp: 1 2\n";
    var r = new ProcNetSnmpParser().parseLenient(text);
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).column()).isEqualTo(9);
    assertThat(r.model().sections()).isEqualTo(Map.of("Udp", Map.of("InDatagrams", 12L), "Tcp", Map.of("A", 1L, "B", 2L)));
    assertThatThrownBy(() -> new ProcNetSnmpParser().parse(text))
        .hasMessage("line 2, column 9: expected a counter value, found 'x'");
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(List.of("Aa", "BB", "C#"))).isNull(); // one hash, three names
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(List.of("Aa", "BB", "Aa"))).isEqualTo("Aa");
  }

  @Test
  void columnsOutOfStepAreRefused() {
    assertThatThrownBy(() -> ProtocolCounters.of(
            List.of("Udp"), List.of(ImmutableList.of("InDatagrams", "NoPorts")), List.of(ImmutableLongArray.of(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Udp: 2 counter names but 1 values");
    assertThatThrownBy(() -> ProtocolCounters.of(List.of("Udp", "Tcp"), List.of(ImmutableList.of()), List.of(ImmutableLongArray.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 protocols but 1 name lists");
  }

  @Property(tries = 300)
  void aPhraseIsFoundWhereItStands(
      @ForAll @Size(max = 40) Map<@StringLength(max = 12) String, @StringLength(max = 5) String> phrases,
      @ForAll @StringLength(max = 12) String query,
      @ForAll @StringLength(max = 4) String before,
      @ForAll @StringLength(max = 4) String after,
      @ForAll boolean known) {
    PhraseTable table = new PhraseTable(phrases);
    String q = known && !phrases.isEmpty() ? phrases.keySet().iterator().next() : query;
    String line = before + q + after;
    assertThat(table.get(line, before.length(), before.length() + q.length())).isEqualTo(phrases.get(q));
  }
}
