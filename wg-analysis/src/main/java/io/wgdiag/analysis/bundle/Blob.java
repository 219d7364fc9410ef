package io.wgdiag.analysis.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * One named file of an {@link EvidenceSource}: its path inside the capture and a way to open its
 * bytes. The reader opens only the files it reads, and reads each as a stream.
 */
public final class Blob {
  /** Opens a blob's bytes; each call gives a new stream from the first byte. */
  @FunctionalInterface
  public interface Opener {
    /** A new stream over the blob's bytes. */
    InputStream open() throws IOException;
  }

  private static final Opener NOTHING = () -> InputStream.nullInputStream();

  private final String path;
  private final long size;
  private final Opener opener;
  private final boolean readable;
  private final @Nullable String refusal;

  private Blob(String path, long size, Opener opener, boolean readable, @Nullable String refusal) {
    this.path = path;
    this.size = size;
    this.opener = opener;
    this.readable = readable;
    this.refusal = refusal;
  }

  /**
   * A blob read through {@code opener}.
   *
   * @param path the path inside the capture, {@code /}-separated, e.g. {@code local/during/ss.txt}
   * @param size its size in bytes, or -1 when not known in advance
   */
  public static Blob of(String path, long size, Opener opener) {
    return new Blob(path, size, opener, true, null);
  }

  /** A blob held in memory. */
  public static Blob of(String path, byte[] bytes) {
    return new Blob(path, bytes.length, () -> new ByteArrayInputStream(bytes), true, null);
  }

  /** A file that is listed (so its name reaches the notes) but whose bytes were not kept. */
  static Blob listedOnly(String path, long size) {
    return new Blob(path, size, NOTHING, false, null);
  }

  /**
   * A file the source lists but will not open, and why (a link out of the bundle, a FIFO): the
   * reader names it in the notes.
   */
  static Blob refused(String path, String reason) {
    return new Blob(path, -1, NOTHING, false, reason);
  }

  /** Why the source refused to open the file, or null. */
  @Nullable String refusal() {
    return refusal;
  }

  /** The path inside the capture, with {@code /} separators. */
  public String path() {
    return path;
  }

  /** The last path component. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The size in bytes, or -1 when not known in advance. */
  public long size() {
    return size;
  }

  /** Whether its bytes can be read (a source may list files whose bytes it did not keep). */
  boolean readable() {
    return readable;
  }

  /** A new stream over the bytes. */
  public InputStream open() throws IOException {
    return opener.open();
  }

  /** The same bytes under another path. */
  Blob renamed(String newPath) {
    return new Blob(newPath, size, opener, readable, refusal);
  }

  @Override
  public String toString() {
    return path;
  }
}
