package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.MoreCollectors;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code examples/wgdiag} launcher: runs the jar, makes its class-data archive once, then uses
 * it. An integration test (failsafe, after {@code package}): it needs {@code target/wgdiag.jar}.
 */
class LauncherIT {
  private final Path launcher = Path.of("wgdiag").toAbsolutePath();
  private final Path jar = Path.of("target", "wgdiag.jar").toAbsolutePath();

  @BeforeEach
  void launcherAndJar() {
    assumeTrue(new File("/bin/sh").canExecute(), "needs /bin/sh");
    assertThat(launcher).isExecutable();
    assertThat(jar).isRegularFile();
  }

  @Test
  void runsTheJarAndReusesItsArchive(@TempDir Path cache) throws Exception {
    for (int run = 1; run <= 2; run++) {
      String out = run(cache, "", "--version");
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

  /** An archive older than its jar (a new build) is made again, in place of the old one. */
  @Test
  void anArchiveOlderThanItsJarIsMadeAgain(@TempDir Path cache, @TempDir Path build) throws Exception {
    Path copy = Files.copy(jar, build.resolve("wgdiag.jar"));
    run(cache, copy, "", "--version");
    Path archive;
    try (var files = Files.list(cache.resolve("wgdiag"))) {
      archive = files.collect(MoreCollectors.onlyElement());
    }
    FileTime jarTime = Files.getLastModifiedTime(copy);
    Files.setLastModifiedTime(archive, FileTime.fromMillis(jarTime.toMillis() - 60_000));
    assertThat(run(cache, copy, "", "--version")).startsWith("wgdiag ");
    assertThat(Files.getLastModifiedTime(archive)).as("the archive, made again").isGreaterThan(jarTime);
    try (var files = Files.list(cache.resolve("wgdiag"))) {
      assertThat(files).containsExactly(archive);
    }
  }

  /**
   * The archive holds the parsers' and the analysis' classes even when the first command loaded
   * none of them: the launcher adds a training run's classes to the first command's.
   */
  @Test
  void archiveMadeAfterVersionServesAnAnalysis(@TempDir Path cache) throws Exception {
    run(cache, "", "--version");
    Path log = cache.resolve("classes.log");
    String out = run(cache, "-Xlog:class+load=info:file=" + log,
        "analyze", Path.of("samples", "lab-pmtu-blackhole").toAbsolutePath().toString());
    assertThat(out).contains("MTU");
    List<String> ours = parsersAndAnalysis(log);
    // read from the archive, not from the jar (lambda proxies are made at run time either way)
    assertThat(ours).filteredOn(l -> l.contains("source: shared objects file"))
        .as("classes of the parsers and the analysis read from the archive").hasSizeGreaterThan(200);
    assertThat(ours).filteredOn(l -> l.contains("source: file:")).as("classes read from the jar").isEmpty();
  }

  /**
   * On a JDK 25 or later the launcher uses an AOT cache instead (JEP 483/514/515), made once by the
   * training run and then read: the analysis' classes come from it, not from the jar.
   */
  @Test
  void onJdk25TheAnalysisReadsItsClassesFromTheAotCache(@TempDir Path cache) throws Exception {
    Optional<Path> java25 = jdk25();
    assumeTrue(java25.isPresent(), "needs a JDK 25 under /usr/lib/jvm");
    String java = java25.get().resolve("bin/java").toString();
    runWith(cache, jar, java, "", "--version");
    try (var files = Files.list(cache.resolve("wgdiag"))) {
      assertThat(files.map(f -> f.getFileName().toString())).singleElement()
          .satisfies(name -> assertThat(name).endsWith(".aot"));
    }
    Path log = cache.resolve("classes.log");
    String out = runWith(cache, jar, java, "-XX:AOTMode=on -Xlog:class+load=info:file=" + log,
        "analyze", Path.of("samples", "lab-pmtu-blackhole").toAbsolutePath().toString());
    assertThat(out).contains("MTU");
    List<String> ours = parsersAndAnalysis(log);
    assertThat(ours).filteredOn(l -> l.contains("source: shared objects file"))
        .as("classes of the parsers and the analysis read from the AOT cache").hasSizeGreaterThan(200);
    assertThat(ours).filteredOn(l -> l.contains("source: file:")).as("classes read from the jar").isEmpty();
  }

  /** The class-load log's lines for the parsers' and the analysis' classes. */
  private static List<String> parsersAndAnalysis(Path log) throws Exception {
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains(" io.wgdiag.parsers.") || l.contains(" io.wgdiag.analysis."))
        .collect(Collectors.toList());
  }

  private static Optional<Path> jdk25() throws Exception {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (var dirs = Files.list(jvms)) {
      for (Path d : dirs.sorted().collect(Collectors.toList())) {
        Path release = d.resolve("release");
        if (Files.isExecutable(d.resolve("bin/java")) && Files.isRegularFile(release)
            && Files.readAllLines(release).stream().anyMatch(l -> l.matches("JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*"))) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  private String run(Path cache, String javaOpts, String... args) throws Exception {
    return run(cache, jar, javaOpts, args);
  }

  /** Runs the launcher with the java running this test (the class-data archive's path). */
  private String run(Path cache, Path jar, String javaOpts, String... args) throws Exception {
    return runWith(cache, jar, Path.of(System.getProperty("java.home"), "bin", "java").toString(), javaOpts, args);
  }

  private String runWith(Path cache, Path jar, String java, String javaOpts, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("WGDIAG_JAR", jar.toString());
    pb.environment().put("WGDIAG_JAVA", java);
    pb.environment().put("WGDIAG_JAVA_OPTS", javaOpts);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isIn(0, 1);
    return out;
  }
}
