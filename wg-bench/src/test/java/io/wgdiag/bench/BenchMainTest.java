package io.wgdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options {@link BenchMain} hands each benchmark JVM. */
class BenchMainTest {

  @Test
  void extraJvmArgumentsComeAfterTheDefaultsSoTheyWin() {
    // the JVM takes the last of two settings of one option: -Xmx1g then -Xmx4g runs with 4 GB
    assertThat(BenchMain.forkArgs("1g", List.of("-XX:-DoEscapeAnalysis", "-Xmx4g")))
        .containsExactly("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages",
            "-XX:+AlwaysPreTouch", "-XX:-DoEscapeAnalysis", "-Xmx4g");
    assertThat(BenchMain.forkArgs("2g", List.of())).containsExactly("-Xms2g", "-Xmx2g", "-XX:+UseParallelGC",
        "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch");
  }

  @Test
  void theQuickModeRunsTheFloorOnlyWhenAsked() {
    String parse = ParserBenchmark.class.getName() + ".parse";
    String baseline = ParserBenchmark.class.getName() + ".baselineLineSplit";
    String floor = ParserBenchmark.class.getName() + ".floorCharacterScan";
    String analysis = AnalysisBenchmark.class.getName() + ".analyze";
    // JMH finds the pattern anywhere in a benchmark's full name
    java.util.function.BiPredicate<Boolean, String> runs =
        (withFloor, name) -> java.util.regex.Pattern.compile(BenchMain.parserBenchmarks(withFloor)).matcher(name).find();
    assertThat(List.of(parse, baseline, floor, analysis)).filteredOn(n -> runs.test(false, n)).containsExactly(parse, baseline);
    assertThat(List.of(parse, baseline, floor, analysis)).filteredOn(n -> runs.test(true, n))
        .containsExactly(parse, baseline, floor);
  }

  @Test
  void theHeapGrowsWithTheInput() {
    assertThat(BenchMain.heapFor(1_000_000)).isEqualTo("1g");
    assertThat(BenchMain.heapFor(1_000_001)).isEqualTo("2g");
    assertThat(BenchMain.heapFor(20_000_001)).isEqualTo("4g");
  }
}
