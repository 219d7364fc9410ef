package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;

/**
 * Where a capture's files come from: a directory ({@link DirectorySource}), a {@code .tar.gz}
 * ({@link TarGzSource}), one transcript file, or named byte arrays ({@link BlobSource}, e.g. the
 * {@code (path, bytes)} pairs a Spark job is handed). {@link EvidenceReader} reads every source the
 * same way: the bundle layout, or a sosreport's when a file lies under {@code sos_commands/}.
 */
public interface EvidenceSource {

  /** How messages name the source: a path, a file name, or a caller's name for its bytes. */
  String name();

  /**
   * What the source is: {@code bundle} (a directory), {@code tar.gz}, {@code transcript} (one file
   * read whatever its name), or {@code blobs}. A sosreport's layout is recognised by the reader.
   */
  String kind();

  /**
   * The files, paths relative to the capture's root with {@code /} separators, in a stable order.
   *
   * @throws BundleException when the source cannot be listed or breaks a limit of {@link Limits}
   */
  ImmutableList<Blob> blobs() throws BundleException;

  /**
   * The source for {@code path} as {@code wgdiag analyze} takes it: a directory, a {@code .tar.gz}
   * or {@code .tgz}, or any other file as one transcript. Refuses a missing path, a FIFO, socket or
   * device, with one line.
   */
  static EvidenceSource of(Path path) throws BundleException {
    return of(path, Limits.standard());
  }

  /** As {@link #of(Path)}, within {@code limits}. */
  static EvidenceSource of(Path path, Limits limits) throws BundleException {
    java.nio.file.attribute.BasicFileAttributes a = PathText.attributes(path, true);
    if (a.isDirectory()) {
      return DirectorySource.of(path, limits);
    }
    String name = PathText.fileName(path);
    if (TarGzSource.isArchiveName(name)) {
      return TarGzSource.of(path, limits);
    }
    return FileSource.of(path, limits);
  }
}
