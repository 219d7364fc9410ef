package io.wgdiag.analysis.bundle;

/**
 * What the reader accepts before it refuses a capture with one line, so that memory stays bounded
 * by design whatever the input: a capture can make the reader hold at most {@link
 * #maxArchiveBytes()} of archive entries and read files as streams.
 *
 * @param maxFileBytes the most one evidence file or archive entry may hold, in bytes
 * @param maxArchiveBytes the most an archive may expand to, all entries together, in bytes
 * @param maxRatio the most an archive may expand per compressed byte (unpacked bytes / compressed
 *     bytes), checked once more than {@code ratioFloorBytes} are unpacked
 * @param ratioFloorBytes unpacked bytes below which the ratio is not checked (small archives of
 *     repetitive text compress well), in bytes
 * @param maxEntries the most files (archive entries, or files under a directory) a capture may
 *     hold
 * @param maxNameBytes the longest path a file or entry may have, in UTF-8 bytes
 */
public record Limits(
    long maxFileBytes, long maxArchiveBytes, int maxRatio, long ratioFloorBytes, int maxEntries, int maxNameBytes) {

  /** 256 MiB: the most one file may hold. */
  public static final long FILE_BYTES = 256L << 20;

  /** 512 MiB: the most an archive may expand to. */
  public static final long ARCHIVE_BYTES = 512L << 20;

  /**
   * The limits {@code wgdiag analyze} uses: 256 MiB a file, 512 MiB an archive unpacked, at most
   * 200 unpacked bytes per compressed byte past the first 16 MiB, 100,000 files, 4,096-byte paths.
   */
  public static Limits standard() {
    return new Limits(FILE_BYTES, ARCHIVE_BYTES, 200, 16L << 20, 100_000, 4096);
  }

  /** These limits with another {@link #maxFileBytes()}. */
  public Limits withMaxFileBytes(long bytes) {
    return new Limits(bytes, maxArchiveBytes, maxRatio, ratioFloorBytes, maxEntries, maxNameBytes);
  }

  /** These limits with another {@link #maxArchiveBytes()}. */
  public Limits withMaxArchiveBytes(long bytes) {
    return new Limits(maxFileBytes, bytes, maxRatio, ratioFloorBytes, maxEntries, maxNameBytes);
  }

  /** These limits with another {@link #maxRatio()} and {@link #ratioFloorBytes()}. */
  public Limits withMaxRatio(int ratio, long floorBytes) {
    return new Limits(maxFileBytes, maxArchiveBytes, ratio, floorBytes, maxEntries, maxNameBytes);
  }

  /** These limits with another {@link #maxEntries()}. */
  public Limits withMaxEntries(int entries) {
    return new Limits(maxFileBytes, maxArchiveBytes, maxRatio, ratioFloorBytes, entries, maxNameBytes);
  }

  /** These limits with another {@link #maxNameBytes()}. */
  public Limits withMaxNameBytes(int bytes) {
    return new Limits(maxFileBytes, maxArchiveBytes, maxRatio, ratioFloorBytes, maxEntries, bytes);
  }
}
