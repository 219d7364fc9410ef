package io.wgdiag.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.Report;
import io.wgdiag.examples.custom.TunnelMtuPolicyAnalyzer;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding examples, run the way a user's own test suite would: feed recorded output, run the
 * analysis, assert on the findings.
 */
class EmbeddingExamplesTest {
  @TempDir Path dir;

  /** Recorded {@code ip link show} output of a tunnel whose MTU someone lowered too far. */
  private static final String RECORDED = """
      admin@gw-1:~$ ip link show wg0
      7: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1200 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
          link/none
      """;

  @Test
  void aCustomAnalyzerPlugsInThroughServiceLoader() throws Exception {
    Case kase = Case.builder().local(Phase.UNNAMED, TranscriptParser.standard().parse(RECORDED, true), "gw-1.txt").build();
    Report report = Analysis.standard().run(kase);
    assertThat(report.analyzers()).contains("example.tunnel-mtu-policy");
    Finding f = report.withCode(TunnelMtuPolicyAnalyzer.CODE).get(0);
    assertThat(f.title()).isEqualTo("wg0 MTU 1200 is below IPv6's minimum of 1280 bytes");
    assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.source()).isEqualTo("gw-1.txt:2"));
    assertThat(f.actions().get(0).rollback()).containsExactly("ip link set dev wg0 mtu 1200");
  }

  @Test
  void aNearMissDoesNotFire() throws Exception {
    Case kase = Case.builder()
        .local(Phase.UNNAMED, TranscriptParser.standard().parse(RECORDED.replace("mtu 1200", "mtu 1280"), true), "gw-1.txt")
        .build();
    assertThat(Analysis.standard().run(kase).has(TunnelMtuPolicyAnalyzer.CODE)).isFalse();
  }

  @Test
  void parseAndAnalyzeAndReportToJsonRun() throws Exception {
    Path f = dir.resolve("gw-1.txt");
    Files.writeString(f, RECORDED);
    String text = capture(() -> ParseAndAnalyze.main(new String[] {f.toString()}));
    assertThat(text).contains("WARNING  " + TunnelMtuPolicyAnalyzer.CODE).contains("gw-1.txt:2: wg0 mtu 1200 bytes");
    String json = capture(() -> ReportToJson.main(new String[] {f.toString()}));
    assertThat(json).startsWith("{\"schemaVersion\":2,").contains("\"code\":\"" + TunnelMtuPolicyAnalyzer.CODE + "\"");
  }

  interface Body {
    void run() throws Exception;
  }

  private static String capture(Body body) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
