package io.wgdiag.analysis.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the regular files of a gzip-compressed tar archive (ustar, GNU long names, pax paths) into
 * memory. Links, devices and directories are skipped; a truncated archive is an error.
 */
final class TarGz {
  private TarGz() {}

  /** The most a long-name or pax header entry may hold, in bytes. */
  static final int MAX_HEADER_ENTRY_BYTES = 1 << 20;

  /**
   * One regular file of the archive.
   *
   * @param path its path, without a leading {@code ./} or {@code /}
   * @param data its bytes, or none when it was skipped
   * @param kept whether its bytes were kept (the reader's filter wanted it)
   */
  record Entry(String path, byte[] data, boolean kept) {}

  /**
   * Every regular file, with its bytes only when {@code keep} wants its path: the bytes of the
   * others are read past, not held (a sosreport carries logs and binary files no parser reads).
   */
  static List<Entry> read(InputStream raw, String name, java.util.function.Predicate<String> keep, Limits limits)
      throws BundleException {
    List<Entry> out = new ArrayList<>();
    long total = 0;
    int entries = 0;
    long maxTotal = limits.maxArchiveBytes();
    long maxEntry = limits.maxFileBytes();
    Counting counted = new Counting(raw);
    Budget budget = new Budget(counted, limits, name);
    try (InputStream in = new GZIPInputStream(counted, 65536)) {
      byte[] header = new byte[512];
      String longName = null;
      while (true) {
        if (!readFully(in, header)) {
          break; // clean end without the two zero blocks: accepted, as tar does
        }
        if (isZero(header)) {
          break;
        }
        String path = cString(header, 0, 100);
        String prefix = cString(header, 345, 155);
        if (!prefix.isEmpty() && header[257] == 'u') {
          path = prefix + "/" + path;
        }
        long size = octal(header, 124, 12, name);
        char type = (char) header[156];
        if (size < 0 || size > maxTotal) {
          throw new BundleException(name + ": larger than " + maxTotal + " bytes unpacked; refused");
        }
        if (++entries > limits.maxEntries()) {
          throw new BundleException(name + ": more than " + limits.maxEntries() + " entries; refused");
        }
        if ((type == 'L' || type == 'x' || type == 'g') && size > MAX_HEADER_ENTRY_BYTES) {
          throw new BundleException(name + ": a long-name or pax header of " + size + " bytes; refused");
        }
        if (type != 'L' && type != 'x' && longName != null) {
          path = longName; // a long name or a pax path comes in the entry before the one it names
          longName = null;
        }
        boolean regular = type == '0' || type == '\0' || type == '7';
        if (path.getBytes(StandardCharsets.UTF_8).length > limits.maxNameBytes()) {
          throw new BundleException(name + ": an entry name longer than " + limits.maxNameBytes() + " bytes; refused");
        }
        boolean meta = type == 'L' || type == 'x';
        boolean wanted = meta || regular && keep.test(normalise(path));
        if (wanted && size > maxEntry) {
          throw new BundleException(name + ": " + entry(path) + " is larger than " + maxEntry + " bytes");
        }
        if (total + size > maxTotal) {
          throw new BundleException(name + ": larger than " + maxTotal + " bytes unpacked; refused");
        }
                byte[] data = wanted ? readEntry(in, (int) size, path, name, budget) : skipEntry(in, size, path, name);
        long pad = (512 - size % 512) % 512;
        if (pad > 0 && !readFully(in, new byte[(int) pad])) {
          throw new BundleException(name + ": truncated archive");
        }
        total += size;
        if (type == 'L') {
          longName = cString(data, 0, data.length);
          continue;
        }
        if (type == 'x') {
          String p = paxPath(data);
          if (p != null) {
            longName = p;
          }
          continue;
        }
        if (regular) {
          out.add(new Entry(normalise(path), data, wanted));
        }
      }
    } catch (EOFException e) {
      throw new BundleException(name + ": truncated archive");
    } catch (IOException e) {
      throw new BundleException(name + ": not a readable .tar.gz (" + e.getMessage() + ")");
    }
    return out;
  }

  /**
   * The unpacked bytes of the entries kept so far (those a reader holds in memory), checked
   * against the expansion ratio as they arrive: a bomb is refused after {@code ratioFloorBytes} of
   * it, not after an entry of up to 256 MiB. Entries read past cost no memory; the total limit
   * bounds them.
   */
  private static final class Budget {
    private final Counting compressed;
    private final Limits limits;
    private final String name;
    private long total;

    Budget(Counting compressed, Limits limits, String name) {
      this.compressed = compressed;
      this.limits = limits;
      this.name = name;
    }

    void add(int n) throws BundleException {
      total += n;
      if (total > limits.ratioFloorBytes() && total > (long) limits.maxRatio() * Math.max(1, compressed.count)) {
        throw new BundleException(name + ": expands more than " + limits.maxRatio()
            + " times its compressed size (" + total + " bytes from " + compressed.count + "); refused");
      }
    }
  }

  /** Counts the compressed bytes the gzip stream has taken, for the expansion ratio. */
  private static final class Counting extends java.io.FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static String normalise(String path) {
    String p = path;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  private static @Nullable String paxPath(byte[] data) {
    String s = new String(data, StandardCharsets.UTF_8);
    for (String rec : s.split("\n")) {
      int sp = rec.indexOf(' ');
      if (sp > 0 && rec.startsWith("path=", sp + 1)) {
        return rec.substring(sp + 6);
      }
    }
    return null;
  }

  /**
   * An entry's {@code size} bytes, in a buffer that grows as they arrive (64 KiB, then doubled): a
   * header whose size field is damaged costs no more memory than the archive really holds, rather
   * than an array of the size it claims (up to 256 MiB) before the first byte is read.
   */
  private static byte[] readEntry(InputStream in, int size, String path, String name, Budget budget)
      throws IOException, BundleException {
    byte[] buf = new byte[Math.min(size, 1 << 16)];
    int filled = 0;
    while (filled < size) {
      if (filled == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
      }
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) {
        throw new BundleException(name + ": truncated archive (" + entry(path) + " is cut short)");
      }
      filled += n;
      budget.add(n);
    }
    return buf;
  }

  private static final byte[] NONE = new byte[0];

  /** Reads past an entry's {@code size} bytes without keeping them; returns no bytes. */
  private static byte[] skipEntry(InputStream in, long size, String path, String name)
      throws IOException, BundleException {
    byte[] scratch = new byte[(int) Math.min(size, 1 << 16)];
    long left = size;
    while (left > 0) {
      int n = in.read(scratch, 0, (int) Math.min(left, scratch.length));
      if (n < 0) {
        throw new BundleException(name + ": truncated archive (" + entry(path) + " is cut short)");
      }
      left -= n;
    }
    return NONE;
  }

  /** How an error names an entry: by its path, or as nameless when a damaged header has none. */
  private static String entry(String path) {
    return path.isEmpty() ? "an entry without a name" : "entry " + path;
  }

  private static boolean readFully(InputStream in, byte[] buf) throws IOException {
    int off = 0;
    while (off < buf.length) {
      int n = in.read(buf, off, buf.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new EOFException();
      }
      off += n;
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len, String name) throws BundleException {
    long v = 0;
    boolean any = false;
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c == 0 || c == ' ') {
        if (any) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7') {
        throw new BundleException(name + ": not a tar archive inside the gzip stream");
      }
      v = v * 8 + (c - '0');
      any = true;
    }
    return v;
  }
}
