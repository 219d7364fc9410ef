package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A capture held as named byte arrays, such as the {@code (path, bytes)} pairs a Spark job reads
 * from a capture directory: {@code local/before/ping.txt -> bytes}. One wrapping top folder is
 * taken away, as in a tarball.
 */
public final class BlobSource implements EvidenceSource {
  private final String name;
  private final ImmutableList<Blob> blobs;

  private BlobSource(String name, ImmutableList<Blob> blobs) {
    this.name = name;
    this.blobs = blobs;
  }

  /**
   * The files {@code files} (path inside the capture, {@code /}-separated, to bytes), named {@code
   * name} in messages, within {@code limits} (files and name lengths; a file's size is checked as
   * it is read).
   */
  public static BlobSource of(String name, Map<String, byte[]> files, Limits limits) throws BundleException {
    if (files.size() > limits.maxEntries()) {
      throw new BundleException(PathText.quote(name) + ": more than " + limits.maxEntries() + " files; refused");
    }
    List<Blob> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
      String p = e.getKey().replace('\\', '/');
      while (p.startsWith("./") || p.startsWith("/")) {
        p = p.substring(p.startsWith("/") ? 1 : 2);
      }
      if (p.getBytes(StandardCharsets.UTF_8).length > limits.maxNameBytes()) {
        throw new BundleException(PathText.quote(name) + ": a path longer than " + limits.maxNameBytes() + " bytes; refused");
      }
      if (p.isEmpty() || p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")) {
        throw new BundleException(PathText.quote(name) + ": the path '" + PathText.quote(e.getKey()) + "' leaves the capture; refused");
      }
      out.add(Blob.of(p, e.getValue()));
    }
    return new BlobSource(PathText.quote(name), ImmutableList.copyOf(stripCommonTop(out)));
  }

  /** As {@link #of(String, Map, Limits)} with the standard limits. */
  public static BlobSource of(String name, Map<String, byte[]> files) throws BundleException {
    return of(name, files, Limits.standard());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return "blobs";
  }

  @Override
  public ImmutableList<Blob> blobs() {
    return blobs;
  }

  /** The blobs without the one top folder they all share, unless that folder is part of the layout. */
  static List<Blob> stripCommonTop(List<Blob> files) {
    if (files.isEmpty()) {
      return files;
    }
    String first = files.get(0).path();
    int slash = first.indexOf('/');
    if (slash < 0) {
      return files;
    }
    String top = first.substring(0, slash + 1);
    String folder = top.substring(0, slash);
    if (io.wgdiag.analysis.Phase.ofFolder(folder).isPresent() || folder.equals("local") || folder.equals("remote")
        || folder.equals("sos_commands") || folder.equals("proc") || folder.equals("sos_reports")) {
      return files;
    }
    for (Blob f : files) {
      if (!f.path().startsWith(top)) {
        return files;
      }
    }
    List<Blob> out = new ArrayList<>();
    for (Blob f : files) {
      out.add(f.renamed(f.path().substring(top.length())));
    }
    return out;
  }
}
