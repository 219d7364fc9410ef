package io.wgdiag.parsers.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Keys and their values in insertion order, for a parser to fill line after line and clear: two
 * reused lists, no map entry per key. A key is found by a scan while there are few (the usual
 * dozen) and through an index made past 32 keys, so a lookup never costs more than constant time
 * on a long line. Not thread-safe; one per parse session.
 */
public final class KeyValues {
  private static final int SCAN_LIMIT = 32;

  private final ArrayList<String> keys = new ArrayList<>();
  private final ArrayList<String> values = new ArrayList<>();
  /** Past {@link #SCAN_LIMIT} keys: open addressing on the keys' hash, a slot holding a position + 1 (0 empty), at most half full. */
  private int @Nullable [] index;

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
    int[] ix = index;
    if (ix != null) {
      int mask = ix.length - 1;
      for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
        int p = ix[i];
        if (p == 0) {
          return -1;
        }
        if (keys.get(p - 1).equals(key)) {
          return p - 1;
        }
      }
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
    int[] ix = index;
    if (ix != null && keys.size() * 2 <= ix.length) {
      insert(ix, key, at);
    } else if (ix != null || keys.size() > SCAN_LIMIT) {
      ix = new int[Integer.highestOneBit(keys.size()) << 2];
      for (int i = 0; i < keys.size(); i++) {
        insert(ix, keys.get(i), i);
      }
      index = ix;
    }
    return at;
  }

  /** Room for {@code n} keys in all, so a long line or section grows its lists and its index once. */
  public void ensureCapacity(int n) {
    keys.ensureCapacity(n);
    values.ensureCapacity(n);
    int[] ix = index;
    if (n > SCAN_LIMIT && (ix == null || n * 2 > ix.length)) {
      ix = new int[Integer.highestOneBit(n) << 2];
      for (int i = 0; i < keys.size(); i++) {
        insert(ix, keys.get(i), i);
      }
      index = ix;
    }
  }

  private static void insert(int[] ix, String key, int at) {
    int mask = ix.length - 1;
    int i = spread(key.hashCode()) & mask;
    while (ix[i] != 0) {
      i = (i + 1) & mask;
    }
    ix[i] = at + 1;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The keys in insertion order. */
  public ImmutableList<String> keys() {
    return ImmutableList.copyOf(keys);
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
