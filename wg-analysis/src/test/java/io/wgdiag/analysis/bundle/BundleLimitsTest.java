package io.wgdiag.analysis.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.analysis.Phase;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.sysctl.SysctlSettings;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refusal of {@link Limits} and of the sources: one line, no blocking, nothing read outside a bundle. */
class BundleLimitsTest {
  @TempDir Path dir;

  private static final String SYSCTL = "$ sysctl net.core.rmem_max\nnet.core.rmem_max = 212992\n";

  private Path bundle(String name) throws Exception {
    Path b = dir.resolve(name);
    Files.createDirectories(b.resolve("local"));
    Files.writeString(b.resolve("bundle.properties"), "interface=wg0\nsite=fra1\nisp=acme\n");
    Files.writeString(b.resolve("local/sysctl.txt"), SYSCTL);
    return b;
  }

  private static void mkfifo(Path p) throws Exception {
    Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    assertThat(pr.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pr.exitValue()).isZero();
  }

  @Test
  void aFifoGivenAsThePathIsRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("ping.txt");
    mkfifo(fifo);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> EvidenceReader.standard().read(fifo))
            .isInstanceOf(BundleException.class)
            .hasMessage(fifo + ": not a regular file or directory (a FIFO, socket or device); refused"));
  }

  @Test
  void aFifoAndADeviceLinkInsideABundleAreNamedAndNeverOpened() throws Exception {
    Path b = bundle("with-fifo");
    mkfifo(b.resolve("local/ping.txt"));
    Files.createSymbolicLink(b.resolve("local/zero.txt"), Path.of("/dev/zero"));
    LoadedEvidence e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> EvidenceReader.standard().read(b));
    assertThat(e.notes()).contains(
        "local/ping.txt: not a regular file (a FIFO, socket or device); not read",
        "local/zero.txt: a symbolic link out of the bundle; not followed");
    assertThat(e.kase().local().all()).hasSize(1);
  }

  @Test
  void aSymlinkOutOfTheBundleIsNotFollowedOneInsideIs() throws Exception {
    Path outside = dir.resolve("secret-hostname");
    Files.writeString(outside, "gw-secret-name\n");
    Path b = bundle("links");
    Files.createSymbolicLink(b.resolve("local/ping.txt"), outside);
    Files.createSymbolicLink(b.resolve("local/escape"), dir);
    Files.writeString(b.resolve("real-sysctl.txt"), "net.core.wmem_max = 4096\n");
    Files.createSymbolicLink(b.resolve("local/sysctl@copy.txt"), b.resolve("real-sysctl.txt"));
    LoadedEvidence e = EvidenceReader.standard().read(b);
    assertThat(e.notes()).contains("local/ping.txt: a symbolic link out of the bundle; not followed",
        "local/escape: a symbolic link out of the bundle; not followed");
    assertThat(e.unread()).noneMatch(u -> u.text().contains("gw-secret-name"));
    assertThat(e.kase().local().facts(SysctlSettings.class, Phase.UNNAMED))
        .anyMatch(f -> f.value().longValue("net.core.wmem_max").orElse(0) == 4096);
  }

  /** A .tar.gz of the given entries (name, bytes), written by hand in ustar form. */
  private static byte[] tarGz(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream os = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> en : entries.entrySet()) {
        os.write(header(en.getKey(), en.getValue().length, '0'));
        os.write(en.getValue());
        os.write(new byte[(512 - en.getValue().length % 512) % 512]);
      }
      os.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }

  private static byte[] header(String name, long size, char type) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
    byte[] sz = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(sz, 0, h, 124, sz.length);
    h[156] = (byte) type;
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 5);
    return h;
  }

  @Test
  void anArchiveThatExpandsTooFarIsRefusedEarly() throws Exception {
    // 64 MiB of newlines in an evidence file: a few KB compressed
    Path tgz = dir.resolve("bomb.tar.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(tgz))) {
      os.write(header("local/ping.txt", 64L << 20, '0'));
      byte[] mib = new byte[1 << 20];
      java.util.Arrays.fill(mib, (byte) '\n');
      for (int i = 0; i < 64; i++) {
        os.write(mib);
      }
    }
    assertThatThrownBy(() -> EvidenceReader.standard().read(tgz))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(tgz + ": expands more than 200 times its compressed size (")
        .hasMessageEndingWith("); refused");
  }

  @Test
  void anArchiveLargerThanTheTotalIsRefused() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("local/sysctl.txt", SYSCTL.getBytes(StandardCharsets.US_ASCII));
    files.put("var/log/big.log", new byte[600_000]);
    byte[] gz = tarGz(files);
    EvidenceReader small = EvidenceReader.standard().withLimits(Limits.standard().withMaxArchiveBytes(500_000));
    assertThatThrownBy(() -> small.read("c.tar.gz", gz))
        .isInstanceOf(BundleException.class)
        .hasMessage("c.tar.gz: larger than 500000 bytes unpacked; refused");
    assertThat(EvidenceReader.standard().read("c.tar.gz", gz).kase().local().all()).hasSize(1);
  }

  @Test
  void tooManyEntriesOrFilesAreRefused() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      files.put("local/sysctl@" + i + ".txt", "net.a = 1\n".getBytes(StandardCharsets.US_ASCII));
    }
    EvidenceReader four = EvidenceReader.standard().withLimits(Limits.standard().withMaxEntries(4));
    assertThatThrownBy(() -> four.read("c.tar.gz", tarGz(files)))
        .isInstanceOf(BundleException.class).hasMessage("c.tar.gz: more than 4 entries; refused");
    Path b = bundle("many");
    for (int i = 0; i < 4; i++) {
      Files.writeString(b.resolve("local/sysctl@" + i + ".txt"), "net.a = 1\n");
    }
    assertThatThrownBy(() -> four.read(b))
        .isInstanceOf(BundleException.class).hasMessage(b + ": more than 4 files; refused");
    assertThatThrownBy(() -> four.read(BlobSource.of("spark", files, four.limits())))
        .isInstanceOf(BundleException.class).hasMessage("spark: more than 4 files; refused");
  }

  @Test
  void aLongEntryNameIsRefused() throws Exception {
    // a GNU long name ('L') entry of 5000 bytes names the next entry
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] longName = ("local/" + "x".repeat(4990) + ".txt").getBytes(StandardCharsets.US_ASCII);
    try (OutputStream os = new GZIPOutputStream(bytes)) {
      os.write(header("././@LongLink", longName.length, 'L'));
      os.write(longName);
      os.write(new byte[(512 - longName.length % 512) % 512]);
      os.write(header("local/short.txt", 10, '0'));
      os.write("net.a = 1\n".getBytes(StandardCharsets.US_ASCII));
      os.write(new byte[502 + 1024]);
    }
    assertThatThrownBy(() -> EvidenceReader.standard().read("long.tar.gz", bytes.toByteArray()))
        .isInstanceOf(BundleException.class)
        .hasMessage("long.tar.gz: an entry name longer than 4096 bytes; refused");
  }

  @Test
  void aPathWithANewlineIsQuotedOnOneLine() throws Exception {
    Path odd = dir.resolve("two\nlines.txt");
    assertThatThrownBy(() -> EvidenceReader.standard().read(odd))
        .isInstanceOf(BundleException.class)
        .hasMessage(dir + "/two\\nlines.txt: no such file or directory")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
  }

  @Test
  void bytesAndStreamsReadAsTheDirectoryDoes() throws Exception {
    Path b = bundle("as-bytes");
    Files.writeString(b.resolve("local/ping.txt"), """
        PING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.
        64 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=0.512 ms
        64 bytes from 10.60.0.10: icmp_seq=2 ttl=64 time=0.498 ms

        --- 10.60.0.10 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time 1001ms
        rtt min/avg/max/mdev = 0.498/0.505/0.512/0.007 ms
        """);
    LoadedEvidence fromDir = EvidenceReader.standard().read(b);
    assertThat(fromDir.properties()).containsEntry("site", "fra1").containsEntry("isp", "acme");
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String rel : List.of("bundle.properties", "local/sysctl.txt", "local/ping.txt")) {
      files.put("as-bytes/" + rel, Files.readAllBytes(b.resolve(rel)));
    }
    LoadedEvidence fromBlobs = EvidenceReader.standard().read(BlobSource.of("as-bytes", files));
    assertThat(fromBlobs.kase().local().all()).isEqualTo(fromDir.kase().local().all());
    assertThat(fromBlobs.properties()).isEqualTo(fromDir.properties());
    assertThat(fromBlobs.kase().local().latest(PingResult.class, Phase.UNNAMED).orElseThrow().value().replies()).hasSize(2);
    Path tgz = dir.resolve("as-bytes.tar.gz");
    TarWriter.write(b, "as-bytes", tgz);
    LoadedEvidence fromTarBytes = EvidenceReader.standard().read("as-bytes.tar.gz", Files.readAllBytes(tgz));
    assertThat(fromTarBytes.kase().local().all()).isEqualTo(fromDir.kase().local().all());
    LoadedEvidence fromStream = EvidenceReader.standard().read(Files.newInputStream(tgz));
    assertThat(fromStream.kase().local().all()).isEqualTo(fromDir.kase().local().all());
    LoadedEvidence transcript = EvidenceReader.standard().read("sysctl.txt", SYSCTL.getBytes(StandardCharsets.US_ASCII));
    assertThat(transcript.kind()).isEqualTo("transcript");
    assertThat(transcript.kase().local().all()).hasSize(1);
  }

  @Test
  void aBlobPathThatLeavesTheCaptureIsRefused() {
    assertThatThrownBy(() -> BlobSource.of("spark", Map.of("local/../../etc/passwd.txt", new byte[1])))
        .isInstanceOf(BundleException.class)
        .hasMessage("spark: the path 'local/../../etc/passwd.txt' leaves the capture; refused");
  }

  /**
   * A 96 MiB ping.txt, raw and as a transcript, read in a JVM of 48 MiB heap: a reader that held a
   * copy of the file (as the old one did, twice over) cannot.
   */
  @Test
  void aLargeTranscriptIsReadAsAStreamNotCopied() throws Exception {
    for (boolean prompt : new boolean[] {false, true}) {
      Path b = dir.resolve("big-" + prompt);
      Files.createDirectories(b.resolve("local"));
      try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(b.resolve("local/ping.txt")), 1 << 16)) {
        if (prompt) {
          os.write("$ ping -c 2 10.60.0.10\n".getBytes(StandardCharsets.US_ASCII));
        }
        os.write("PING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n".getBytes(StandardCharsets.US_ASCII));
        byte[] blank = new byte[1 << 20];
        java.util.Arrays.fill(blank, (byte) '\n');
        for (int i = 0; i < 96; i++) {
          os.write(blank);
        }
        os.write("--- 10.60.0.10 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1001ms\n"
            .getBytes(StandardCharsets.US_ASCII));
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
          ReadMain.class.getName(), b.toString()).redirectErrorStream(true).start();
      boolean done = p.waitFor(240, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(done).as("finished in 240 s").isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("transmitted=2");
    }
  }

  /** Reads a bundle in a child JVM and prints what the ping capture says. */
  public static final class ReadMain {
    private ReadMain() {}

    public static void main(String[] args) throws Exception {
      LoadedEvidence e = EvidenceReader.standard().read(Path.of(args[0]));
      PingResult r = e.kase().local().latest(PingResult.class, Phase.UNNAMED).orElseThrow().value();
      System.out.println("transmitted=" + r.transmitted().orElse(-1) + " unread=" + e.unread().size()
          + " maxheap=" + Runtime.getRuntime().maxMemory());
    }
  }
}
