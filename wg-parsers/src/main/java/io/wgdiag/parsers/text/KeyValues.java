package io.wgdiag.parsers.text;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keys and their values in insertion order, for a parser to fill line after line and clear: two
 * reused lists, no map entry per key. A key is found by a scan while there are few (the usual
 * dozen) and through an index made past 32 keys, so a lookup never costs more than constant time
 * on a long line. Not thread-safe; one per parse session.
 */
public final class KeyValues {
  private static final int SCAN_LIMIT = 32;

  private final List<String> keys = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private @Nullable Map<String, Integer> index;

  /** Removes every key. */
  public void clear() {
    keys.clear();
    values.clear();
    index = null;
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
    Map<String, Integer> ix = index;
    if (ix != null) {
      Integer i = ix.get(key);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).equals(key)) {
        return i;
      }
    }
    return -1;
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
    int at = keys.size();
    keys.add(key);
    values.add(value);
    Map<String, Integer> ix = index;
    if (ix != null) {
      ix.put(key, at);
    } else if (keys.size() > SCAN_LIMIT) {
      ix = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        ix.put(keys.get(i), i);
      }
      index = ix;
    }
    return at;
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
