package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.model.wireguard.WgShow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wgdiag collect} on a real wireguard-go tunnel between network namespaces ({@code lab/lab.sh
 * up}): the bundle it writes reads with no unknown line and holds no key material. Runs whenever
 * the machine allows it (root, namespaces, the lab packages); skips with the reason otherwise.
 */
@Tag("lab")
class CollectOnRealTunnelTest {
  @TempDir Path dir;

  private static String run(List<String> cmd, int seconds) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timeout";
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + "\nexit=" + p.exitValue();
  }

  @Test
  void collectWritesABundleThatAnalyzeReadsCompletely() throws Exception {
    Path lab = Path.of("..", "lab", "lab.sh").toAbsolutePath().normalize();
    String up = run(List.of("bash", lab.toString(), "up"), 60);
    assumeTrue(up.contains("lab: up:"), "lab not available here: " + up.strip());
    try {
      Path out = dir.resolve("bundle");
      List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", "wgdlab-a",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
          "io.wgdiag.examples.cli.WgDiag", "collect", "--interface", "wglaba0", "--peer", "10.60.0.10",
          "--underlay", "198.51.100.2", "--iperf", "10.60.0.10", "--duration", "3", "--out", out.toString()));
      String result = run(cmd, 150);
      assertThat(result).contains("exit=0");
      LoadedEvidence e = EvidenceReader.standard().read(out);
      assertThat(e.unread()).as("unread lines").isEmpty();
      assertThat(e.kase().local().facts(WgShow.class)).isNotEmpty();
      assertThat(e.kase().tunnelInterface()).hasValue("wglaba0");
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(x -> x.getFileName().toString().startsWith("wg-show-dump")).toList()) {
          for (String line : Files.readString(f).split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length == 4) {
              assertThat(cols[0]).as(f + ": the private key field").isIn("(hidden)", "(none)");
            }
            if (cols.length == 8) {
              assertThat(cols[1]).as(f + ": the preshared key field").isIn("(hidden)", "(none)");
            }
          }
        }
      }
    } finally {
      run(List.of("bash", lab.toString(), "down"), 60);
    }
  }
}
