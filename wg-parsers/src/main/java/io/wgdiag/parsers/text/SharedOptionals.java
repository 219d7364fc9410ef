package io.wgdiag.parsers.text;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Optional} around each string a parse keeps, made once per string instance: values
 * come from the shared tokens ({@link KnownTokens} and the cursor's cache hand back one instance for
 * every {@code eth0}, {@code static}, {@code link}), so a model field repeated on every line costs a
 * handful of wrappers instead of one per line. A direct-mapped table keyed on the string's hash,
 * made on first use with {@value #SLOTS} slots and grown to {@value #LARGE_SLOTS} once {@value
 * #GROW_AFTER} wrappers have been made (a big input has more distinct values worth keeping). A hit
 * needs the very same instance, so the Optional holds exactly the string it would have held.
 * Optionals are immutable values; sharing them changes nothing a caller can see. Not thread-safe;
 * one per parse session.
 */
public final class SharedOptionals {
  static final int SLOTS = 64;
  static final int LARGE_SLOTS = 1024;
  static final int GROW_AFTER = 1024;

  private @Nullable Optional<String> @Nullable [] slots;
  /** Wrappers made while the table is small. */
  private int made;

  /** {@code Optional.ofNullable(s)}, shared with an earlier call for the same instance while it keeps its slot. */
  @SuppressWarnings("unchecked")
  public Optional<String> of(@Nullable String s) {
    if (s == null) {
      return Optional.empty();
    }
    @Nullable Optional<String>[] t = slots;
    if (t == null) {
      t = (@Nullable Optional<String>[]) new Optional<?>[SLOTS];
      slots = t;
    }
    int i = slot(s, t.length);
    Optional<String> o = t[i];
    if (o != null && o.get() == s) {
      return o;
    }
    o = Optional.of(s);
    if (t.length == SLOTS && ++made >= GROW_AFTER) {
      @Nullable Optional<String>[] large = (@Nullable Optional<String>[]) new Optional<?>[LARGE_SLOTS];
      for (Optional<String> kept : t) {
        if (kept != null) {
          large[slot(kept.get(), LARGE_SLOTS)] = kept;
        }
      }
      slots = large;
      t = large;
      i = slot(s, LARGE_SLOTS);
    }
    t[i] = o;
    return o;
  }

  private static final OptionalLong[] SMALL_LONGS = new OptionalLong[1024];

  static {
    for (int i = 0; i < SMALL_LONGS.length; i++) {
      SMALL_LONGS[i] = OptionalLong.of(i);
    }
  }

  /**
   * {@code OptionalLong.of(v)}, one wrapper for the whole JVM for each value from 0 to 1023 (counters,
   * metrics, uids: most are small). Optionals are immutable values; sharing them changes nothing a
   * caller can see.
   */
  public static OptionalLong ofLong(long v) {
    return v >= 0 && v < SMALL_LONGS.length ? SMALL_LONGS[(int) v] : OptionalLong.of(v);
  }

  private static final OptionalInt[] SMALL_INTS = new OptionalInt[1024];

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = OptionalInt.of(i);
    }
  }

  /** {@code OptionalInt.of(v)}, one wrapper for the whole JVM for each value from 0 to 1023, as {@link #ofLong}. */
  public static OptionalInt ofInt(int v) {
    return v >= 0 && v < SMALL_INTS.length ? SMALL_INTS[v] : OptionalInt.of(v);
  }

  private static int slot(String s, int slots) {
    int h = s.hashCode();
    return (h ^ (h >>> 7) ^ (h >>> 16)) & (slots - 1);
  }
}
