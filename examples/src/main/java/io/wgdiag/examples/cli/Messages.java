package io.wgdiag.examples.cli;

/**
 * What the command line prints on stderr is one line: a path or a message that holds a line end or
 * another control character (a file named {@code "a\nb"}, a message quoting a damaged line) has it
 * escaped, never printed.
 */
final class Messages {
  private Messages() {}

  /**
   * {@code text} on one line: {@code \n}, {@code \r} and {@code \t} written as those two
   * characters, every other control or format character (C0, DEL, C1, the Unicode line and
   * paragraph separators, the bidirectional overrides) as {@code \}{@code uXXXX}; nothing else
   * changes.
   */
  static String oneLine(String text) {
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      escape(b, text.charAt(i));
    }
    return b.toString();
  }

  /**
   * A path as a message names it: as it is when it holds only printable characters other than
   * blanks, quotes and backslashes (every usual path), otherwise in single quotes with a quote or
   * backslash escaped by a backslash and control characters escaped as in {@link #oneLine}.
   */
  static String path(String path) {
    boolean plain = !path.isEmpty();
    for (int i = 0; i < path.length() && plain; i++) {
      char c = path.charAt(i);
      plain = !unsafe(c) && !Character.isWhitespace(c) && c != '\'' && c != '"' && c != '\\';
    }
    if (plain) {
      return path;
    }
    StringBuilder b = new StringBuilder(path.length() + 8).append('\'');
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\'' || c == '\\') {
        b.append('\\').append(c);
      } else {
        escape(b, c);
      }
    }
    return b.append('\'').toString();
  }

  private static boolean unsafe(char c) {
    return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
        || c == '\u2028' || c == '\u2029';
  }

  private static void escape(StringBuilder b, char c) {
    switch (c) {
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      default -> {
        if (unsafe(c)) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
  }
}
