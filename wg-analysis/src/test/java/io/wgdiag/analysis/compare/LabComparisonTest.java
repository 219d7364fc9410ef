package io.wgdiag.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Codes;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.bundle.EvidenceReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparisons of real lab recordings ({@code src/test/resources/lab}, see its SOURCES.md): a path
 * MTU blackhole against the same tunnel with a whole path, and the reverse; one recording against
 * itself (every one of them); and a recording whose after side lost its iperf3 runs.
 */
class LabComparisonTest {

  static Path resource(String name) {
    URL url = LabComparisonTest.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Case lab(String scenario) throws Exception {
    return EvidenceReader.standard().read(resource("lab/" + scenario)).kase();
  }

  @Test
  void theBlackholeFixedIsKept() throws Exception {
    Comparison c = Comparison.of(lab("pmtu-blackhole"), lab("udp-buffer-errors"));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.KEEP);
    MeasureChange single = c.measure(Measure.SINGLE_FLOW_THROUGHPUT, Host.LOCAL).orElseThrow();
    assertThat(single.verdict()).isEqualTo(Change.IMPROVED);
    assertThat(single.before().orElseThrow().value()).isZero(); // the receiver got 0 bytes through the blackhole
    assertThat(single.after().orElseThrow().value()).isGreaterThan(800e6);
    MeasureChange df = c.measure(Measure.DF_LARGEST_PASSING, Host.LOCAL).orElseThrow();
    assertThat(df.verdict()).isEqualTo(Change.IMPROVED);
    assertThat(df.before().orElseThrow().value()).isEqualTo(1220);
    assertThat(df.before().orElseThrow().failedAbove()).hasValue(1280);
    assertThat(df.after().orElseThrow().value()).isEqualTo(1420);
    assertThat(c.findings(FindingChange.Status.RESOLVED)).extracting(FindingChange::code).contains(Codes.MTU_BLACKHOLE);
    // at a thousandfold load the remote's UDP buffers overflow: shown, and a new finding, but not held against the fix
    MeasureChange udp = c.measure(Measure.UDP_DROPS, Host.REMOTE).orElseThrow();
    assertThat(udp.verdict()).isIn(Change.LOAD_DIFFERS, Change.TOO_FEW_SAMPLES);
    assertThat(c.findings(FindingChange.Status.NEW)).extracting(FindingChange::code).contains(Codes.UDP_BUFFER_ERRORS);
    assertThat(c.reason()).contains("iperf3 single flow (local) 0 bit/s → 905 Mbit/s").contains("resolved mtu.blackhole (local)");
  }

  @Test
  void theBlackholeIntroducedIsRolledBack() throws Exception {
    Comparison c = Comparison.of(lab("udp-buffer-errors"), lab("pmtu-blackhole"));

    assertThat(c.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(c.measure(Measure.DF_LARGEST_PASSING, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.WORSE);
    assertThat(c.measure(Measure.PARALLEL_THROUGHPUT, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.WORSE);
    assertThat(c.findings(FindingChange.Status.NEW)).extracting(FindingChange::code).contains(Codes.MTU_BLACKHOLE);
    assertThat(c.worse()).anyMatch(w -> w.startsWith("new finding mtu.blackhole (local)"));
  }

  @Test
  void aRecordingAgainstItselfChangesNothingAndIsRolledBack() throws Exception {
    Comparison c = Comparison.of(lab("bufferbloat"), lab("bufferbloat"));

    assertThat(c.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(c.reason()).startsWith("nothing improved beyond the noise");
    assertThat(c.measures()).allMatch(m -> m.verdict() == Change.NO_CHANGE || m.verdict() == Change.NOT_MEASURED
        || m.verdict() == Change.TOO_FEW_SAMPLES, "every measure unchanged");
    assertThat(c.findings()).allMatch(f -> f.status() == FindingChange.Status.PERSISTING);
  }

  @TestFactory
  Stream<DynamicTest> everyRecordingAgainstItselfIsNeverAnImprovement() throws Exception {
    List<Path> scenarios;
    try (Stream<Path> s = Files.list(resource("lab"))) {
      scenarios = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
    return scenarios.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Case kase = EvidenceReader.standard().read(dir).kase();
      Comparison c = Comparison.of(kase, kase);
      assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.KEEP);
      assertThat(c.improved()).isEmpty();
      assertThat(c.worse()).isEmpty();
      assertThat(c.measures()).noneMatch(m -> m.verdict() == Change.IMPROVED || m.verdict() == Change.WORSE
          || m.verdict().lacksEvidence());
      assertThat(c.findings()).allMatch(f -> f.status() == FindingChange.Status.PERSISTING);
    }));
  }

  @Test
  void anAfterCaptureWithoutIperf3IsInconclusiveAndSaysWhatToRun(@TempDir Path tmp) throws Exception {
    Path after = tmp.resolve("udp-buffer-errors");
    copy(resource("lab/udp-buffer-errors"), after);
    try (Stream<Path> s = Files.list(after.resolve("local/during"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("iperf3")).toList()) {
        Files.delete(p);
      }
    }
    Comparison c = Comparison.of(lab("udp-buffer-errors"), EvidenceReader.standard().read(after).kase());

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(c.measure(Measure.SINGLE_FLOW_THROUGHPUT, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.MISSING_AFTER);
    assertThat(c.reason()).contains("iperf3 single flow (local): not captured after the change");
    assertThat(c.collect()).contains("iperf3 -c 10.60.0.10 -t 15", "iperf3 -c 10.60.0.10 -P 4 -t 15");
  }

  @Test
  void runsWithAnotherIperf3LoadAreNotCompared() throws Exception {
    // healthy paces iperf3 at -b 2M -l 16K; udp-buffer-errors runs it unlimited
    Comparison c = Comparison.of(lab("healthy"), lab("udp-buffer-errors"));

    MeasureChange single = c.measure(Measure.SINGLE_FLOW_THROUGHPUT, Host.LOCAL).orElseThrow();
    assertThat(single.verdict()).isEqualTo(Change.NOT_COMPARABLE);
    assertThat(single.note()).contains("'iperf3 -b 2M -l 16K'").contains("'iperf3'");
    assertThat(c.verdict()).isIn(Verdict.INCONCLUSIVE, Verdict.ROLL_BACK);
  }

  @Test
  void aPeerThatNeverAnsweredAndThenDoesIsAnImprovement() throws Exception {
    Comparison c = Comparison.of(lab("peer-unreachable"), lab("udp-buffer-errors"));

    MeasureChange hs = c.measure(Measure.HANDSHAKE_AGE, Host.LOCAL).orElseThrow();
    assertThat(hs.before().orElseThrow().value()).isInfinite();
    assertThat(hs.verdict()).isEqualTo(Change.IMPROVED);
    assertThat(c.measure(Measure.RTT_IDLE, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.IMPROVED);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.KEEP);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
