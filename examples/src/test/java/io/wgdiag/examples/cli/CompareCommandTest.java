package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wgdiag compare} on the lab's recorded before/after pairs (wg-analysis's test resources
 * {@code lab-pairs/}, see their SOURCES.md): the verdict, its exit code, and JSON that follows
 * {@code docs/compare.schema.json}.
 */
class CompareCommandTest {
  @TempDir Path dir;

  static final Path PAIRS = Path.of("..", "wg-analysis", "src", "test", "resources", "lab-pairs");
  /** A path MTU blackhole: the router's link has MTU 1300 and drops the ICMP that would say so. */
  static final Path BLACKHOLE = PAIRS.resolve("mtu-fix/before");
  /** The same tunnel with both tunnel MTUs lowered to 1240. */
  static final Path FIXED = PAIRS.resolve("mtu-fix/after");

  private static Schema schema() throws Exception {
    Path p = Path.of("..", "docs", "compare.schema.json");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(p));
  }

  private static JsonNode json(CliRunner.Result r) throws Exception {
    JsonNode root = new ObjectMapper().readTree(r.out());
    List<Error> problems = schema().validate(root);
    assertThat(problems).as("schema: " + problems).isEmpty();
    return root;
  }

  @Test
  void aFixThatHelpedIsKeptWithExitZero() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", "--format", "json", BLACKHOLE.toString(), FIXED.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = json(r);
    assertThat(root.get("verdict").asText()).isEqualTo("keep");
    assertThat(root.get("findings").get(0).get("status").asText()).isEqualTo("resolved");
    JsonNode single = root.get("measures").get(0);
    assertThat(single.get("measure").asText()).isEqualTo("single-flow-throughput");
    assertThat(single.get("verdict").asText()).isEqualTo("improved");
    assertThat(single.get("before").get("value").asDouble()).isZero();
    assertThat(single.get("after").get("value").asDouble()).isGreaterThan(50e6);
    assertThat(single.get("change").asDouble()).isGreaterThan(single.get("tolerance").asDouble());
    int ladders = 0;
    for (JsonNode m : root.get("measures")) {
      if (m.get("measure").asText().equals("df-largest-passing") && m.get("host").asText().equals("local")) {
        ladders++;
        assertThat(m.get("before").get("value").asDouble()).isEqualTo(1220); // 1220-byte DF pings passed ...
        assertThat(m.get("before").get("failedAbove").asDouble()).isEqualTo(1280); // ... 1280 vanished
      }
    }
    assertThat(ladders).isEqualTo(1);
  }

  @Test
  void aChangeForTheWorseIsRolledBackWithExitOne() throws Exception {
    Path before = PAIRS.resolve("shaper-worse/before");
    Path after = PAIRS.resolve("shaper-worse/after");
    CliRunner.Result r = CliRunner.run("compare", "--color", "never", before.toString(), after.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).startsWith("Verdict: ROLL-BACK\n  worse: iperf3 single flow (local)");
    CliRunner.Result j = CliRunner.run("compare", "--format", "json", before.toString(), after.toString());
    assertThat(json(j).get("verdict").asText()).isEqualTo("roll-back");
  }

  @Test
  void aChangeThatDoesNothingIsRolledBackToo() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", "--format", "json", PAIRS.resolve("txqueuelen-noop/before").toString(),
        PAIRS.resolve("txqueuelen-noop/after").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(json(r).get("reason").asText()).startsWith("nothing improved beyond the noise");
  }

  @Test
  void missingEvidenceIsInconclusiveWithExitThreeAndTheCommands() throws Exception {
    Path before = PAIRS.resolve("after-without-load/before");
    Path after = PAIRS.resolve("after-without-load/after");
    CliRunner.Result r = CliRunner.run("compare", "--color", "never", before.toString(), after.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).startsWith("Verdict: INCONCLUSIVE\n").contains("$ iperf3 -c 10.60.0.10 -P 4 -t 15");
    JsonNode root = json(CliRunner.run("compare", "--format", "json", before.toString(), after.toString()));
    assertThat(root.get("verdict").asText()).isEqualTo("inconclusive");
    assertThat(root.get("collect").toString()).contains("iperf3 -c 10.60.0.10 -t 15");
  }

  @Test
  void badInputIsExitTwoWithOneLineAndNoStackTrace() throws IOException {
    CliRunner.Result r = CliRunner.run("compare", dir.resolve("nope").toString(), FIXED.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains("nope");
    assertThat(r.out()).isEmpty();
    CliRunner.Result usage = CliRunner.run("compare", FIXED.toString());
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err().strip()).doesNotContain("\n").contains("AFTER");
  }
}
