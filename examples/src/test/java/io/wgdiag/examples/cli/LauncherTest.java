package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code examples/wgdiag} launcher: runs the jar, makes its class-data archive once, then uses it. */
class LauncherTest {

  @Test
  void runsTheJarAndReusesItsArchive(@TempDir Path cache) throws Exception {
    Path launcher = Path.of("wgdiag").toAbsolutePath();
    Path jar = Path.of("target", "wgdiag.jar").toAbsolutePath();
    assumeTrue(Files.isExecutable(launcher) && Files.isRegularFile(jar) && new File("/bin/sh").canExecute(),
        "needs /bin/sh and the packaged jar (mvn package)");
    for (int run = 1; run <= 2; run++) {
      ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true);
      pb.environment().put("XDG_CACHE_HOME", cache.toString());
      pb.environment().put("WGDIAG_JAR", jar.toString());
      Process p = pb.start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).as("run " + run).startsWith("wgdiag ");
      try (var files = Files.list(cache.resolve("wgdiag"))) {
        // one archive, and nothing else: no class list or half-written archive left behind
        assertThat(files.map(f -> f.getFileName().toString()))
            .as("cache after run " + run)
            .singleElement()
            .satisfies(name -> assertThat(name).endsWith(".jsa"));
      }
    }
  }
}
