package io.wgdiag.parsers.counters;

import io.wgdiag.parsers.text.Fields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fixed map from phrases to names, looked up by a range of a line where it stands, so reading
 * {@code 412 send buffer errors} makes no string for the phrase. Open addressing, at most half full,
 * on a hash of the phrase's length and five of its characters ({@link Fields#sampledHash}): a
 * phrase is 15 to 60 characters, and a hash of every one of them (31 h + c, one character after the
 * other) was an eighth of a {@code netstat -s} parse; the match is still checked whole.
 */
final class PhraseTable {
  private final String[] keys;
  private final String[] values;
  private final int mask;

  PhraseTable(Map<String, String> map) {
    int size = Integer.highestOneBit(Math.max(4, map.size() * 2 - 1)) << 1;
    keys = new String[size];
    values = new String[size];
    mask = size - 1;
    map.forEach((k, v) -> {
      int i = spread(Fields.sampledHash(k, 0, k.length())) & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = k;
      values[i] = v;
    });
  }

  /** The name for the phrase {@code [from, to)} of {@code text}, or null. */
  @Nullable String get(String text, int from, int to) {
    int len = to - from;
    for (int i = spread(Fields.sampledHash(text, from, to)) & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return null;
      }
      if (k.length() == len && k.regionMatches(0, text, from, len)) {
        return values[i];
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
