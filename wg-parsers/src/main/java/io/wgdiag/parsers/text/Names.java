package io.wgdiag.parsers.text;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Distinct names in insertion order, each at a position a parser keeps its value under (a string
 * in {@link KeyValues}, a primitive count elsewhere): one reused list, no map entry per name. A
 * name is found by a scan while there are few (the usual dozen) and through an index made past 32
 * names, so a lookup never costs more than constant time on a long line or section. Not
 * thread-safe; one per parse session.
 *
 * <p>The index hashes a name with {@link #hash}, a hash of its characters under a seed chosen at
 * random when the class loads, not with {@link String#hashCode()}: names that share a {@code
 * String.hashCode} are easy to write ({@code "Aa"} and {@code "BB"}, {@code "ar"} and {@code
 * "c4"}, and every concatenation of them), and 100,000 such keys on one line made every lookup
 * probe one chain of all of them, a quadratic parse (issue 31: 1.2 s at 1 MB, 19.6 s at 4 MB).
 */
public final class Names {
  private static final int SCAN_LIMIT = 32;

  private final ArrayList<String> names = new ArrayList<>();
  /** Past {@link #SCAN_LIMIT} names: open addressing on the names' hash, a slot holding a position + 1 (0 empty), at most half full. */
  private int @Nullable [] index;

  /** Removes every name. */
  public void clear() {
    names.clear();
    index = null;
  }

  /** The number of names. */
  public int size() {
    return names.size();
  }

  /** Name {@code i}, in insertion order. */
  public String get(int i) {
    return names.get(i);
  }

  /** The position of {@code name}, or -1. */
  public int find(String name) {
    int[] ix = index;
    if (ix != null) {
      int mask = ix.length - 1;
      for (int i = hash(name) & mask; ; i = (i + 1) & mask) {
        int p = ix[i];
        if (p == 0) {
          return -1;
        }
        if (names.get(p - 1).equals(name)) {
          return p - 1;
        }
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Appends {@code name}, which must not be there yet ({@link #find} gave -1), and returns its position. */
  public int add(String name) {
    int at = names.size();
    names.add(name);
    int[] ix = index;
    if (ix != null && names.size() * 2 <= ix.length) {
      insert(ix, name, at);
    } else if (ix != null || names.size() > SCAN_LIMIT) {
      reindex(names.size());
    }
    return at;
  }

  /** Room for {@code n} names in all, so a long line or section grows its list and its index once. */
  public void ensureCapacity(int n) {
    names.ensureCapacity(n);
    int[] ix = index;
    if (n > SCAN_LIMIT && (ix == null || n * 2 > ix.length)) {
      reindex(n);
    }
  }

  /** The names in insertion order. */
  public ImmutableList<String> toList() {
    return ImmutableList.copyOf(names);
  }

  /** A new index with room for {@code n} names, holding those there now. */
  private void reindex(int n) {
    int[] ix = new int[Integer.highestOneBit(n) << 2];
    for (int i = 0; i < names.size(); i++) {
      insert(ix, names.get(i), i);
    }
    index = ix;
  }

  private static void insert(int[] ix, String name, int at) {
    int mask = ix.length - 1;
    int i = hash(name) & mask;
    while (ix[i] != 0) {
      i = (i + 1) & mask;
    }
    ix[i] = at + 1;
  }

  /** The seed of {@link #hash}: random per run (the clock-seeded generator, no entropy pool to wait for), so no input can be made to collide in advance. */
  private static final long SEED = java.util.concurrent.ThreadLocalRandom.current().nextLong();

  /**
   * A seeded hash of {@code name}'s characters: each character folded in with a multiply by an odd
   * 64-bit constant, the result mixed so that every bit of the state reaches the low bits an index
   * uses (the finaliser of MurmurHash3's 64-bit variant). About as fast as {@link String#hashCode()}
   * on a name not hashed before, which is every name cut from a line.
   */
  static int hash(String name) {
    long h = SEED ^ name.length();
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x9E3779B97F4A7C15L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /** Up to this many names, {@link #firstRepeated} compares in pairs (at most 496 comparisons). */
  static final int PAIRWISE_LIMIT = 32;

  /**
   * The first name in {@code names} that repeats an earlier one (the repeat with the lowest
   * position), or null. Up to {@value #PAIRWISE_LIMIT} names, compared in pairs, hash first; past
   * that, the hashes are sorted with their positions and only names of equal hash are compared:
   * O(n log n) and one {@code long[n]} (the seeded {@link #hash}, so names sharing a {@code
   * String.hashCode} do not make one run of all of them), where pairs cost O(n^2) (a /proc/net/netstat header of 120
   * names: 7,140 comparisons). Not through a {@link Names} and its index, which reads as fast but
   * allocates a list and a table of four slots per name: the proc-net-snmp benchmark input 3.84
   * bytes per input byte against 3.24 this way.
   */
  public static @Nullable String firstRepeated(List<String> names) {
    int n = names.size();
    if (n <= PAIRWISE_LIMIT) {
      for (int i = 1; i < n; i++) {
        String a = names.get(i);
        int h = a.hashCode();
        for (int j = 0; j < i; j++) {
          String b = names.get(j);
          if (b.hashCode() == h && b.equals(a)) {
            return a;
          }
        }
      }
      return null;
    }
    long[] keyed = new long[n]; // hash in the high half, position in the low: sorted by hash, then position
    for (int i = 0; i < n; i++) {
      keyed[i] = ((long) hash(names.get(i)) << 32) | i;
    }
    java.util.Arrays.sort(keyed);
    int first = Integer.MAX_VALUE; // the lowest position that repeats an earlier name
    for (int run = 0; run < n; ) {
      int runEnd = run + 1;
      while (runEnd < n && (keyed[runEnd] >>> 32) == (keyed[run] >>> 32)) {
        runEnd++;
      }
      // within a run of equal hashes (almost always one name), positions ascend
      for (int i = run + 1; i < runEnd; i++) {
        int pi = (int) keyed[i];
        if (pi >= first) {
          break; // later positions in this run cannot give a lower repeat
        }
        String a = names.get(pi);
        for (int j = run; j < i; j++) {
          if (names.get((int) keyed[j]).equals(a)) {
            first = pi;
            break;
          }
        }
      }
      run = runEnd;
    }
    return first == Integer.MAX_VALUE ? null : names.get(first);
  }
}
