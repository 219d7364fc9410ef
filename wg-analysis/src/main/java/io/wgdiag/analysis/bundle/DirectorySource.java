package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files under a directory: a capture bundle, or an unpacked sosreport (then only its {@code
 * sos_commands/}, {@code proc/} and {@code sos_reports/} folders are listed).
 *
 * <p>Nothing outside the directory is read: a symbolic link is followed only when its target lies
 * inside the directory and is a regular file; any other link, and a FIFO, socket or device, is
 * listed as refused (the reader names it in the notes) and never opened.
 */
public final class DirectorySource implements EvidenceSource {
  /** The folders of a sosreport that hold what it read: command outputs, /proc copies, its manifest. */
  static final ImmutableList<String> SOS_DIRS = ImmutableList.of("sos_commands", "proc", "sos_reports");

  private final Path root;
  private final Limits limits;
  private final boolean sos;

  private DirectorySource(Path root, Limits limits, boolean sos) {
    this.root = root;
    this.limits = limits;
    this.sos = sos;
  }

  /** The directory {@code root}; a sosreport when it holds {@code sos_commands/}. */
  public static DirectorySource of(Path root) throws BundleException {
    return of(root, Limits.standard());
  }

  /** As {@link #of(Path)}, within {@code limits}. */
  public static DirectorySource of(Path root, Limits limits) throws BundleException {
    if (!PathText.attributes(root, true).isDirectory()) {
      throw new BundleException(PathText.quote(root) + ": not a directory");
    }
    return new DirectorySource(root, limits, Files.isDirectory(root.resolve("sos_commands")));
  }

  @Override
  public String name() {
    return root.toString();
  }

  @Override
  public String kind() {
    return sos ? "sosreport" : "bundle";
  }

  @Override
  public ImmutableList<Blob> blobs() throws BundleException {
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      throw new BundleException(PathText.quote(root) + ": cannot read: " + PathText.quote(String.valueOf(e.getMessage())));
    }
    List<Blob> out = new ArrayList<>();
    List<Path> tops = new ArrayList<>();
    if (sos) {
      for (String t : SOS_DIRS) {
        Path d = real.resolve(t);
        if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
          tops.add(d);
        }
      }
    } else {
      tops.add(real);
    }
    List<Object[]> found = new ArrayList<>();
    for (Path top : tops) {
      try {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            found.add(new Object[] {file, a});
            if (found.size() > limits.maxEntries()) {
              throw new LimitException(PathText.quote(root) + ": more than " + limits.maxEntries() + " files; refused");
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            throw e;
          }
        });
      } catch (LimitException e) {
        throw new BundleException(String.valueOf(e.getMessage()));
      } catch (IOException e) {
        throw new BundleException(PathText.quote(root) + ": cannot list: " + PathText.quote(String.valueOf(e.getMessage())));
      }
    }
    found.sort(Comparator.comparing(f -> (Path) f[0]));
    for (Object[] f : found) {
      Path p = (Path) f[0];
      BasicFileAttributes a = (BasicFileAttributes) f[1];
      String rel = real.relativize(p).toString().replace('\\', '/');
      if (rel.getBytes(StandardCharsets.UTF_8).length > limits.maxNameBytes()) {
        throw new BundleException(PathText.quote(root) + ": a path longer than " + limits.maxNameBytes() + " bytes; refused");
      }
      out.add(blob(real, p, rel, a));
    }
    return ImmutableList.copyOf(out);
  }

  private static Blob blob(Path real, Path p, String rel, BasicFileAttributes a) {
    if (a.isRegularFile()) {
      return Blob.of(rel, a.size(), () -> Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }
    if (a.isSymbolicLink()) {
      Path target;
      try {
        target = p.toRealPath();
      } catch (IOException e) {
        return Blob.refused(rel, "a symbolic link to nothing readable; not followed");
      }
      if (!target.startsWith(real)) {
        return Blob.refused(rel, "a symbolic link out of the bundle; not followed");
      }
      BasicFileAttributes t;
      try {
        t = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return Blob.refused(rel, "a symbolic link to nothing readable; not followed");
      }
      if (!t.isRegularFile()) {
        return Blob.refused(rel, "a symbolic link to something other than a regular file; not followed");
      }
      return Blob.of(rel, t.size(), () -> Files.newInputStream(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }
    return Blob.refused(rel, "not a regular file (a FIFO, socket or device); not read");
  }

  /** Ends a walk that found more files than the limit allows. */
  private static final class LimitException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }
  }
}
