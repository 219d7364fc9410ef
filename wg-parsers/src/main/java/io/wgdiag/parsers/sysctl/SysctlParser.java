package io.wgdiag.parsers.sysctl;

import io.wgdiag.model.sysctl.ImmutableSysctlSettings;
import io.wgdiag.model.sysctl.SysctlSettings;
import io.wgdiag.parsers.ParseException;
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
    ImmutableSysctlSettings.Builder b = SysctlSettings.builder();
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.lookingAt("sysctl: ")) {
          return true; // stderr merged into the output: a key that could not be read or written
        }
        String text = line.text();
        int eq = text.indexOf(" = ");
        int sep = 3;
        if (eq < 0) {
          // "key=value" (sysctl -N/-b aside, busybox prints without blanks) or "key =" (empty value)
          eq = text.indexOf('=');
          sep = 1;
          if (eq < 0) {
            return false;
          }
        }
        String key = text.substring(0, eq).strip();
        if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
          throw line.errorAt(0, "expected a sysctl key before '='");
        }
        String value = foldBlanks(eq + sep <= text.length() ? text.substring(eq + sep) : "");
        // A multi-line file (dev.cdrom.info) prints its key once per line: keep every line.
        String earlier = values.putIfAbsent(key, value);
        if (earlier != null) {
          values.put(key, earlier + "\n" + value);
        }
        return true;
      }

      @Override
      public SysctlSettings finish(int lines, boolean strict) {
        // one copy at the final size, not a builder growing 280,000 entries at a time
        return b.values(com.google.common.collect.ImmutableMap.copyOf(values)).build();
      }
    };
  }

  /** Whether {@code value} has no tab, no leading or trailing blank and no run of blanks. */
  private static boolean isFolded(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char ch = value.charAt(i);
      if (ch == '\t' || (ch == ' ' && (i == 0 || i == n - 1 || value.charAt(i + 1) == ' '))) {
        return false;
      }
    }
    return true;
  }

  private static String foldBlanks(String value) {
    if (isFolded(value)) {
      return value; // the common case: nothing to fold, no copy
    }
    StringBuilder sb = new StringBuilder(value.length());
    boolean blank = false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
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
