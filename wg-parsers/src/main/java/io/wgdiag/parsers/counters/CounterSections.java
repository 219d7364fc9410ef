package io.wgdiag.parsers.counters;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.parsers.text.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Protocol counters gathered as columns while a parse goes on: per protocol, its names in the
 * order first printed and the last value printed for each as a primitive long. No map entry and
 * no boxed count per counter; a name is found by a scan while a protocol has few and through an
 * index past 32 ({@link Names}), so a long section costs linear time. One per parse session.
 */
final class CounterSections {
  private final List<String> protocols = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private int last = -1;

  /** A section's names and values as the model takes them, set at once (one field, so a section is no bigger). */
  private record Whole(ImmutableList<String> names, ImmutableLongArray values) {}

  /** One protocol's counters. */
  static final class Section {
    private final Names names = new Names();
    private long[] values = new long[0];
    /**
     * A whole header's names and values, set at once while the section was empty ({@link #set}):
     * the model takes them as they are. A later {@link #put} copies them into the columns first.
     */
    private @Nullable Whole whole;

    /** Whether no counter is held yet. */
    boolean isEmpty() {
      return whole == null && names.size() == 0;
    }

    /**
     * Takes {@code allNames} (each once) and their {@code allValues} in step as the whole section,
     * which must be empty: the lists become the model's as they are, with no copy.
     */
    void set(ImmutableList<String> allNames, ImmutableLongArray allValues) {
      if (!isEmpty() || allNames.size() != allValues.length()) {
        throw new IllegalStateException("set on a section that holds counters, or names and values out of step");
      }
      whole = new Whole(allNames, allValues);
    }

    /** The names and values taken by {@link #set}, moved into the columns that {@link #put} fills. */
    private void unset() {
      Whole w = whole;
      if (w == null) {
        return;
      }
      whole = null;
      ImmutableList<String> n = w.names();
      ImmutableLongArray v = w.values();
      names.ensureCapacity(n.size());
      values = v.toArray();
      for (String name : n) {
        names.add(name);
      }
    }

    /** Sets counter {@code name} to {@code value}: a name printed again keeps its place and takes the new value. */
    void put(String name, long value) {
      unset();
      int i = names.find(name);
      if (i < 0) {
        i = names.add(name);
        if (i == values.length) {
          values = Arrays.copyOf(values, Math.max(8, values.length * 2));
        }
      }
      values[i] = value;
    }

    /** Room for {@code more} counters beyond those held, so a header's worth is one growth at most. */
    void ensureRoom(int more) {
      unset();
      int need = names.size() + more;
      if (need > values.length) {
        values = Arrays.copyOf(values, need); // a header's names, one value each: the exact size
        names.ensureCapacity(need);
      }
    }
  }

  /** The section of {@code protocol}, made at its first use. */
  Section section(String protocol) {
    if (last >= 0 && protocols.get(last).equals(protocol)) {
      return sections.get(last); // the usual case: counters of one protocol come together
    }
    int i = protocols.indexOf(protocol); // a few dozen protocols at most
    if (i < 0) {
      i = protocols.size();
      protocols.add(protocol);
      sections.add(new Section());
    }
    last = i;
    return sections.get(i);
  }

  /** The counters gathered, in printed order. */
  ProtocolCounters build() {
    List<ImmutableList<String>> names = new ArrayList<>(sections.size());
    List<ImmutableLongArray> values = new ArrayList<>(sections.size());
    for (Section s : sections) {
      Whole w = s.whole;
      if (w != null) {
        names.add(w.names());
        values.add(w.values());
        continue;
      }
      int n = s.names.size();
      names.add(s.names.toList());
      ImmutableLongArray.Builder v = ImmutableLongArray.builder(n); // one array of exactly n, which build() keeps
      for (int i = 0; i < n; i++) {
        v.add(s.values[i]);
      }
      values.add(v.build());
    }
    return ProtocolCounters.of(ImmutableList.copyOf(protocols), names, values);
  }
}
