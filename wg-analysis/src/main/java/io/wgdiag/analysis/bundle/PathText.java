package io.wgdiag.analysis.bundle;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Paths in messages, and the file-type checks every source makes before it opens a file. */
final class PathText {
  private PathText() {}

  /**
   * {@code path} as a message may show it on one line: control characters (a newline in a file
   * name) written as {@code \n}, {@code \t} or {@code \xNN}, a backslash doubled.
   */
  static String quote(String path) {
    StringBuilder b = null;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c >= 0x20 && c != 0x7f && c != '\\') {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(path.length() + 8).append(path, 0, i);
      }
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\\' -> b.append("\\\\");
        default -> b.append(String.format("\\x%02x", (int) c));
      }
    }
    return b == null ? path : b.toString();
  }

  /** {@link #quote} of a path. */
  static String quote(Path path) {
    return quote(path.toString());
  }

  /** The last component of {@code path}, or the whole path when it has none. */
  static String fileName(Path path) {
    Path f = path.getFileName();
    return f == null ? path.toString() : f.toString();
  }

  /**
   * The attributes of {@code path} (following a link when {@code follow}), refusing a missing path
   * and anything that is neither a regular file nor a directory (a FIFO, socket or device, which a
   * read would block on or never finish), without opening it.
   */
  static BasicFileAttributes attributes(Path path, boolean follow) throws BundleException {
    BasicFileAttributes a;
    try {
      a = follow
          ? java.nio.file.Files.readAttributes(path, BasicFileAttributes.class)
          : java.nio.file.Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new BundleException(quote(path) + ": no such file or directory");
    } catch (IOException e) {
      throw new BundleException(quote(path) + ": cannot read: " + quote(String.valueOf(e.getMessage())));
    }
    if (follow && !java.nio.file.Files.isReadable(path)) {
      throw new BundleException(quote(path) + ": not readable");
    }
    if (a.isOther()) {
      throw new BundleException(quote(path) + ": not a regular file or directory (a FIFO, socket or device); refused");
    }
    return a;
  }
}
