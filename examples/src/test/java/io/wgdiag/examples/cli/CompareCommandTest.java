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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wgdiag compare} on real lab recordings: the verdict, its exit code, and JSON that follows
 * {@code docs/compare.schema.json}.
 */
class CompareCommandTest {
  @TempDir Path dir;

  /** The MTU blackhole the lab recorded (examples/samples/lab-pmtu-blackhole, see its README). */
  static final Path BLACKHOLE = Path.of("samples", "lab-pmtu-blackhole");
  /** The same lab tunnel with its path whole, at full load (wg-analysis's lab recording udp-buffer-errors). */
  static final Path WHOLE = Path.of("..", "wg-analysis", "src", "test", "resources", "lab", "udp-buffer-errors");

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
    CliRunner.Result r = CliRunner.run("compare", "--format", "json", BLACKHOLE.toString(), WHOLE.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = json(r);
    assertThat(root.get("verdict").asText()).isEqualTo("keep");
    assertThat(root.get("findings").get(0).get("status").asText()).isEqualTo("resolved");
    JsonNode df = root.get("measures").get(0);
    for (JsonNode m : root.get("measures")) {
      if (m.get("measure").asText().equals("df-largest-passing") && m.get("host").asText().equals("local")) {
        df = m;
      }
    }
    assertThat(df.get("measure").asText()).isEqualTo("df-largest-passing");
    assertThat(df.get("verdict").asText()).isEqualTo("improved");
    assertThat(df.get("before").get("value").asDouble()).isEqualTo(1220);
    assertThat(df.get("after").get("value").asDouble()).isEqualTo(1420);
  }

  @Test
  void aChangeForTheWorseIsRolledBackWithExitOne() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", "--color", "never", WHOLE.toString(), BLACKHOLE.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).startsWith("Verdict: ROLL-BACK\n").contains("new        [CRITICAL] mtu.blackhole @local");
    CliRunner.Result j = CliRunner.run("compare", "--format", "json", WHOLE.toString(), BLACKHOLE.toString());
    assertThat(json(j).get("verdict").asText()).isEqualTo("roll-back");
  }

  @Test
  void missingEvidenceIsInconclusiveWithExitThreeAndTheCommands() throws Exception {
    Path after = dir.resolve("after");
    try (Stream<Path> s = Files.walk(WHOLE)) {
      for (Path p : s.toList()) {
        Path t = after.resolve(WHOLE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.getFileName().toString().startsWith("iperf3")) {
          Files.copy(p, t);
        }
      }
    }
    CliRunner.Result r = CliRunner.run("compare", "--color", "never", WHOLE.toString(), after.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).startsWith("Verdict: INCONCLUSIVE\n").contains("$ iperf3 -c 10.60.0.10 -P 4 -t 15");
    JsonNode root = json(CliRunner.run("compare", "--format", "json", WHOLE.toString(), after.toString()));
    assertThat(root.get("verdict").asText()).isEqualTo("inconclusive");
    assertThat(root.get("collect").toString()).contains("iperf3 -c 10.60.0.10 -t 15");
  }

  @Test
  void badInputIsExitTwoWithOneLineAndNoStackTrace() throws IOException {
    CliRunner.Result r = CliRunner.run("compare", dir.resolve("nope").toString(), WHOLE.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains("nope");
    assertThat(r.out()).isEmpty();
    CliRunner.Result usage = CliRunner.run("compare", WHOLE.toString());
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err().strip()).doesNotContain("\n").contains("AFTER");
  }
}
