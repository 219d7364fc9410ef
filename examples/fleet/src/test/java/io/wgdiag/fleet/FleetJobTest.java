package io.wgdiag.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet job in local mode on a synthetic fleet of 300 captures made from the lab's recordings,
 * plus a directory bundle, a transcript and broken captures.
 */
class FleetJobTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static FleetJob.Tables tables;
  static List<SyntheticFleet.Member> members;
  static Path lab;

  static final int COUNT = 300;

  @BeforeAll
  static void runJob() throws Exception {
    lab = Path.of(System.getProperty("wgdiag.lab", "../../wg-analysis/src/test/resources/lab"));
    Path fleet = dir.resolve("fleet");
    members = SyntheticFleet.generate(lab, fleet, COUNT, 7L);
    // captures that cannot be read: a truncated archive, a binary "transcript"
    Files.write(fleet.resolve("broken.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    Files.write(fleet.resolve("binary.txt"), new byte[] {1, 2, 0, 3});
    // a bundle directory and a transcript, as directories and single files are read too
    Path bundle = dir.resolve("dirs/pmtu");
    copy(lab.resolve("pmtu-blackhole"), bundle);
    Files.writeString(dir.resolve("dirs/incident.txt"), "$ sysctl net.core.rmem_max\nnet.core.rmem_max = 212992\n");
    spark = SparkSession.builder().config(new SparkConf().setMaster("local[2]").setAppName("fleet-test")
        .set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "4")
        .set("spark.sql.warehouse.dir", dir.resolve("warehouse").toUri().toString())).getOrCreate();
    FleetJob.Options o = FleetJob.Options.parse(new String[] {
        "--input", fleet + "/*," + dir.resolve("dirs") + "/*," + dir.resolve("nothing-here") + "/*",
        "--output", dir.resolve("out").toString(), "--min-support", "30"});
    tables = FleetJob.run(spark, o);
    FleetJob.write(tables, o);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static String top(String scenario) throws IOException {
    Properties p = new Properties();
    p.load(Files.newBufferedReader(lab.resolve(scenario).resolve("expected.properties"), StandardCharsets.UTF_8));
    return p.getProperty("top");
  }

  @Test
  void everyCaptureHasARowAndTheUnreadableOnesSayWhy() {
    List<Row> captures = tables.captures().collectAsList();
    assertThat(captures).hasSize(COUNT + 5);
    Map<String, String> errors = new TreeMap<>();
    for (Row r : captures) {
      if ("error".equals(r.getAs("status"))) {
        errors.put(Path.of(((String) r.getAs("capture")).replace("file:", "")).getFileName().toString(), r.getAs("error"));
      }
    }
    assertThat(errors).containsOnlyKeys("broken.tar.gz", "binary.txt", "*");
    assertThat(errors.get("binary.txt")).contains("binary data (a NUL byte at offset 2)");
    assertThat(errors.get("broken.tar.gz")).contains("broken.tar.gz");
    assertThat(errors.get("*")).contains("nothing-here/*: no capture matches");
    Row pmtu = captures.stream().filter(r -> ((String) r.getAs("capture")).endsWith("dirs/pmtu")).findFirst().orElseThrow();
    assertThat((String) pmtu.getAs("kind")).isEqualTo("blobs");
    assertThat(pmtu.<Object>getList(pmtu.fieldIndex("codes"))).contains("mtu.blackhole");
    // the report's ruled-out checks, one list per capture (empty until the analyzers record some)
    assertThat(captures).allSatisfy(r -> assertThat(r.getList(r.fieldIndex("ruled_out"))).isNotNull());
    Row transcript = captures.stream().filter(r -> ((String) r.getAs("capture")).endsWith("incident.txt")).findFirst().orElseThrow();
    assertThat((String) transcript.getAs("status")).isEqualTo("ok");
    assertThat((String) transcript.getAs("kind")).isEqualTo("transcript");
  }

  @Test
  void findingsCarryTheCapturesLabelsAndTheirScenariosTopCode() throws IOException {
    Map<String, Row> firstByHost = new TreeMap<>();
    for (Row r : tables.findings().filter("rank = 1").collectAsList()) {
      String host = r.getAs("host");
      if (host != null) {
        firstByHost.put(host, r);
      }
    }
    int checked = 0;
    for (SyntheticFleet.Member m : members) {
      String expected = top(m.scenario());
      Row r = firstByHost.get(m.name());
      if (expected.equals("none")) {
        // a healthy control: nothing at warning or above, so its first finding (if any) is info
        if (r != null) {
          assertThat((String) r.getAs("severity")).as(m.name() + " copies " + m.scenario()).isEqualTo("info");
        }
      } else {
        assertThat(r).as(m.name() + " copies " + m.scenario() + ": its first finding").isNotNull();
        assertThat((String) Objects.requireNonNull(r).getAs("code")).as(m.name() + " copies " + m.scenario()).isEqualTo(expected);
      }
      if (r != null) {
        scala.collection.Map<String, String> labels = r.getAs("labels");
        assertThat(labels.get("isp").get()).isEqualTo(m.labels().get("isp"));
        assertThat((String) r.getAs("time")).isEqualTo(m.labels().get("time"));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(COUNT);
  }

  @Test
  void thePlantedPatternsComeOutOnTopAndNoUnplantedLabelIsSignificant() throws IOException {
    List<Row> patterns = tables.patterns().collectAsList();
    List<String> significant = new ArrayList<>();
    for (Row r : patterns) {
      if (r.<Boolean>getAs("significant")) {
        significant.add(r.getAs("code") + "@" + r.getAs("label") + "=" + r.getAs("value"));
      }
    }
    Set<String> planted = new HashSet<>();
    Set<String> plantedValues = new HashSet<>();
    for (SyntheticFleet.Plant p : SyntheticFleet.PLAN) {
      planted.add(top(p.scenario()) + "@" + p.name() + "=" + p.value());
      plantedValues.add(p.name() + "=" + p.value());
    }
    // the planted patterns lead the table, in any order among themselves
    assertThat(significant.subList(0, Math.min(planted.size(), significant.size()))).as("top of %s", significant)
        .containsExactlyInAnyOrderElementsOf(planted);
    // a significant pattern is always on a planted label value (the scenario's other codes may come with it)
    for (String s : significant) {
      assertThat(plantedValues).as(s).contains(s.substring(s.indexOf('@') + 1));
    }
    String lossCode = top("underlay-loss");
    Row loss = patterns.stream().filter(r -> r.getAs("code").equals(lossCode) && r.getAs("value").equals("globex"))
        .findFirst().orElseThrow();
    double rate = loss.getAs("rate");
    assertThat(rate).isBetween(0.45, 0.75);
    assertThat((double) loss.getAs("ci_low")).isLessThan(rate);
    assertThat((double) loss.getAs("ci_high")).isGreaterThan(rate);
    assertThat((double) loss.getAs("lift")).isGreaterThan(2.5);
  }

  @Test
  void overTimeCountsEachDayAndTheTablesAreWrittenInBothFormats() {
    long perDay = tables.overTime().filter("label = '*' AND code = 'underlay.loss'")
        .agg(org.apache.spark.sql.functions.sum("captures")).first().getLong(0);
    long lossCaptures = members.stream().filter(m -> m.scenario().equals("underlay-loss")).count();
    assertThat(perDay).isEqualTo(lossCaptures);
    for (String t : List.of("findings", "captures", "patterns", "over_time")) {
      assertThat(spark.read().parquet(dir.resolve("out/parquet/" + t).toString()).count()).as(t).isPositive();
      assertThat(spark.read().json(dir.resolve("out/json/" + t).toString()).count()).as(t).isPositive();
    }
  }
}
