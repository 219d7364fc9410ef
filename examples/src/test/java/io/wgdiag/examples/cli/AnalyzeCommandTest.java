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

  /** Every lab recording's report validates against docs/report.schema.json. */
  @Test
  void everyLabRecordingPrintsJsonTheSchemaAccepts() throws Exception {
    Path lab = Path.of("..", "wg-analysis", "src", "test", "resources", "lab");
    List<Path> scenarios;
    try (java.util.stream.Stream<Path> s = Files.list(lab)) {
      scenarios = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
    Schema schema = schema();
    for (Path scenario : scenarios) {
      CliRunner.Result r = CliRunner.run("analyze", "--format", "json", scenario.toString());
      assertThat(r.exit()).as(scenario + ": " + r.err()).isIn(0, 1);
      JsonNode root = new ObjectMapper().readTree(r.out());
      assertThat(schema.validate(root)).as(scenario.toString()).isEmpty();
      assertThat(root.get("schemaVersion").asInt()).isEqualTo(2);
    }
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /**
   * A two-ended bundle before and after one load: the remote's receive buffer dropped 300 of the
   * 20 000 packets the local end sent. Text and JSON show the decomposition, the rows add up, and
   * the local retransmits sit under the remote cause.
   */
  @Test
  void aTwoEndedBundleShowsTheLossDecomposition() throws Exception {
    String lk = "y1QTrj3lJpQBr0FltdnwVAJQrq4peWW0to8Pczv6uWM=";
    String rk = "a/ajmp4ANDwdT/HGdvOplEukh2tWkrJIi2ZpIxBichk=";
    String snmp = "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\n"
        + "Tcp: 1 200 120000 -1 7 0 0 4 0 9255 %d %d 0 0 0\n"
        + "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors\n"
        + "Udp: %d 0 %d %d %d 0 0 0 0\n";
    String dump = "(hidden)\t%s\t51820\toff\n%s\t(none)\t%s:51820\t%s/32\t1795564555\t%d\t%d\t25\n";
    Path b = dir.resolve("two-ended");
    write(b.resolve("bundle.properties"), "interface=wglaba0\npeer=10.60.0.10\n");
    for (String phase : new String[] {"before", "after"}) {
      boolean after = phase.equals("after");
      write(b.resolve("local/" + phase + "/wg-show-dump.txt"), String.format(java.util.Locale.ROOT, dump, lk, rk, "198.51.100.2",
          "10.60.0.10", after ? 990_000 : 0, after ? 20_000_000 : 0));
      write(b.resolve("remote/" + phase + "/wg-show-dump.txt"), String.format(java.util.Locale.ROOT, dump, rk, lk, "192.0.2.1",
          "10.60.0.1", after ? 19_700_000 : 0, after ? 990_000 : 0));
      write(b.resolve("local/" + phase + "/proc-net-snmp.txt"), String.format(java.util.Locale.ROOT, snmp,
          after ? 20_000 : 0, after ? 450 : 0, after ? 9_900 : 0, 0, after ? 20_000 : 0, 0));
      write(b.resolve("remote/" + phase + "/proc-net-snmp.txt"), String.format(java.util.Locale.ROOT, snmp,
          0, 0, after ? 19_700 : 0, after ? 300 : 0, after ? 9_900 : 0, after ? 300 : 0));
    }
    CliRunner.Result text = CliRunner.run("analyze", b.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("1. [WARNING] UDP receive buffer errors")
        .contains("Loss between the ends, by drop site")
        .contains("local → remote, before → after: sent 20000000 B, received 19700000 B, gap 300000 B = 300 packets")
        .contains("Udp InErrors (RcvbufErrors 300)")
        .contains("nothing is left to blame on the path")
        .contains("tcp.retransmits @local");
    CliRunner.Result json = CliRunner.run("analyze", "--format", "json", b.toString());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(schema().validate(root)).isEmpty();
    JsonNode a = root.get("lossAttributions").get(0);
    assertThat(a.get("direction").asText()).isEqualTo("local-to-remote");
    assertThat(a.get("gapPackets").asLong()).isEqualTo(300);
    long sum = a.get("residualPackets").asLong();
    for (JsonNode site : a.get("sites")) {
      sum += site.get("attributedPackets").asLong();
    }
    assertThat(sum).isEqualTo(a.get("gapPackets").asLong());
    assertThat(root.get("findings").get(0).get("absorbed").get(0).get("reason").asText()).contains("local → remote");
    assertThat(root.get("ruledOut")).isNotEmpty();
  }
}
