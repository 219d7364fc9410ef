package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;
import io.wgdiag.parsers.text.Blanks;
import io.wgdiag.parsers.text.LineSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Splits a terminal log into (command, output) blocks at prompt lines.
 *
 * <p>A prompt line is one of:
 *
 * <ul>
 *   <li>{@code $ CMD}
 *   <li>{@code user@host:path$ CMD} or {@code user@host:path# CMD} (also {@code user@host:path $ CMD})
 *   <li>{@code [user@host path]$ CMD} or {@code [user@host path]# CMD}
 *   <li>SUSE's {@code host:~ # CMD} and {@code user@host:~> CMD}; {@code ~# CMD} (a prompt cut to its
 *       directory); a parenthesised tag before the prompt character ({@code user@host:~ (main) $ CMD})
 *   <li>any of these after a conda or virtualenv tag: {@code (base) user@host:~$ CMD}
 *   <li>oh-my-zsh's default {@code ➜  DIR CMD} (also {@code ➜  DIR git:(BRANCH) ✗ CMD})
 *   <li>busybox ash's {@code / # CMD}, {@code ~ # CMD}, {@code /tmp $ CMD} (the directory, a space, the
 *       prompt character)
 * </ul>
 *
 * <p>A prompt with no command after it ends the block before it (people paste the prompt that
 * came back last). A {@code watch} screen pasted without any prompt before it opens its block at
 * its header, which names the command ({@code Every 2.0s: wg   host: date} reads as {@code watch
 * wg}).
 *
 * <p>Every line after a prompt, up to the next prompt, is that command's output. The reader scans
 * each line once, without regular expressions.
 *
 * <p>It also takes off the wrappers people paste around output, where their shape is unambiguous,
 * and says so in the block's {@link TranscriptBlock#notes()} (see {@link Wrappers}): markdown code
 * fences, mail or markdown quoting ({@code > } on every line), a {@code watch} header, {@code
 * [sudo] password for ...} prompts, and the {@code host: } prefixes of {@code pdsh}, {@code
 * clush} and {@code dsh}.
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
    List<String> all = new ArrayList<>();
    String l;
    while ((l = lines.next()) != null) {
      all.add(Blanks.plain(l)); // web and mail pastes: no-break spaces for spaces
    }
    // Wrappers around the whole paste: markdown code fences, then mail or markdown quoting.
    List<String> whole = new ArrayList<>();
    String quoting = Wrappers.unquote(all);
    int fences = Wrappers.dropFences(all);
    if (fences > 0) {
      whole.add("removed " + fences + " markdown code fence line" + (fences == 1 ? "" : "s"));
    }
    if (!quoting.isEmpty()) {
      whole.add(quoting);
    }
    ImmutableList.Builder<TranscriptBlock> blocks = ImmutableList.builder();
    StringBuilder preamble = new StringBuilder();
    int preambleLines = 0;
    String command = null;
    int commandLine = 0;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i);
      String cmd = command(line);
      String watched = cmd == null && command == null && preambleLines == 0 ? Wrappers.watchedCommand(line) : null;
      if (cmd != null) {
        if (command != null && (!command.isEmpty() || out.stream().anyMatch(o -> !o.isBlank()))) {
          Wrappers.block(commandLine, command, out, whole, blocks);
        }
        command = cmd; // "" for a prompt with no command (the one people paste last): output of nothing
        commandLine = i + 1;
        out.clear();
      } else if (watched != null) {
        // a watch screen pasted without the prompt that started it: its header names the command
        // ("Every 2.0s: wg   host: date"), so the header opens the block, as "watch wg" would
        command = "watch " + watched;
        commandLine = i + 1;
        out.clear();
        out.add(line); // the header stays the block's first output line, taken off (and noted) as usual
      } else if (command == null) {
        preamble.append(line).append('\n');
        if (!line.isBlank()) {
          preambleLines++;
        }
      } else {
        out.add(line);
      }
    }
    if (command != null && (!command.isEmpty() || out.stream().anyMatch(o -> !o.isBlank()))) {
      Wrappers.block(commandLine, command, out, whole, blocks);
    }
    return new Transcript(blocks.build(), preambleLines == 0 ? "" : trimEnd(preamble));
  }

  /** The index of the first non-blank character of {@code s} at or after {@code i}. */
  private static int skip(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The index just after the word of {@code s} that starts at {@code i}. */
  private static int skipWord(String s, int i) {
    while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
      i++;
    }
    return i;
  }

  static String trimEnd(StringBuilder b) {
    int end = b.length();
    while (end > 0 && (b.charAt(end - 1) == '\n' || b.charAt(end - 1) == '\r')) {
      end--;
    }
    return b.substring(0, end);
  }

  /** The command of a prompt line, or empty if {@code line} is not a prompt line. */
  public static Optional<String> promptCommand(String line) {
    return Optional.ofNullable(command(line)).filter(c -> !c.isEmpty());
  }

  /**
   * The command of a prompt line, "" for a prompt with nothing after it (the prompt people paste
   * last), or null if {@code line} is not a prompt line. Leading blanks are ignored (pastes indent
   * whole transcripts).
   */
  private static @Nullable String command(String raw) {
    String line = raw.stripLeading();
    int n = line.length();
    if (n >= 1 && line.charAt(0) == '$' && (n == 1 || line.charAt(1) == ' ')) {
      return n == 1 ? "" : line.substring(2).strip();
    }
    if (n > 2 && line.charAt(0) == '(') {
      // a conda or virtualenv tag before the prompt: "(base) user@host:~$ CMD", "(venv) $ CMD"
      int close = line.indexOf(") ");
      if (close > 1 && line.indexOf(' ') > close) {
        return command(line.substring(close + 2));
      }
      return null;
    }
    if (n > 0 && line.charAt(0) == '\u279c') {
      // oh-my-zsh's default theme (robbyrussell): "➜  DIR CMD", "➜  DIR git:(BRANCH) ✗ CMD";
      // the arrow is never tool output
      int i = skip(line, 1);
      i = skipWord(line, i); // the directory
      i = skip(line, i);
      if (line.startsWith("git:(", i)) {
        int close = line.indexOf(')', i);
        i = skip(line, close < 0 ? n : close + 1);
        if (i < n && line.charAt(i) == '\u2717') {
          i = skip(line, i + 1);
        }
      }
      return i >= n ? "" : line.substring(i).strip();
    }
    if (n > 0 && line.charAt(0) == '[') {
      // [user@host path]$ CMD
      int close = line.indexOf(']');
      if (close < 0 || close + 1 >= n) {
        return null;
      }
      if (close + 2 == n) {
        char p = line.charAt(close + 1);
        String inside = line.substring(1, close);
        int at = inside.indexOf('@');
        return (p == '$' || p == '#') && at > 0 && isName(inside, 0, at) && inside.indexOf(' ', at) > 0 ? "" : null;
      }
      String inside = line.substring(1, close);
      int at = inside.indexOf('@');
      if (at <= 0 || !isName(inside, 0, at) || inside.indexOf(' ', at) < 0) {
        return null;
      }
      char p = line.charAt(close + 1);
      if ((p == '$' || p == '#') && line.charAt(close + 2) == ' ') {
        return line.substring(close + 3).strip();
      }
      return null;
    }
    if (n >= 3 && (line.charAt(0) == '/' || line.charAt(0) == '~')) {
      // busybox ash's default prompt, the directory then " # " or " $ ": "/ # CMD", "~ # CMD", "/tmp $ CMD"
      int sp = line.indexOf(' ');
      if (sp > 0 && sp + 1 < n && (line.charAt(sp + 1) == '#' || line.charAt(sp + 1) == '$')
          && (sp + 2 == n || line.charAt(sp + 2) == ' ') && isPath(line, 0, sp)) {
        return sp + 2 == n ? "" : line.substring(sp + 3).strip();
      }
    }
    if (n >= 2 && line.charAt(0) == '~') {
      // ~# CMD, ~$ CMD, ~/dir$ CMD: a prompt that shows only the directory (OpenWrt's root shell cut short)
      int i = 1;
      while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '$' && line.charAt(i) != '#') {
        i++;
      }
      if (i < n && (line.charAt(i) == '$' || line.charAt(i) == '#') && (i == 1 || line.charAt(1) == '/')) {
        return i + 1 == n ? "" : line.charAt(i + 1) == ' ' ? line.substring(i + 2).strip() : null;
      }
      return null;
    }
    String suse = suseCommand(line);
    if (suse != null) {
      return suse;
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
      if ((ch == '$' || ch == '#') && (i + 1 == n || line.charAt(i + 1) == ' ')) {
        return i + 1 == n ? "" : line.substring(i + 2).strip();
      }
      if (ch == ' ' && i + 1 < n && line.charAt(i + 1) == '(') {
        // user@host:~/repo (main)$ CMD: a parenthesised tag (git branch, device mode) in the prompt
        int close = line.indexOf(')', i + 2);
        if (close < 0) {
          return null;
        }
        i = close;
        continue;
      }
      if (ch == ' ' && i + 1 < n && (line.charAt(i + 1) == '$' || line.charAt(i + 1) == '#')
          && (i + 2 == n || line.charAt(i + 2) == ' ')) {
        // user@host:~ $ CMD: a space before the prompt character
        return i + 2 == n ? "" : line.substring(i + 3).strip();
      }
      if (ch == ' ' || ch == '\t') {
        return null;
      }
    }
    return null;
  }

  /**
   * SUSE's prompts: {@code host:~ # CMD} (root) and {@code user@host:~> CMD}: a host name, a colon,
   * a path starting with {@code ~} or {@code /}, then {@code  # } or {@code > }.
   */
  private static @Nullable String suseCommand(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || colon + 1 >= line.length()) {
      return null;
    }
    int at = line.indexOf('@');
    int hostFrom = at >= 0 && at < colon ? at + 1 : 0;
    if ((at >= 0 && at < colon && !isName(line, 0, at)) || !isName(line, hostFrom, colon)) {
      return null;
    }
    char p0 = line.charAt(colon + 1);
    if (p0 != '~' && p0 != '/') {
      return null;
    }
    int i = colon + 1;
    while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '>') {
      i++;
    }
    if (i < line.length() && line.charAt(i) == '>' && at >= 0 && at < colon) {
      return i + 1 == line.length() ? "" : line.charAt(i + 1) == ' ' ? line.substring(i + 2).strip() : null;
    }
    if (i + 1 < line.length() && line.charAt(i) == ' ' && line.charAt(i + 1) == '#' && at < 0) {
      return i + 2 == line.length() ? "" : line.charAt(i + 2) == ' ' ? line.substring(i + 3).strip() : null;
    }
    return null;
  }

  /** Whether {@code [from, to)} is a directory as a shell prompt shows it: {@code /}, {@code ~}, {@code /a/b}, {@code ~/x}. */
  private static boolean isPath(String s, int from, int to) {
    char first = s.charAt(from);
    if (first != '/' && first != '~' || to - from > 255) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~')) {
        return false;
      }
    }
    return true;
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
