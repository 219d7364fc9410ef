package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;
import io.wgdiag.parsers.text.LineSource;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Splits a terminal log into (command, output) blocks at prompt lines.
 *
 * <p>A prompt line is one of:
 *
 * <ul>
 *   <li>{@code $ CMD}
 *   <li>{@code user@host:path$ CMD} or {@code user@host:path# CMD}
 *   <li>{@code [user@host path]$ CMD} or {@code [user@host path]# CMD}
 * </ul>
 *
 * <p>Every line after a prompt, up to the next prompt, is that command's output. The reader scans
 * each line once, without regular expressions.
 */
public final class TranscriptReader {
  private TranscriptReader() {}

  /** The prompt lines and their output; text before the first prompt is {@link Transcript#preamble()}. */
  public static Transcript read(CharSequence text) {
    try {
      return read(LineSource.of(text));
    } catch (IOException e) {
      throw new IllegalStateException("in-memory text cannot fail to read", e);
    }
  }

  /** Reads a transcript from a line source. */
  public static Transcript read(LineSource lines) throws IOException {
    ImmutableList.Builder<TranscriptBlock> blocks = ImmutableList.builder();
    StringBuilder out = new StringBuilder();
    StringBuilder preamble = new StringBuilder();
    int preambleLines = 0;
    String command = null;
    int commandLine = 0;
    int n = 0;
    String line;
    while ((line = lines.next()) != null) {
      n++;
      Optional<String> cmd = promptCommand(line);
      if (cmd.isPresent()) {
        if (command != null) {
          blocks.add(new TranscriptBlock(commandLine, command, trimEnd(out)));
        }
        command = cmd.get();
        commandLine = n;
        out.setLength(0);
      } else if (command == null) {
        preamble.append(line).append('\n');
        if (!line.isBlank()) {
          preambleLines++;
        }
      } else {
        out.append(line).append('\n');
      }
    }
    if (command != null) {
      blocks.add(new TranscriptBlock(commandLine, command, trimEnd(out)));
    }
    return new Transcript(blocks.build(), preambleLines == 0 ? "" : trimEnd(preamble));
  }

  private static String trimEnd(StringBuilder b) {
    int end = b.length();
    while (end > 0 && (b.charAt(end - 1) == '\n' || b.charAt(end - 1) == '\r')) {
      end--;
    }
    return b.substring(0, end);
  }

  /** The command of a prompt line, or empty if {@code line} is not a prompt line. */
  public static Optional<String> promptCommand(String line) {
    return Optional.ofNullable(command(line));
  }

  private static @Nullable String command(String line) {
    int n = line.length();
    if (n >= 2 && line.charAt(0) == '$' && line.charAt(1) == ' ') {
      return nonEmpty(line.substring(2));
    }
    if (n > 0 && line.charAt(0) == '[') {
      // [user@host path]$ CMD
      int close = line.indexOf(']');
      if (close < 0 || close + 2 >= n) {
        return null;
      }
      String inside = line.substring(1, close);
      int at = inside.indexOf('@');
      if (at <= 0 || !isName(inside, 0, at) || inside.indexOf(' ', at) < 0) {
        return null;
      }
      char p = line.charAt(close + 1);
      if ((p == '$' || p == '#') && line.charAt(close + 2) == ' ') {
        return nonEmpty(line.substring(close + 3));
      }
      return null;
    }
    // user@host:path$ CMD
    int at = line.indexOf('@');
    if (at <= 0 || !isName(line, 0, at)) {
      return null;
    }
    int colon = line.indexOf(':', at);
    if (colon < 0 || !isName(line, at + 1, colon)) {
      return null;
    }
    for (int i = colon + 1; i < n; i++) {
      char ch = line.charAt(i);
      if ((ch == '$' || ch == '#') && i + 1 < n && line.charAt(i + 1) == ' ') {
        return nonEmpty(line.substring(i + 2));
      }
      if (ch == ' ' || ch == '\t') {
        return null;
      }
    }
    return null;
  }

  private static @Nullable String nonEmpty(String command) {
    String c = command.strip();
    return c.isEmpty() ? null : c;
  }

  private static boolean isName(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (!(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.')) {
        return false;
      }
    }
    return true;
  }
}
