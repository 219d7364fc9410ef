package io.wgdiag.analysis.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EvidenceReader#readFile}: every byte, whatever the reported size and the read sizes. */
class ReadFileTest {

  /** A channel over {@code data} that hands out at most a random number of bytes per read. */
  private static final class Trickle implements ReadableByteChannel {
    private final byte[] data;
    private final Random random;
    private int pos;

    Trickle(byte[] data, long seed) {
      this.data = data;
      this.random = new Random(seed);
    }

    @Override
    public int read(ByteBuffer dst) {
      if (pos == data.length) {
        return -1;
      }
      // sometimes nothing at all, as a non-blocking channel may; mostly short or whole reads
      int n = Math.min(Math.min(dst.remaining(), data.length - pos), random.nextInt(4) == 0 ? random.nextInt(3) : 70_000);
      dst.put(data, pos, n);
      pos += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }

  private static byte[] bytes(int length, long seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Property(tries = 300)
  void readsEveryByteWhateverSizeWasReported(
      @ForAll @IntRange(max = 200_000) int length, @ForAll @IntRange(min = -1, max = 2) int hintKind, @ForAll long seed)
      throws IOException {
    byte[] data = bytes(length, seed);
    // the true size, none (as /proc reports), too small (a file that grew) or too large (one that shrank)
    long hint = switch (hintKind) {
      case -1 -> 0;
      case 0 -> length;
      case 1 -> length / 3;
      default -> length + 1 + length / 2;
    };
    assertThat(EvidenceReader.readAll(new Trickle(data, seed), hint, Long.MAX_VALUE, "f")).isEqualTo(data);
  }

  @Property(tries = 100)
  void refusesMoreThanTheLimitAndNothingLess(
      @ForAll @IntRange(max = 140_000) int length, @ForAll @IntRange(min = -2, max = 2) int offset, @ForAll boolean hinted,
      @ForAll long seed) throws IOException {
    byte[] data = bytes(length, seed);
    long max = Math.max(0, length + offset);
    long hint = hinted ? length : 0;
    if (length <= max) {
      assertThat(EvidenceReader.readAll(new Trickle(data, seed), hint, max, "f")).isEqualTo(data);
    } else {
      assertThatThrownBy(() -> EvidenceReader.readAll(new Trickle(data, seed), hint, max, "f"))
          .isInstanceOf(EvidenceReader.TooLargeException.class)
          .isInstanceOf(FileSystemException.class)
          .hasMessage("f: larger than " + max + " bytes");
    }
  }

  @Test
  void readsAFileAsFilesDoes(@TempDir Path dir) throws IOException {
    for (int length : new int[] {0, 1, 65_535, 65_536, 65_537, 1_000_003}) {
      Path f = dir.resolve("f" + length);
      Files.write(f, bytes(length, length));
      assertThat(EvidenceReader.readFile(f, Long.MAX_VALUE)).as("%d bytes", length).isEqualTo(Files.readAllBytes(f));
    }
  }

  @Test
  void readsAProcFileWhoseSizeIsZero() throws IOException {
    Path version = Path.of("/proc/version");
    if (Files.isReadable(version)) { // Linux only; its size reads as 0
      assertThat(Files.size(version)).isZero();
      assertThat(EvidenceReader.readFile(version, Long.MAX_VALUE)).isNotEmpty().isEqualTo(Files.readAllBytes(version));
    }
  }

  @Test
  void aMissingFileIsNoSuchFile(@TempDir Path dir) {
    assertThatThrownBy(() -> EvidenceReader.readFile(dir.resolve("nope"), 10)).isInstanceOf(NoSuchFileException.class);
  }
}
