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

  /**
   * Where the line starting at {@code pos} of {@code text} ends: at the next {@code \n}, or also at
   * a {@code \r} when {@code anyCr} (the text holds one); {@code text.length()} for the last line.
   */
  static int lineEnd(String text, int pos, boolean anyCr) {
    int n = text.length();
    if (!anyCr) {
      int end = text.indexOf('\n', pos);
      return end < 0 ? n : end;
    }
    int end = pos;
    while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  /** Where the line after the one ending at {@code end} starts: past {@code \n}, {@code \r\n} or {@code \r}. */
  static int nextLineStart(String text, int end) {
    return end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
  }

  private static final class OfText extends LineSource {
    private final String text;
    private final boolean anyCr;
    private int pos;

    OfText(CharSequence text) {
      this.text = text.toString();
      this.anyCr = this.text.indexOf('\r') >= 0;
    }

    @Override
    public @Nullable String next() {
      if (pos >= text.length()) {
        return null;
      }
      int end = lineEnd(text, pos, anyCr);
      String line = text.substring(pos, end);
      pos = nextLineStart(text, end);
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
