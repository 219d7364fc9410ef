package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a gzip-compressed tar archive of a bundle or a sosreport, from a file or from bytes
 * in memory. One wrapping top folder is taken away. Only the entries a reader may use (evidence
 * {@code .txt} files, {@code bundle.properties}, a sosreport's command outputs and manifest) are
 * kept, within {@link Limits}; the others are read past and listed by name only.
 */
public final class TarGzSource implements EvidenceSource {
  /** Opens the compressed bytes. */
  private final Blob.Opener gz;
  private final String name;
  private final Limits limits;

  private TarGzSource(String name, Blob.Opener gz, Limits limits) {
    this.name = name;
    this.gz = gz;
    this.limits = limits;
  }

  /** Whether a file name is that of an archive this source reads: {@code .tar.gz} or {@code .tgz}. */
  public static boolean isArchiveName(String name) {
    return name.endsWith(".tar.gz") || name.endsWith(".tgz");
  }

  /** The archive file {@code path}. */
  public static TarGzSource of(Path path) throws BundleException {
    return of(path, Limits.standard());
  }

  /** As {@link #of(Path)}, within {@code limits}. */
  public static TarGzSource of(Path path, Limits limits) throws BundleException {
    if (PathText.attributes(path, true).isDirectory()) {
      throw new BundleException(PathText.quote(path) + ": a directory, not a .tar.gz");
    }
    return new TarGzSource(PathText.quote(path), () -> Files.newInputStream(path), limits);
  }

  /** The archive held in {@code gz}, named {@code name} in messages. */
  public static TarGzSource of(String name, byte[] gz, Limits limits) {
    return new TarGzSource(PathText.quote(name), () -> new ByteArrayInputStream(gz), limits);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return "tar.gz";
  }

  @Override
  public ImmutableList<Blob> blobs() throws BundleException {
    List<TarGz.Entry> entries;
    try (InputStream in = gz.open()) {
      entries = TarGz.read(in, name, p -> EvidenceReader.mayBeEvidence(p)
          || EvidenceReader.mayBeEvidence(p.substring(p.indexOf('/') + 1)), limits);
    } catch (IOException e) {
      throw new BundleException(name + ": cannot read: " + PathText.quote(String.valueOf(e.getMessage())));
    }
    List<Blob> blobs = new ArrayList<>();
    for (TarGz.Entry e : entries) {
      blobs.add(e.kept() ? Blob.of(e.path(), e.data()) : Blob.listedOnly(e.path(), -1));
    }
    // in path order, as a directory lists them, whatever order the archive holds them in
    blobs.sort(java.util.Comparator.comparing(Blob::path));
    return ImmutableList.copyOf(BlobSource.stripCommonTop(blobs));
  }
}
