package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The wrappers people paste around tool output, and their removal. Each is recognised only where
 * its shape is unambiguous, and each removal is named in a note on the block; a removed line is
 * left blank, and a removed prefix shortens its line in place, so line numbers stay those of the
 * paste.
 *
 * <ul>
 *   <li>markdown code fences: a line of three backticks, with or without a language;
 *   <li>mail or markdown quoting: {@code > } (or a news reader's {@code | }) before every non-blank
 *       line, nested too;
 *   <li>a {@code watch} header as the first output line: {@code Every 2.0s: wg   host: date};
 *   <li>{@code sudo}'s prompt: {@code [sudo] password for alice:};
 *   <li>{@code pdsh}/{@code clush}/{@code dsh} prefixes: {@code gw1: } before each line. Under a
 *       {@code pdsh -w gw1,gw2 CMD} prompt the block becomes one block per host, each with {@code
 *       CMD} and that host's lines; without that prompt, only when every output line carries the
 *       same prefix.
 * </ul>
 */
final class Wrappers {
  private Wrappers() {}

  /** Blanks the markdown fence lines of {@code lines}; returns how many. */
  static int dropFences(List<String> lines) {
    int n = 0;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.startsWith("```") && isFenceTail(t.substring(3))) {
        lines.set(i, "");
        n++;
      }
    }
    return n;
  }

  private static boolean isFenceTail(String rest) {
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '+') {
        return false;
      }
    }
    return true;
  }

  /**
   * Takes off quoting when every non-blank line starts with {@code >} (then one space, if there is
   * one), level by level; returns the note, or "" when the paste is not quoted.
   */
  static String unquote(List<String> lines) {
    int levels = 0;
    int quoted = 0;
    char mark = 0;
    while (true) {
      char q = quoteMark(lines);
      if (q == 0) {
        break;
      }
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (!l.isEmpty() && l.charAt(0) == q) {
          lines.set(i, l.length() > 1 && l.charAt(1) == ' ' ? l.substring(2) : l.substring(1));
          if (levels == 0) {
            quoted++;
          }
        }
      }
      if (levels == 0) {
        mark = q;
      }
      levels++;
    }
    if (levels == 0) {
      return "";
    }
    return "stripped " + (levels == 1 ? "" : levels + " levels of ") + "mail quoting '" + mark + " ' from " + quoted + " lines";
  }

  /**
   * The quoting mark every non-blank line (at least two) starts with: {@code >} (mail, markdown) or
   * {@code |} (some news readers); 0 when there is none.
   */
  private static char quoteMark(List<String> lines) {
    char mark = 0;
    int nonBlank = 0;
    for (String l : lines) {
      if (l.isBlank()) {
        continue;
      }
      nonBlank++;
      char c = l.charAt(0);
      if ((c != '>' && c != '|') || (mark != 0 && c != mark)) {
        return 0;
      }
      mark = c;
    }
    return nonBlank >= 2 ? mark : 0;
  }

  /** The remote shells whose output carries {@code host: } prefixes, and their options that take a value. */
  private static final Map<String, String> REMOTE = Map.of(
      "pdsh", "wxgXlRtufemN",
      "dsh", "wgmcfoO",
      "clush", "wxgXlftuoRE");

  /** Adds the block(s) of one prompt and its output lines. */
  static void block(int commandLine, String command, List<String> out, List<String> whole,
      ImmutableList.Builder<TranscriptBlock> blocks) {
    List<String> lines = new ArrayList<>(out);
    List<String> notes = new ArrayList<>(whole);
    int sudo = 0;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.startsWith("[sudo] password for ") && t.endsWith(":")) {
        lines.set(i, "");
        sudo++;
      }
    }
    if (sudo > 0) {
      notes.add("removed " + sudo + " sudo password prompt" + (sudo == 1 ? "" : "s") + " ('[sudo] password for ...:')");
    }
    String remote = remoteCommand(command);
    if (remote != null) {
      perHost(commandLine, command, remote, lines, notes, blocks);
      return;
    }
    String prefix = commonPrefix(lines);
    if (prefix != null) {
      int n = strip(lines, prefix);
      notes.add("stripped pdsh prefix '" + prefix + "' from " + n + " lines");
    }
    watchHeader(lines, notes);
    blocks.add(new TranscriptBlock(commandLine, command, join(lines), ImmutableList.copyOf(notes)));
  }

  /** Blanks a {@code watch} header ({@code Every 2.0s: CMD   host: date}) on the first output line. */
  private static void watchHeader(List<String> lines, List<String> notes) {
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (isWatchHeader(t)) {
        lines.set(i, "");
        notes.add("removed the watch header '" + t + "'");
      }
      return;
    }
  }

  /**
   * The command a {@code watch} header names ({@code Every 2.0s: wg   j-wg: Fri Aug 26 2022}
   * gives {@code wg}: watch pads the command and the host and date on the right with blanks), or
   * null when {@code line} is no watch header or names no command.
   */
  static @Nullable String watchedCommand(String line) {
    String t = line.strip();
    if (!isWatchHeader(t)) {
      return null;
    }
    String rest = t.substring(t.indexOf("s: ") + 3).strip();
    int gap = rest.indexOf("  ");
    String cmd = (gap < 0 ? rest : rest.substring(0, gap)).strip();
    return cmd.isEmpty() ? null : cmd;
  }

  /** {@code Every 2.0s: } or {@code Every 1s: } at the start. */
  static boolean isWatchHeader(String t) {
    if (!t.startsWith("Every ")) {
      return false;
    }
    int i = 6;
    int digits = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == ',')) {
      i++;
      digits++;
    }
    return digits > 0 && t.startsWith("s: ", i);
  }

  /** The command run on the remote hosts of a {@code pdsh}/{@code dsh}/{@code clush} prompt, or null. */
  static @Nullable String remoteCommand(String command) {
    List<String> w = List.of(command.strip().split("\\s+"));
    int i = 0;
    while (i < w.size() && (w.get(i).equals("sudo") || w.get(i).indexOf('=') > 0)) {
      i++;
    }
    if (i >= w.size()) {
      return null;
    }
    String program = w.get(i).substring(w.get(i).lastIndexOf('/') + 1);
    String valued = REMOTE.get(program);
    if (valued == null) {
      return null;
    }
    i++;
    while (i < w.size() && w.get(i).startsWith("-")) {
      String o = w.get(i);
      i++;
      if (o.length() == 2 && valued.indexOf(o.charAt(1)) >= 0) {
        i++; // the option's value
      }
    }
    if (i >= w.size()) {
      return null;
    }
    String rest = String.join(" ", w.subList(i, w.size()));
    if (rest.length() >= 2 && (rest.charAt(0) == '\'' || rest.charAt(0) == '"') && rest.charAt(rest.length() - 1) == rest.charAt(0)) {
      rest = rest.substring(1, rest.length() - 1);
    }
    return rest;
  }

  /** One block per host of a remote shell's output, each with that host's lines in place. */
  private static void perHost(int commandLine, String command, String remote, List<String> lines, List<String> notes,
      ImmutableList.Builder<TranscriptBlock> blocks) {
    Map<String, Integer> hosts = new LinkedHashMap<>();
    List<String> unprefixed = new ArrayList<>();
    for (String l : lines) {
      if (l.isBlank()) {
        continue;
      }
      String h = hostPrefix(l);
      if (h == null) {
        unprefixed.add(l);
      } else {
        hosts.merge(h, 1, Integer::sum);
      }
    }
    if (hosts.isEmpty()) {
      notes.add("ran '" + remote + "' through '" + command + "', whose output carries no host prefixes");
      blocks.add(new TranscriptBlock(commandLine, remote, join(lines), ImmutableList.copyOf(notes)));
      return;
    }
    for (Map.Entry<String, Integer> e : hosts.entrySet()) {
      String prefix = e.getKey();
      List<String> mine = new ArrayList<>(lines.size());
      for (String l : lines) {
        mine.add(l.startsWith(prefix) ? l.substring(prefix.length()) : (l.isBlank() || hostPrefix(l) != null ? "" : l));
      }
      List<String> n = new ArrayList<>(notes);
      n.add("stripped " + command.strip().split("\\s+")[command.strip().startsWith("sudo ") ? 1 : 0]
          + " prefix '" + prefix + "' from " + e.getValue() + " lines; kept this host's lines of '" + command + "'");
      blocks.add(new TranscriptBlock(commandLine, remote, join(mine), ImmutableList.copyOf(n)));
    }
  }

  /** {@code gw1: } at the start of {@code l} (a host name, a colon and a space), or null. */
  static @Nullable String hostPrefix(String l) {
    int colon = l.indexOf(": ");
    if (colon <= 0) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      char c = l.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
        return null;
      }
    }
    return l.substring(0, colon + 2);
  }

  /** Words that start lines of tool output with a colon after them: never a host prefix on their own. */
  private static final Set<String> TOOL_WORDS = Set.of("interface: ", "peer: ", "Ip: ", "Tcp: ", "Udp: ",
      "TcpExt: ", "IpExt: ", "Icmp: ", "IcmpMsg: ", "UdpLite: ", "MPTcpExt: ", "Features for ");

  /**
   * The one {@code host: } prefix every non-blank line carries (at least two lines), or null: then
   * the output came through a remote shell whose prompt the paste left out.
   */
  static @Nullable String commonPrefix(List<String> lines) {
    String prefix = null;
    int n = 0;
    for (String l : lines) {
      if (l.isBlank()) {
        continue;
      }
      String h = hostPrefix(l);
      if (h == null || (prefix != null && !prefix.equals(h))) {
        return null;
      }
      prefix = h;
      n++;
    }
    return n >= 2 && prefix != null && !TOOL_WORDS.contains(prefix) ? prefix : null;
  }

  private static int strip(List<String> lines, String prefix) {
    int n = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        lines.set(i, lines.get(i).substring(prefix.length()));
        n++;
      }
    }
    return n;
  }

  private static String join(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l).append('\n');
    }
    return TranscriptReader.trimEnd(b);
  }
}
