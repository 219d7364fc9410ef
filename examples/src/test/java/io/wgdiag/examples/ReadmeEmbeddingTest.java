package io.wgdiag.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.examples.custom.TunnelMtuPolicyAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example, compiled with javac against the library jars and run on a
 * recorded transcript, so the snippet a user copies always compiles and works.
 */
class ReadmeEmbeddingTest {
  private static final String HEADING = "## Use it as a library";

  @TempDir Path dir;

  /** The first java code block after {@link #HEADING} in the project's README. */
  static String readmeExample() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int at = readme.indexOf(HEADING);
    assertThat(at).as("README has the heading '%s'", HEADING).isNotNegative();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(m.find(at)).as("a ```java block under '%s'", HEADING).isTrue();
    return m.group(1);
  }

  @Test
  void theReadmeExampleIsTenLinesCompilesAndDiagnoses() throws Exception {
    String code = readmeExample();
    assertThat(code.lines().filter(l -> !l.isBlank()).count()).as("non-blank lines").isLessThanOrEqualTo(12);
    Path src = dir.resolve("Diagnose.java");
    Files.writeString(src, code);
    Path out = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, "-proc:none", "-d", out.toString(),
        "-cp", System.getProperty("java.class.path"), src.toString());
    assertThat(rc).as("javac on the README example:%n%s", errors.toString(StandardCharsets.UTF_8)).isZero();

    Path transcript = dir.resolve("gw-1.txt");
    Files.writeString(transcript, """
        admin@gw-1:~$ ip link show wg0
        7: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1200 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
            link/none
        """);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass("Diagnose").getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {transcript.toString()});
    } finally {
      System.setOut(saved);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("WARNING " + TunnelMtuPolicyAnalyzer.CODE + ": wg0 MTU 1200 is below IPv6's minimum of 1280 bytes");
  }
}
