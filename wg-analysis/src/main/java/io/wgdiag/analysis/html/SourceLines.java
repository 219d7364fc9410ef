package io.wgdiag.analysis.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The text of an evidence line, read from the file its {@code file:line} source names under one directory. */
final class SourceLines {
  /** Looks nothing up. */
  static final SourceLines NONE = new SourceLines(null);

  /** The largest file read, in bytes. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  /** The most characters of a line shown. */
  static final int MAX_LINE_CHARS = 300;

  private final @Nullable Path root;
  private final Map<String, List<String>> files = new HashMap<>();

  SourceLines(@Nullable Path root) {
    this.root = root == null ? null : root.toAbsolutePath().normalize();
  }

  /** The text of the line {@code source} ({@code file:line}) names, if it can be read. */
  Optional<String> line(String source) {
    Path dir = root;
    int colon = source.lastIndexOf(':');
    if (dir == null || colon <= 0 || colon == source.length() - 1) {
      return Optional.empty();
    }
    int n;
    try {
      n = Integer.parseInt(source.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    List<String> lines = files.computeIfAbsent(source.substring(0, colon), f -> read(dir, f));
    if (n < 1 || n > lines.size()) {
      return Optional.empty();
    }
    String text = lines.get(n - 1).strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS) + "…" : text);
  }

  private static List<String> read(Path dir, String file) {
    try {
      Path p = dir.resolve(file).normalize();
      if (!p.startsWith(dir) || !Files.isRegularFile(p) || Files.size(p) > MAX_FILE_BYTES) {
        return List.of();
      }
      return List.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\r?\n", -1));
    } catch (IOException | RuntimeException e) {
      return List.of(); // an unreadable file only loses the line text
    }
  }
}
