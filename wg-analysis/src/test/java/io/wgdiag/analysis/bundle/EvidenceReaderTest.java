package io.wgdiag.analysis.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.sysctl.SysctlSettings;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceReaderTest {
  @TempDir Path dir;

  private static final String LINK_STATS = """
      2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000
          link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
          RX:  bytes packets errors dropped  missed   mcast
          9012345678 8123456      0    1452       0  120345
          TX:  bytes packets errors dropped carrier collsns
          8123456789 7012345      0       0       0       0
      """;

  private void write(Path root, String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private Path bundle() throws Exception {
    Path b = dir.resolve("bundle");
    write(b, "bundle.properties", "interface=wg0\npeer=10.60.0.10\nlabel=test case\n");
    write(b, "local/before/ip-link-stats@eth0.txt", LINK_STATS);
    write(b, "local/probe/settings.txt", "$ sysctl net.core.rmem_max\nnet.core.rmem_max = 212992\n");
    write(b, "local/sysctl.txt", "net.ipv4.conf.all.rp_filter = 1\nnot sysctl at all\n");
    write(b, "remote/during/sysctl.txt", "net.core.wmem_max = 4096\n");
    write(b, "NOTES.md", "# Collection notes\n");
    write(b, "local/unknown-tool.txt", "whatever\n");
    return b;
  }

  @Test
  void readsTheBundleLayoutIntoHostsAndPhases() throws Exception {
    LoadedEvidence e = EvidenceReader.standard().read(bundle());
    assertThat(e.kind()).isEqualTo("bundle");
    assertThat(e.kase().tunnelInterface()).hasValue("wg0");
    assertThat(e.kase().peerTunnelAddress()).hasValue("10.60.0.10");
    HostSnapshot local = e.kase().local();
    Capture link = local.captures(Phase.BEFORE).get(0);
    assertThat(link.toolId()).isEqualTo("ip-link-stats");
    assertThat(link.qualifier()).hasValue("eth0");
    assertThat(link.model(Links.class).orElseThrow().link("eth0").orElseThrow().stats().orElseThrow().rxDropped())
        .isEqualTo(1452);
    Capture probe = local.captures(Phase.PROBE).get(0);
    assertThat(probe.command()).isEqualTo("sysctl net.core.rmem_max");
    assertThat(probe.source().toString()).isEqualTo("local/probe/settings.txt:1");
    assertThat(local.latest(SysctlSettings.class, Phase.UNNAMED).orElseThrow().value().longValue("net.ipv4.conf.all.rp_filter"))
        .hasValue(1);
    HostSnapshot remote = e.kase().remote().orElseThrow();
    assertThat(remote.host()).isEqualTo(Host.REMOTE);
    assertThat(remote.facts(SysctlSettings.class, Phase.DURING)).hasSize(1);
    assertThat(e.unread()).singleElement().satisfies(u -> {
      assertThat(u.source()).isEqualTo("local/sysctl.txt:2");
      assertThat(u.text()).isEqualTo("not sysctl at all");
    });
    assertThat(e.notes()).anyMatch(n -> n.startsWith("NOTES.md: skipped"))
        .anyMatch(n -> n.startsWith("local/unknown-tool.txt: skipped"));
  }

  @Test
  void aTarGzOfTheBundleReadsTheSame() throws Exception {
    Path b = bundle();
    Path tgz = dir.resolve("case.tar.gz");
    TarWriter.write(b, "case", tgz);
    LoadedEvidence fromDir = EvidenceReader.standard().read(b);
    LoadedEvidence fromTar = EvidenceReader.standard().read(tgz);
    assertThat(fromTar.kind()).isEqualTo("tar.gz");
    assertThat(fromTar.kase().local().all()).isEqualTo(fromDir.kase().local().all());
    assertThat(fromTar.kase().remote().orElseThrow().all()).isEqualTo(fromDir.kase().remote().orElseThrow().all());
    assertThat(fromTar.unread()).isEqualTo(fromDir.unread());
  }

  @Test
  void readsASosreportByItsFileNamesAndManifest() throws Exception {
    Path sos = dir.resolve("sosreport-gw1-2026");
    write(sos, "sos_commands/networking/ip_-s_-d_link", LINK_STATS);
    write(sos, "sos_commands/kernel/sysctl_-a", "net.core.rmem_max = 212992\n");
    write(sos, "sos_commands/networking/custom_name", "net.core.wmem_max = 1\n");
    write(sos, "sos_commands/networking/ip_-o_addr", "1: lo    inet 127.0.0.1/8 scope host lo\n");
    write(sos, "sos_reports/manifest.json", """
        {"components":{"report":{"plugins":{"networking":{"commands":[
          {"command":"sysctl net.core.wmem_max","filepath":"sos_commands/networking/custom_name","return_code":0}
        ]}}}}}
        """);
    LoadedEvidence e = EvidenceReader.standard().read(sos);
    assertThat(e.kind()).isEqualTo("sosreport");
    List<Capture> all = e.kase().local().all();
    assertThat(all).extracting(Capture::toolId).containsExactlyInAnyOrder("ip-link-stats", "sysctl", "sysctl");
    assertThat(e.kase().local().facts(SysctlSettings.class))
        .anyMatch(f -> f.value().longValue("net.core.wmem_max").orElse(0) == 1);
    assertThat(e.notes()).anyMatch(n -> n.contains("have no wgdiag parser"));
  }

  @Test
  void aSingleTranscriptFileIsTheLocalUnnamedPhase() throws Exception {
    Path t = dir.resolve("incident.txt");
    Files.writeString(t, "user@gw:~$ sysctl net.core.rmem_max\nnet.core.rmem_max = 212992\n");
    LoadedEvidence e = EvidenceReader.standard().read(t);
    assertThat(e.kind()).isEqualTo("transcript");
    assertThat(e.kase().local().captures(Phase.UNNAMED)).singleElement()
        .satisfies(c -> assertThat(c.source().toString()).endsWith("incident.txt:1"));
  }

  @Test
  void aFileOverTheLimitFailsWithOneClearLine() throws Exception {
    Path big = dir.resolve("huge.txt");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(256L * 1024 * 1024 + 1); // sparse, one byte over the limit: nothing is written
    }
    assertThatThrownBy(() -> EvidenceReader.standard().read(big))
        .isInstanceOf(BundleException.class)
        .hasMessage(big + ": larger than " + 256L * 1024 * 1024 + " bytes");
  }

  @Test
  void unusableInputsFailWithOneClearLine() throws Exception {
    Path bin = dir.resolve("capture.pcap");
    Files.write(bin, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
    assertThatThrownBy(() -> EvidenceReader.standard().read(bin))
        .isInstanceOf(BundleException.class).hasMessageContaining("binary data");
    assertThatThrownBy(() -> EvidenceReader.standard().read(dir.resolve("nope")))
        .isInstanceOf(BundleException.class).hasMessageEndingWith("nope: no such file or directory");
    Path b = bundle();
    Path tgz = dir.resolve("cut.tar.gz");
    TarWriter.write(b, "cut", tgz);
    byte[] whole = Files.readAllBytes(tgz);
    byte[] gunzipped = TarWriter.gunzip(whole);
    Path truncated = dir.resolve("truncated.tar.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(truncated))) {
      os.write(gunzipped, 0, 700); // a header and part of the first file
    }
    assertThatThrownBy(() -> EvidenceReader.standard().read(truncated))
        .isInstanceOf(BundleException.class).hasMessageContaining("truncated");
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    assertThatThrownBy(() -> EvidenceReader.standard().read(empty))
        .isInstanceOf(BundleException.class).hasMessageContaining("no evidence");
  }

  /** A tar header for a regular file {@code name} of {@code size} bytes (ustar; tar's checksum is not read). */
  private static byte[] tarHeader(String name, long size) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, h, 0, n.length);
    byte[] sz = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(sz, 0, h, 124, sz.length);
    h[156] = '0';
    byte[] magic = "ustar".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, h, 257, magic.length);
    return h;
  }

  @Test
  void aDamagedSizeInATarHeaderCostsNoMemoryTheArchiveDoesNotHold() throws Exception {
    // the header claims 200 MiB; the archive holds ten bytes
    Path tgz = dir.resolve("damaged.tar.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(tgz))) {
      os.write(tarHeader("local/sysctl.txt", 200L << 20));
      os.write("net.a = 1\n".getBytes(StandardCharsets.US_ASCII));
    }
    long before = allocatedBytes();
    assertThatThrownBy(() -> EvidenceReader.standard().read(tgz))
        .isInstanceOf(BundleException.class).hasMessageContaining("truncated archive (entry local/sysctl.txt is cut short)");
    long allocated = allocatedBytes() - before;
    assertThat(allocated).as("bytes allocated reading the archive").isLessThan(16L << 20);
  }

  /**
   * Bytes this thread has allocated, from the JDK's thread bean. Through reflection: the test is
   * compiled inside the module, which does not read java.management; it runs on the class path.
   */
  private static long allocatedBytes() throws ReflectiveOperationException {
    Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
    return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class)
        .invoke(bean, Thread.currentThread().getId());
  }

  @Test
  void aTarEntryLargerThanAFileMayBeIsRefusedByItsHeader() throws Exception {
    Path tgz = dir.resolve("huge.tar.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(tgz))) {
      os.write(tarHeader("local/sysctl.txt", EvidenceReader.MAX_FILE_BYTES + 1));
    }
    assertThatThrownBy(() -> EvidenceReader.standard().read(tgz))
        .isInstanceOf(BundleException.class)
        .hasMessageEndingWith("huge.tar.gz: entry local/sysctl.txt is larger than 268435456 bytes");
  }

  /** A binary file: random-looking bytes with a NUL, as a capture or a log database is. */
  private static byte[] binary(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    b[n / 2] = 0;
    return b;
  }

  @Test
  void aBundleTarballWithABinaryFileReadsAsItsDirectoryDoes() throws Exception {
    Path b = bundle();
    Files.write(b.resolve("local/capture.pcap"), binary(3000));
    LoadedEvidence fromDir = EvidenceReader.standard().read(b);
    Path tgz = dir.resolve("with-pcap.tar.gz");
    TarWriter.write(b, "case", tgz);
    LoadedEvidence fromTar = EvidenceReader.standard().read(tgz); // refused the whole tarball before
    assertThat(fromTar.kase().local().all()).isEqualTo(fromDir.kase().local().all());
    assertThat(fromTar.unread()).isEqualTo(fromDir.unread());
    assertThat(fromTar.notes()).contains("local/capture.pcap: skipped (evidence files end in .txt)");
  }

  @Test
  void aSosreportTarballReadsItsCommandsPastLogsAndBinaryFiles() throws Exception {
    Path sos = dir.resolve("sosreport-gw1-2026");
    write(sos, "sos_commands/networking/ip_-s_-d_link", LINK_STATS);
    write(sos, "sos_commands/kernel/sysctl_-a", "net.core.rmem_max = 212992\n");
    Files.createDirectories(sos.resolve("var/log"));
    Files.write(sos.resolve("var/log/wtmp"), binary(5000));
    // a log of 64 MiB no reader uses (zeros: a few KB compressed)
    try (OutputStream os = Files.newOutputStream(sos.resolve("var/log/big.log"))) {
      byte[] mib = new byte[1 << 20];
      for (int k = 0; k < 64; k++) {
        os.write(mib);
      }
    }
    LoadedEvidence fromDir = EvidenceReader.standard().read(sos);
    Path tgz = dir.resolve("sos.tar.gz");
    TarWriter.write(sos, "sosreport-gw1-2026", tgz);
    long before = allocatedBytes();
    LoadedEvidence fromTar = EvidenceReader.standard().read(tgz);
    long allocated = allocatedBytes() - before;
    assertThat(fromTar.kind()).isEqualTo("sosreport");
    assertThat(fromTar.kase().local().all()).extracting(Capture::toolId).containsExactlyInAnyOrder("ip-link-stats", "sysctl");
    // the same captures and notes (a tarball lists its files in its own order)
    assertThat(fromTar.kase().local().all()).containsExactlyInAnyOrderElementsOf(fromDir.kase().local().all());
    assertThat(fromTar.notes()).containsExactlyInAnyOrderElementsOf(fromDir.notes());
    assertThat(allocated).as("bytes allocated reading past 64 MiB of log").isLessThan(16L << 20);
  }
}
