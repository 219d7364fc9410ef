package io.wgdiag.parsers.text;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The spaces that web pages and mail clients put where a terminal printed a plain space: the
 * no-break space U+00A0 (HTML {@code &nbsp;}, which browsers copy from {@code <pre>} blocks and
 * forum posts), the figure space U+2007 and the narrow no-break space U+202F. No tool wgdiag reads
 * prints any of them, so each is read as the space it stands for, in every parser: {@link
 * LineParser} hands its sessions text with them replaced, one for one, so line lengths and columns
 * stay as pasted.
 */
public final class Blanks {
  private Blanks() {}

  /** Whether {@code c} is one of the pasted stand-ins for a space. */
  public static boolean isPastedSpace(char c) {
    return c == '\u00a0' || c == '\u2007' || c == '\u202f';
  }

  /**
   * {@code text} with every no-break, figure and narrow no-break space replaced by a plain space;
   * {@code text} itself (no copy) when it holds none, as tool output read from a terminal does.
   */
  public static String plain(String text) {
    // indexOf is an intrinsic scan; on a Latin-1 string the two non-Latin-1 look-ups return at once
    if (text.indexOf('\u00a0') < 0 && text.indexOf('\u2007') < 0 && text.indexOf('\u202f') < 0) {
      return text;
    }
    char[] cs = text.toCharArray();
    plain(cs, 0, cs.length);
    return new String(cs);
  }

  /**
   * {@code in} with every no-break, figure and narrow no-break space read as a plain space, as
   * {@link #plain(String)} does for text in memory: the JSON forms read from a {@link Reader} see
   * the same characters as from a string.
   */
  static Reader plain(Reader in) {
    return new FilterReader(in) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        return c >= 0 && isPastedSpace((char) c) ? ' ' : c;
      }

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        plain(buf, off, off + n);
        return n;
      }
    };
  }

  /** Replaces each pasted stand-in for a space in {@code cs[from..to)} by a plain space. */
  private static void plain(char[] cs, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isPastedSpace(cs[i])) {
        cs[i] = ' ';
      }
    }
  }
}
