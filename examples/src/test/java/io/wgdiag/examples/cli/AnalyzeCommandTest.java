package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir Path dir;

  private static Path resource(String name) throws Exception {
    return Path.of(AnalyzeCommandTest.class.getClassLoader().getResource("evidence/" + name).toURI());
  }

  private static String netstatOutput() throws Exception {
    String t = Files.readString(resource("netstat-su-transcript.txt"));
    return t.substring(t.indexOf('\n') + 1); // without the prompt line
  }

  private static Schema schema() throws Exception {
    Path p = Path.of("..", "docs", "report.schema.json");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(p));
  }

  private String topCode(Path input) throws Exception {
    CliRunner.Result r = CliRunner.run("analyze", "--format", "json", input.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    List<Error> problems = schema().validate(root);
    assertThat(problems).as("schema: " + problems).isEmpty();
    return root.get("findings").get(0).get("code").asText();
  }

  @Test
  void theSameEvidenceGivesTheSameTopFindingInEveryForm() throws Exception {
    // transcript form
    String fromTranscript = topCode(resource("netstat-su-transcript.txt"));
    assertThat(fromTranscript).isEqualTo("udp.buffer-errors");
    // bundle form: raw output named after its tool
    Path bundle = dir.resolve("bundle");
    Files.createDirectories(bundle.resolve("local"));
    Files.writeString(bundle.resolve("local/netstat-stats.txt"), netstatOutput());
    Files.writeString(bundle.resolve("bundle.properties"), "interface=wg0\nlabel=cli test\n");
    assertThat(topCode(bundle)).isEqualTo(fromTranscript);
    // .tar.gz form, written by the system's tar
    Path tgz = dir.resolve("bundle.tar.gz");
    Process p = new ProcessBuilder(List.of("tar", "-C", dir.toString(), "-czf", tgz.toString(), "bundle")).start();
    assertThat(p.waitFor()).isZero();
    assertThat(topCode(tgz)).isEqualTo(fromTranscript);
    // sosreport form
    Path sos = dir.resolve("sosreport-gw-2026");
    Files.createDirectories(sos.resolve("sos_commands/networking"));
    Files.writeString(sos.resolve("sos_commands/networking/netstat_-s"), netstatOutput());
    assertThat(topCode(sos)).isEqualTo(fromTranscript);
  }

  @Test
  void textOutputShowsEvidenceFixesAndWhatWasNotAssessed() throws Exception {
    CliRunner.Result r = CliRunner.run("analyze", resource("story-cloud-mtu-blackhole.txt").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("1. [CRITICAL] Path MTU blackhole: 1400-byte DF packets vanish silently, 1320-byte ones pass (tunnel MTU 1420)")
        .contains("apply:    $ ip link set dev wg0 mtu 1300")
        .contains("rollback: $ ip link set dev wg0 mtu 1420")
        .contains("story-cloud-mtu-blackhole.txt:19: DF ping 1372(1400) bytes: 0/3 answered, no error reported (silent)")
        .contains("Not assessed")
        .doesNotContain("\u001b["); // no colour when not on a terminal
  }

  @Test
  void failOnSetsTheExitCode() throws Exception {
    String story = resource("story-cloud-mtu-blackhole.txt").toString();
    assertThat(CliRunner.run("analyze", "--fail-on", "critical", story).exit()).isEqualTo(1);
    assertThat(CliRunner.run("analyze", "--fail-on", "warning", resource("netstat-su-transcript.txt").toString()).exit()).isEqualTo(1);
    assertThat(CliRunner.run("analyze", "--fail-on", "critical", resource("netstat-su-transcript.txt").toString()).exit()).isZero();
    CliRunner.Result bad = CliRunner.run("analyze", "--fail-on", "sometimes", story);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
  }

  @Test
  void unusableInputsExitTwoWithOneLine() throws Exception {
    Path bin = dir.resolve("capture.pcap");
    Files.write(bin, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
    Path truncated = dir.resolve("cut.tar.gz");
    Files.write(truncated, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
    Path unreadable = dir.resolve("secret.txt");
    Files.writeString(unreadable, "x", StandardCharsets.UTF_8);
    unreadable.toFile().setReadable(false, false);
    for (Path p : new Path[] {dir.resolve("missing"), bin, truncated}) {
      CliRunner.Result r = CliRunner.run("analyze", p.toString());
      assertThat(r.exit()).as(p.toString()).isEqualTo(2);
      assertThat(r.err().lines()).as(p.toString()).hasSize(1);
      assertThat(r.err()).doesNotContain("Exception");
    }
  }

  /** The sample capture as a page: one self-contained file, its charts drawn, under 200 KB. */
  @Test
  void htmlGoesToTheFileOutNamesAndHoldsTheCharts() throws Exception {
    Path sample = Path.of("samples", "lab-pmtu-blackhole");
    Path page = dir.resolve("report.html");
    CliRunner.Result r = CliRunner.run("analyze", "--format", "html", "--out", page.toString(), sample.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"")
        .contains("id=\"chart-df-ladder-local\"", "id=\"chart-transfer\"", "Path MTU blackhole").doesNotContain("<script");
    assertThat(Files.size(page)).as("bytes").isLessThan(200 * 1024);
    // without --out the page goes to standard output, the same page
    CliRunner.Result stdout = CliRunner.run("analyze", "--format", "html", sample.toString());
    assertThat(stdout.exit()).isZero();
    assertThat(stdout.out()).isEqualTo(html);
  }

  @Test
  void aFileThatCannotBeWrittenIsOneLineAndExitTwo() throws Exception {
    Path sample = Path.of("samples", "lab-pmtu-blackhole");
    CliRunner.Result r = CliRunner.run("analyze", "--format", "html", "--out", dir.resolve("no/such/dir/r.html").toString(),
        sample.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("wgdiag: cannot write ").doesNotContain("\n").doesNotContain("Exception");
  }
}
