package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;

/** One file read as a transcript (or as the raw output of the tool its name gives), whatever its name. */
final class FileSource implements EvidenceSource {
  private final Path path;
  private final long size;

  private FileSource(Path path, long size) {
    this.path = path;
    this.size = size;
  }

  static FileSource of(Path path, Limits limits) throws BundleException {
    java.nio.file.attribute.BasicFileAttributes a = PathText.attributes(path, true);
    if (a.isDirectory()) {
      throw new BundleException(PathText.quote(path) + ": a directory, not a file");
    }
    return new FileSource(path, a.size());
  }

  @Override
  public String name() {
    return PathText.quote(path);
  }

  @Override
  public String kind() {
    return "transcript";
  }

  @Override
  public ImmutableList<Blob> blobs() {
    return ImmutableList.of(Blob.of(PathText.fileName(path), size, () -> Files.newInputStream(path)));
  }
}
