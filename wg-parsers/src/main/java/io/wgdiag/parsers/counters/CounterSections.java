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
 *
 * <p>The section being filled (the open one) is gathered in columns shared by every section of the
 * parse and reused from section to section, so they grow once, to the longest section, not once per
 * section; when another section is put to, the open one is closed into lists of its exact size,
 * which the model keeps. Counters of one protocol usually come together; a protocol printed again
 * later is opened again, its lists copied back into the shared columns.
 */
final class CounterSections {
  private final List<String> protocols = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private int last = -1;

  /** The open section, whose counters are in {@link #openNames} and {@link #openValues}; null when none is. */
  private @Nullable Section open;
  private final Names openNames = new Names();
  private long[] openValues = new long[16];

  /** One protocol's counters: its lists as the model takes them, or, while open, the shared columns. */
  final class Section {
    private ImmutableList<String> names = ImmutableList.of();
    private ImmutableLongArray values = ImmutableLongArray.of();

    /** Whether no counter is held yet. */
    boolean isEmpty() {
      return open == this ? openNames.size() == 0 : names.isEmpty();
    }

    /**
     * Takes {@code allNames} (each once) and their {@code allValues} in step as the whole section,
     * which must be empty: the lists become the model's as they are, with no copy.
     */
    void set(ImmutableList<String> allNames, ImmutableLongArray allValues) {
      if (!isEmpty() || allNames.size() != allValues.length()) {
        throw new IllegalStateException("set on a section that holds counters, or names and values out of step");
      }
      if (open == this) {
        open = null; // nothing gathered to keep
      }
      names = allNames;
      values = allValues;
    }

    /** Sets counter {@code name} to {@code value}: a name printed again keeps its place and takes the new value. */
    void put(String name, long value) {
      openSection(this);
      int i = openNames.find(name);
      if (i < 0) {
        roomFor(openNames.size() + 1);
        i = openNames.add(name);
      }
      openValues[i] = value;
    }

    /** Room for {@code more} counters beyond those held, so a header's worth is one growth at most. */
    void ensureRoom(int more) {
      openSection(this);
      roomFor(openNames.size() + more);
    }
  }

  /** Room in the shared columns for {@code n} counters: at least doubled when they grow, so put stays amortised. */
  private void roomFor(int n) {
    if (n > openValues.length) {
      openValues = Arrays.copyOf(openValues, Math.max(n, openValues.length * 2));
      openNames.ensureCapacity(n);
    }
  }

  /** Makes {@code s} the open section: the open one closed, and what {@code s} holds copied into the columns. */
  private void openSection(Section s) {
    if (open == s) {
      return;
    }
    close();
    int n = s.names.size();
    roomFor(n);
    for (int i = 0; i < n; i++) {
      openNames.add(s.names.get(i));
      openValues[i] = s.values.get(i);
    }
    open = s;
  }

  /** Closes the open section, if any, into lists of its exact size, and empties the columns. */
  private void close() {
    Section s = open;
    if (s == null) {
      return;
    }
    int n = openNames.size();
    s.names = openNames.toList();
    ImmutableLongArray.Builder v = ImmutableLongArray.builder(n); // one array of exactly n, which build() keeps
    for (int i = 0; i < n; i++) {
      v.add(openValues[i]);
    }
    s.values = v.build();
    openNames.clear();
    open = null;
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
    close();
    List<ImmutableList<String>> names = new ArrayList<>(sections.size());
    List<ImmutableLongArray> values = new ArrayList<>(sections.size());
    for (Section s : sections) {
      names.add(s.names);
      values.add(s.values);
    }
    return ProtocolCounters.of(ImmutableList.copyOf(protocols), names, values);
  }
}
