package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line ends every failure with one line on stderr and exit 2 (issue 31, part 6): an
 * out-of-memory error, any other error or exception that escapes a command, and a path or message
 * holding a line end or another control character (escaped, never printed).
 */
class CliFailureTest {
  @TempDir Path dir;

  private static String guardedErr(Runnable body, int[] code) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      code[0] = WgDiag.guarded(() -> {
        body.run();
        return 0;
      }, err);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertOneLine(String err) {
    assertThat(err).endsWith("\n");
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void outOfMemoryIsOneLineAndExitTwo() {
    int[] code = new int[1];
    String err = guardedErr(() -> {
      throw new OutOfMemoryError("Java heap space");
    }, code);
    assertThat(code[0]).isEqualTo(2);
    assertOneLine(err);
    assertThat(err).startsWith("wgdiag: out of memory").contains("MiB").contains("-Xmx");
  }

  @Test
  void anyOtherThrowableIsOneLineAndExitTwo() {
    for (Throwable t : List.of(new StackOverflowError(), new IllegalStateException("two\nlines\r\nand a\u001b[31m colour"),
        new AssertionError("bug"))) {
      int[] code = new int[1];
      String err = guardedErr(() -> {
        if (t instanceof Error e) {
          throw e;
        }
        throw (RuntimeException) t;
      }, code);
      assertThat(code[0]).as(t.toString()).isEqualTo(2);
      assertOneLine(err);
      assertThat(err).startsWith("wgdiag: internal error: " + t.getClass().getName());
    }
  }

  @Test
  void aRealOutOfMemoryInTheJvmIsOneLineAndExitTwo() throws Exception {
    // 48 MB of ping replies read into a 32 MB heap: the JVM's own OutOfMemoryError, through main()
    Path big = dir.resolve("ping.txt");
    byte[] line = "64 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=0.412 ms\n".getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (long written = 0; written < 48L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), WgDiag.class.getName(), "parse", "--tool", "ping", big.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(2);
    assertOneLine(err);
    assertThat(err).startsWith("wgdiag: out of memory");
  }

  @Test
  void aPathWithALineEndIsOneEscapedLine() throws IOException {
    CliRunner.Result missing = CliRunner.run("parse", "--tool", "ping", dir.resolve("no\nsuch.txt").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertOneLine(missing.err());
    assertThat(missing.err()).contains("no\\nsuch.txt'").contains(": no such file");

    CliRunner.Result analyze = CliRunner.run("analyze", dir.resolve("no\nbundle").toString());
    assertThat(analyze.exit()).isEqualTo(2);
    assertOneLine(analyze.err());
    assertThat(analyze.err()).contains("no\\nbundle");

    Path bad = Files.writeString(dir.resolve("bad\nname\u0007.txt"), "64 bytes from 10.60.0.10: icmp_seq=x ttl=64\n");
    CliRunner.Result parse = CliRunner.run("parse", "--tool", "ping", bad.toString());
    assertThat(parse.exit()).isEqualTo(2);
    assertOneLine(parse.err());
    assertThat(parse.err()).contains("bad\\nname\\u0007.txt':1:");
  }

  @Test
  void anUnknownOptionWithALineEndIsOneLine() {
    CliRunner.Result r = CliRunner.run("parse", "--tool\nx", "f");
    assertThat(r.exit()).isEqualTo(2);
    assertOneLine(r.err());
  }

  @Test
  void messagesAndPathsAreEscapedToOneLine() {
    assertThat(Messages.oneLine("plain: text")).isEqualTo("plain: text");
    assertThat(Messages.oneLine("a\nb\rc\td\u0000e\u2028f\u202eg")).isEqualTo("a\\nb\\rc\\td\\u0000e\\u2028f\\u202eg");
    assertThat(Messages.path("/var/tmp/ping.txt")).isEqualTo("/var/tmp/ping.txt");
    assertThat(Messages.path("my file's\n")).isEqualTo("'my file\\'s\\n'");
    assertThat(Messages.path("a\\b")).isEqualTo("'a\\\\b'");
    assertThat(Messages.path("")).isEqualTo("''");
  }
}
