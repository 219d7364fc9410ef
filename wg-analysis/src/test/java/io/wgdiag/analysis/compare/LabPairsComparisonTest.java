package io.wgdiag.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Codes;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.bundle.EvidenceReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code compare} on the lab's before/after pairs ({@code src/test/resources/lab-pairs}, see its
 * SOURCES.md): one real wireguard-go tunnel recorded before and after one change. Each pair's
 * {@code pair.properties} names the verdict a person reading the two captures reaches; the
 * comparison must reach it, and for each pair the measure that makes it so.
 */
class LabPairsComparisonTest {

  /** pair.properties' {@code expected} → the verdict: a change that does nothing is rolled back (checklist C). */
  private static final Map<String, Verdict> VERDICT = Map.of(
      "improved", Verdict.KEEP, "worse", Verdict.ROLL_BACK, "no-change", Verdict.ROLL_BACK, "inconclusive", Verdict.INCONCLUSIVE);

  static Comparison pair(String name) throws Exception {
    Path dir = LabComparisonTest.resource("lab-pairs/" + name);
    Case before = EvidenceReader.standard().read(dir.resolve("before")).kase();
    Case after = EvidenceReader.standard().read(dir.resolve("after")).kase();
    return Comparison.of(before, after);
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedPairGetsItsVerdict() throws Exception {
    List<Path> pairs;
    try (Stream<Path> s = Files.list(LabComparisonTest.resource("lab-pairs"))) {
      pairs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(4);
    return pairs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(dir.resolve("pair.properties"))));
      Comparison c = pair(dir.getFileName().toString());
      assertThat(c.verdict()).as(c.reason()).isEqualTo(VERDICT.get(p.getProperty("expected")));
    }));
  }

  @Test
  void theMtuFixIsKeptForTheThroughputItBringsBack() throws Exception {
    Comparison c = pair("mtu-fix");

    assertThat(c.verdict()).isEqualTo(Verdict.KEEP);
    MeasureChange single = c.measure(Measure.SINGLE_FLOW_THROUGHPUT, Host.LOCAL).orElseThrow();
    assertThat(single.verdict()).isEqualTo(Change.IMPROVED);
    assertThat(single.before().orElseThrow().value()).isZero();
    assertThat(single.after().orElseThrow().value()).isGreaterThan(50e6);
    assertThat(c.findings(FindingChange.Status.RESOLVED)).extracting(f -> f.code() + "@" + f.host().label())
        .contains(Codes.MTU_BLACKHOLE + "@local", Codes.MTU_BLACKHOLE + "@remote");
    assertThat(c.worse()).isEmpty();
  }

  @Test
  void theShorterQueueIsKeptForItsLatencyThoughRetransmitsRose() throws Exception {
    Comparison c = pair("bufferbloat-short-queue");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.KEEP);
    assertThat(c.measure(Measure.RTT_LOADED, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.IMPROVED);
    assertThat(c.measure(Measure.SINGLE_FLOW_THROUGHPUT, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.NO_CHANGE);
    // the short queue drops to signal TCP: more retransmits, shown, not held against it
    MeasureChange retr = c.measure(Measure.RETRANSMITS, Host.LOCAL).orElseThrow();
    assertThat(retr.verdict()).isEqualTo(Change.WORSE);
    assertThat(retr.decides()).isFalse();
    assertThat(c.reason()).contains("RTT under load (local)");
  }

  @Test
  void aChangeThatDoesNothingIsRolledBack() throws Exception {
    Comparison c = pair("txqueuelen-noop");

    assertThat(c.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(c.reason()).startsWith("nothing improved beyond the noise");
    assertThat(c.measures()).filteredOn(MeasureChange::decides)
        .allMatch(m -> m.verdict() == Change.NO_CHANGE || m.verdict() == Change.TOO_FEW_SAMPLES || m.verdict() == Change.NOT_MEASURED,
            "no deciding measure moved");
    // two runs of one setup: throughput within 10%
    MeasureChange p = c.measure(Measure.PARALLEL_THROUGHPUT, Host.LOCAL).orElseThrow();
    assertThat(p.verdict()).isEqualTo(Change.NO_CHANGE);
  }

  @Test
  void anAfterCaptureWithoutTheLoadIsInconclusiveAndNamesTheCommands() throws Exception {
    Comparison c = pair("after-without-load");

    assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(c.measure(Measure.SINGLE_FLOW_THROUGHPUT, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.MISSING_AFTER);
    assertThat(c.measure(Measure.RTT_LOADED, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.MISSING_AFTER);
    assertThat(c.collect()).contains("iperf3 -c 10.60.0.10 -t 15", "iperf3 -c 10.60.0.10 -P 4 -t 15");
    assertThat(c.reason()).contains("iperf3 single flow (local): not captured after the change");
  }

  @Test
  void aShaperBelowTheLoadIsRolledBack() throws Exception {
    Comparison c = pair("shaper-worse");

    assertThat(c.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(c.measure(Measure.PARALLEL_THROUGHPUT, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.WORSE);
    assertThat(c.measure(Measure.RTT_LOADED, Host.LOCAL).orElseThrow().verdict()).isEqualTo(Change.WORSE);
    assertThat(c.worse()).anyMatch(w -> w.startsWith("iperf3 parallel flows (local)"));
  }
}
