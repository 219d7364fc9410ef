package io.wgdiag.parsers.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;

/**
 * Keys and their values in insertion order, for a parser to fill line after line and clear: the
 * keys in {@link Names} (a scan while there are few, an index past 32) and the values in one
 * reused list beside them, no map entry per key. Not thread-safe; one per parse session.
 */
public final class KeyValues {
  private final Names keys = new Names();
  private final ArrayList<String> values = new ArrayList<>();

  /** Removes every key. */
  public void clear() {
    keys.clear();
    values.clear();
  }

  /** The number of keys. */
  public int size() {
    return keys.size();
  }

  /** Key {@code i}, in insertion order. */
  public String key(int i) {
    return keys.get(i);
  }

  /** The value of key {@code i}. */
  public String value(int i) {
    return values.get(i);
  }

  /** Replaces the value of key {@code i}. */
  public void setValue(int i, String value) {
    values.set(i, value);
  }

  /** The position of {@code key}, or -1. */
  public int find(String key) {
    return keys.find(key);
  }

  /** Adds {@code key} with {@code value} unless the key is there (the first value stays); whether it was added. */
  public boolean putIfAbsent(String key, String value) {
    if (find(key) >= 0) {
      return false;
    }
    add(key, value);
    return true;
  }

  /** Appends {@code key}, which must not be there yet ({@link #find} gave -1), and returns its position. */
  public int add(String key, String value) {
    values.add(value);
    return keys.add(key);
  }

  /** Room for {@code n} keys in all, so a long line grows its lists and its index once. */
  public void ensureCapacity(int n) {
    keys.ensureCapacity(n);
    values.ensureCapacity(n);
  }

  /** The keys in insertion order. */
  public ImmutableList<String> keys() {
    return keys.toList();
  }

  /** The keys and values as an immutable map in insertion order (no copy work when empty). */
  public ImmutableMap<String, String> toMap() {
    switch (keys.size()) {
      case 0:
        return ImmutableMap.of();
      case 1:
        return ImmutableMap.of(keys.get(0), values.get(0));
      default:
        ImmutableMap.Builder<String, String> b = ImmutableMap.builderWithExpectedSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
          b.put(keys.get(i), values.get(i));
        }
        return b.buildOrThrow();
    }
  }
}
