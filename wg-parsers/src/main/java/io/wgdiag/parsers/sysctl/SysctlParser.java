package io.wgdiag.parsers.sysctl;

import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.sysctl.ImmutableSysctlSettings;
import io.wgdiag.model.sysctl.SysctlSettings;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.KeyValues;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.SharedText;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code sysctl} output: single keys, {@code sysctl -a}, multi-value keys and the echo of
 * {@code sysctl -w}.
 *
 * <pre>{@code
 * net.core.rmem_max = 212992
 * net.ipv4.tcp_rmem = 4096	131072	6291456
 * sysctl: cannot stat /proc/sys/net/foo: No such file or directory
 * }</pre>
 *
 * <p>A key printed on several lines (multi-line files such as {@code dev.cdrom.info}) keeps all
 * its lines, joined with {@code \n}. {@code sysctl -w} echoes the same {@code key = value} form, read the same way. Error lines ({@code sysctl: cannot stat ...}, {@code
 * permission denied on key ...}) are understood and skipped: they name keys that have no value.
 */
public final class SysctlParser extends LineParser<SysctlSettings> {

  /** Creates the parser. */
  public SysctlParser() {
    super("sysctl", SysctlSettings.class);
  }

  @Override
  protected Session<SysctlSettings> newSession() {
    return new Session<>() {
      /** The keys in printed order, a multi-line key's consecutive lines joined into one value. */
      String[] keys = new String[0];
      String[] values = new String[0];
      int count;
      /** The values made so far by their text: most repeat ({@code 0}, {@code 1}, {@code 1000}). */
      final SharedText seen = new SharedText(256, 24);
      /** The text {@link #eqAhead} is a position in, and the first '=' at or after the last line's start there. */
      @Nullable String eqSource;
      int eqAhead;
      /** Whether the last key's lines are being joined in {@link #joined}. */
      boolean joining;
      final StringBuilder joined = new StringBuilder();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // a key rarely starts with 's': one character before the comparison (3% of the parse)
        if (line.peek() == 's' && line.lookingAt("sysctl: ")) {
          return true; // stderr merged into the output: a key that could not be read or written
        }
        // read in place: positions are in line.source()
        String text = line.source();
        int from = line.lineStart();
        int to = line.lineEnd();
        // The first '=' ahead, found by the JDK's vectorised search and kept while the lines before
        // it are read: each character is searched once however long a stretch without '=' is.
        if (text != eqSource || eqAhead < from) {
          int i = text.indexOf('=', from);
          eqAhead = i < 0 ? Integer.MAX_VALUE : i;
          eqSource = text;
        }
        int eq = eqAhead; // the line's first '=', if it has one
        if (eq >= to) {
          return false; // no '='
        }
        int sep = 3;
        if (eq > from && eq < to - 1 && text.charAt(eq - 1) == ' ' && text.charAt(eq + 1) == ' ') {
          eq--; // the first '=' has blanks on both sides: it is the first " = "
        } else {
          // a later " = " (its '=' is after this one), else "key=value" (sysctl -N/-b aside,
          // busybox prints without blanks) or "key =" (an empty value): split at the first '='
          int spaced = Fields.indexOf(text, " = ", eq, to);
          if (spaced >= 0) {
            eq = spaced;
          } else {
            sep = 1;
          }
        }
        int k0 = Fields.trimStart(text, from, eq);
        int k1 = Fields.trimEnd(text, k0, eq);
        for (int i = k0; i < k1; i++) {
          if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
            k1 = k0; // a blank inside the key
            break;
          }
        }
        if (k0 == k1) {
          throw line.errorAt(0, "expected a sysctl key before '='");
        }
        String value = foldBlanks(text, Math.min(eq + sep, to), to, seen);
        String last = count > 0 ? keys[count - 1] : null;
        if (last != null && last.length() == k1 - k0 && text.startsWith(last, k0)) {
          // A multi-line file (dev.cdrom.info) prints its key once per line: keep every line.
          if (!joining) {
            joining = true;
            joined.append(values[count - 1]);
          }
          joined.append('\n').append(value); // one string when the key's lines are done, not one per line
          return true;
        }
        flush();
        if (count == keys.length) {
          // room for the rest of the first text seen (the whole input in memory) at one key per
          // 32 characters, then doubled: `sysctl -a` prints 40 a line on average, and counting
          // the lines first was one more pass over the text
          int room = count == 0 ? (text.length() - from) / 32 + 16 : count * 2;
          keys = Arrays.copyOf(keys, room);
          values = Arrays.copyOf(values, room);
        }
        String key = text.substring(k0, k1);
        int unused = key.hashCode(); // hashed now, while its characters are in cache: the map's build reads only the cached hash
        keys[count] = key;
        values[count] = value;
        count++;
        return true;
      }

      /** Puts the joined lines of the last key in as its value. */
      private void flush() {
        if (joining) {
          values[count - 1] = joined.toString();
          joined.setLength(0);
          joining = false;
        }
      }

      @Override
      public SysctlSettings finish(int lines, boolean strict) {
        flush();
        return ImmutableSysctlSettings.of(toMap(keys, values, count)); // the map as built: the builder would copy it
      }
    };
  }

  /** Whether {@code [from, to)} has no tab, no leading or trailing blank and no run of blanks. */
  private static boolean isFolded(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char ch = value.charAt(i);
      if (ch == '\t' || (ch == ' ' && (i == from || i == to - 1 || value.charAt(i + 1) == ' '))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The keys and values as a map in printed order, built at its final size with no index of its own:
   * the map finds a key printed twice apart (the usual output prints each once, or on consecutive
   * lines, joined already); then the lines are put in again as they were printed, each later line
   * of a key joined to its value with {@code \n} where the key was first printed.
   */
  static ImmutableMap<String, String> toMap(String[] keys, String[] values, int count) {
    if (count == 0) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<String, String> b = ImmutableMap.builderWithExpectedSize(count);
    for (int i = 0; i < count; i++) {
      b.put(keys[i], values[i]);
    }
    try {
      return b.buildOrThrow();
    } catch (IllegalArgumentException twice) {
      KeyValues joined = new KeyValues();
      for (int i = 0; i < count; i++) {
        int earlier = joined.find(keys[i]);
        if (earlier < 0) {
          joined.add(keys[i], values[i]);
        } else {
          joined.setValue(earlier, joined.value(earlier) + "\n" + values[i]);
        }
      }
      return joined.toMap();
    }
  }

  /** {@code [from, to)} of {@code text} with blanks trimmed and each run of blanks made one space. */
  private static String foldBlanks(String text, int from, int to, SharedText seen) {
    if (isFolded(text, from, to)) {
      return seen.get(text, from, to); // the common case: nothing to fold, and most values seen before
    }
    StringBuilder sb = new StringBuilder(to - from);
    boolean blank = false;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch == ' ' || ch == '\t') {
        blank = sb.length() > 0;
      } else {
        if (blank) {
          sb.append(' ');
          blank = false;
        }
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
