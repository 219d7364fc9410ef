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
    String modelFloor = ParserBenchmark.class.getName() + ".floorModelAllocation";
    List<String> all = List.of(parse, baseline, floor, modelFloor, analysis);
    assertThat(all).filteredOn(n -> runs.test(false, n)).containsExactly(parse, baseline);
    assertThat(all).filteredOn(n -> runs.test(true, n)).containsExactly(parse, baseline, floor, modelFloor);
  }

  @Test
  void forksAreAWholeNumberFromOneToTwenty() {
    assertThat(BenchMain.forks("1")).isEqualTo(1);
    assertThat(BenchMain.forks("3")).isEqualTo(3);
    assertThat(BenchMain.forks("20")).isEqualTo(20);
    assertThat(BenchMain.forks("07")).isEqualTo(7);
    for (String bad : List.of("0", "21", "99", "-1", "+2", "2.5", "", " 3", "three", "100", "\u0663")) {
      assertThat(BenchMain.forks(bad)).as("'%s'", bad).isEqualTo(-1);
    }
  }

  @Test
  void theHeapGrowsWithTheInput() {
    assertThat(BenchMain.heapFor(1_000_000)).isEqualTo("1g");
    assertThat(BenchMain.heapFor(1_000_001)).isEqualTo("2g");
    assertThat(BenchMain.heapFor(20_000_001)).isEqualTo("4g");
  }

  private static BenchMain.Measured row(String input, double parseMbs, double baselineMbs, double allocPerByte) {
    return new BenchMain.Measured(input, 1000, parseMbs, 1.0, baselineMbs, Double.NaN, Double.NaN, allocPerByte);
  }

  @Test
  void theTargetsCountEachInputAndNameTheSmallerSide() {
    List<BenchMain.Measured> rows = List.of(
        row("a/real", 300, 1000, 3.0),
        row("b/real", 250, 1000, 4.0), // exactly on both targets: met
        row("c/real", 100, 1000, 10.5),
        row("d/1e5", 50, 1000, 2.0));
    String t = BenchMain.targets(rows, 62.7);
    assertThat(t).contains("- parse at least 25% of its baseline's MB/s: met by 2 of 4 inputs; met by a/real (0.300), b/real (0.250)\n");
    assertThat(t).contains("- at most 4 bytes allocated per input byte: met by 3 of 4 inputs; not met by c/real (10.50)\n");
    assertThat(t).contains("- a full-case analysis under 1 ms at realistic size: 62.7 µs, met\n");
    assertThat(BenchMain.targets(rows, 1500)).contains("1500.0 µs, not met");
    assertThat(BenchMain.targets(rows, Double.NaN)).doesNotContain("analysis");
    assertThat(t).as("no floor ran").doesNotContain("out of reach");
  }

  @Test
  void theFloorsNameTheInputsWhereTheFirstTargetIsOutOfReach() {
    List<BenchMain.Measured> rows = List.of(
        new BenchMain.Measured("scan/1e5", 1000, 100, 1, 1000, 240, 900, 3.0), // the scan floor is under 25%
        new BenchMain.Measured("model/1e5", 1000, 100, 1, 1000, 900, 249, 3.0), // the model floor is
        new BenchMain.Measured("both/real", 1000, 100, 1, 1000, 250, 250, 3.0)); // both on the mark: in reach
    String t = BenchMain.targets(rows, Double.NaN);
    assertThat(t).contains("  - out of reach on 2 of 3 inputs, where a floor itself reads under 25% of the baseline: "
        + "scan/1e5 (scan 0.240, model 0.900), model/1e5 (scan 0.900, model 0.249)\n");
    String table = BenchMain.table(rows, false, 1);
    assertThat(table.lines().filter(l -> l.startsWith("| model/1e5 |")).findFirst().orElseThrow())
        .contains("| 249.0 | 0.25 |");
  }

  @Test
  void theModeLineSaysHowManyForksEachFigureAverages() {
    List<BenchMain.Measured> rows = List.of(row("a/real", 900, 1000, 1.0));
    assertThat(BenchMain.table(rows, false, 1)).contains("\nMode: quick, one fork, JDK ");
    assertThat(BenchMain.table(rows, true, 3)).contains("\nMode: full, 3 forks, their mean, JDK ");
  }

  @Test
  void aTargetEveryInputMeetsSaysSo() {
    List<BenchMain.Measured> rows = List.of(row("a/real", 900, 1000, 1.0), row("b/real", 400, 1000, 3.9));
    assertThat(BenchMain.targets(rows, Double.NaN))
        .isEqualTo("Targets in this run:\n"
            + "- parse at least 25% of its baseline's MB/s: met by all 2 inputs\n"
            + "- at most 4 bytes allocated per input byte: met by all 2 inputs\n");
  }

  @Test
  void noInputMeetingATargetListsThemAll() {
    List<BenchMain.Measured> rows = List.of(row("a/real", 10, 1000, 5.0), row("b/real", 20, 1000, 6.0));
    assertThat(BenchMain.targets(rows, Double.NaN))
        .contains("met by 0 of 2 inputs; not met by a/real (0.010), b/real (0.020)")
        .contains("met by 0 of 2 inputs; not met by a/real (5.00), b/real (6.00)");
  }
}
