package io.wgdiag.parsers.sysctl;

import io.wgdiag.model.sysctl.ImmutableSysctlSettings;
import io.wgdiag.model.sysctl.SysctlSettings;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.KeyValues;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

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
    KeyValues values = new KeyValues(); // keys in order and an open-addressed index: no map entry per key
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("sysctl: ")) {
          return true; // stderr merged into the output: a key that could not be read or written
        }
        // read in place: positions are in line.source()
        String text = line.source();
        int from = line.lineStart();
        int to = line.lineEnd();
        int eq = Fields.indexOf(text, " = ", from, to);
        int sep = 3;
        if (eq < 0) {
          // "key=value" (sysctl -N/-b aside, busybox prints without blanks) or "key =" (empty value)
          eq = Fields.indexOf(text, '=', from, to);
          sep = 1;
          if (eq < 0) {
            return false;
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
        String key = text.substring(k0, k1);
        String value = foldBlanks(text, Math.min(eq + sep, to), to);
        // A multi-line file (dev.cdrom.info) prints its key once per line: keep every line.
        int earlier = values.find(key);
        if (earlier < 0) {
          values.add(key, value);
        } else {
          values.setValue(earlier, values.value(earlier) + "\n" + value);
        }
        return true;
      }

      @Override
      public SysctlSettings finish(int lines, boolean strict) {
        // one map built at its final size
        return ImmutableSysctlSettings.of(values.toMap()); // the map as built: the builder would copy it
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

  /** {@code [from, to)} of {@code text} with blanks trimmed and each run of blanks made one space. */
  private static String foldBlanks(String text, int from, int to) {
    if (isFolded(text, from, to)) {
      return text.substring(from, to); // the common case: one copy, nothing to fold
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
