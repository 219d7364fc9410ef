package io.wgdiag.parsers.text;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Splits text into lines at {@code \n}, {@code \r\n} or {@code \r}, from memory or streamed from a
 * {@link Reader} in constant memory (apart from the longest line).
 */
public abstract class LineSource {
  LineSource() {}

  /** The next line without its terminator, or null after the last one. */
  public abstract @Nullable String next() throws IOException;

  /** Lines of in-memory text. */
  public static LineSource of(CharSequence text) {
    return new OfText(text);
  }

  /** Lines streamed from {@code reader}, which is not closed. */
  public static LineSource of(Reader reader) {
    return new OfReader(reader);
  }

  private static final class OfText extends LineSource {
    private final String text;
    private int pos;

    OfText(CharSequence text) {
      this.text = text.toString();
    }

    @Override
    public @Nullable String next() {
      int n = text.length();
      if (pos >= n) {
        return null;
      }
      int i = pos;
      while (i < n) {
        char ch = text.charAt(i);
        if (ch == '\n' || ch == '\r') {
          break;
        }
        i++;
      }
      String line = text.substring(pos, i);
      if (i < n && text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i++;
      }
      pos = i + 1;
      return line;
    }
  }

  private static final class OfReader extends LineSource {
    private final Reader reader;
    private final char[] buf = new char[8192];
    private int pos;
    private int limit;
    private boolean skipLf;
    private final StringBuilder pending = new StringBuilder();

    OfReader(Reader reader) {
      this.reader = reader;
    }

    @Override
    public @Nullable String next() throws IOException {
      pending.setLength(0);
      boolean any = false;
      while (true) {
        if (pos >= limit) {
          limit = reader.read(buf, 0, buf.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            return any ? pending.toString() : null;
          }
        }
        if (skipLf) {
          skipLf = false;
          if (buf[pos] == '\n') {
            pos++;
            continue;
          }
        }
        int start = pos;
        while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
          pos++;
        }
        any = true;
        if (pos < limit) {
          char end = buf[pos++];
          skipLf = end == '\r';
          if (pending.length() == 0) {
            return new String(buf, start, pos - 1 - start);
          }
          pending.append(buf, start, pos - 1 - start);
          return pending.toString();
        }
        pending.append(buf, start, pos - start);
      }
    }
  }
}
