package io.wgdiag.parsers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.Tool;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link ParsersFuzzTest} has one {@code @FuzzTest} per tool of the registry (its id in camel case,
 * {@code ip-route-get} as {@code ipRouteGet}), each with a seed directory that is not empty, and
 * each method hands its own tool id to {@link FuzzChecks}: a parser added to the registry without
 * a fuzz test fails here.
 */
class FuzzTestsCoverEveryToolTest {

  @Test
  void everyToolHasAFuzzTestWithSeeds() throws Exception {
    List<String> methods = new ArrayList<>();
    for (Method m : ParsersFuzzTest.class.getDeclaredMethods()) {
      if (m.isAnnotationPresent(FuzzTest.class)) {
        methods.add(m.getName());
      }
    }
    List<String> expected = ParserRegistry.standard().tools().stream().map(Tool::id).map(FuzzTestsCoverEveryToolTest::camel).toList();
    assertThat(methods).containsExactlyInAnyOrderElementsOf(expected);
    for (String m : methods) {
      Path seeds = resource("ParsersFuzzTestInputs/" + m);
      try (var files = Files.list(seeds)) {
        assertThat(files.count()).as(m).isPositive();
      }
    }
    String source = Files.readString(Path.of("src/test/java/io/wgdiag/parsers/fuzz/ParsersFuzzTest.java"));
    for (Tool t : ParserRegistry.standard().tools()) {
      assertThat(source).contains("void " + camel(t.id()) + "(byte[] data) {\n    FuzzChecks.parseAnything(\"" + t.id() + "\", data);");
    }
  }

  private static String camel(String id) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : id.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = Objects.requireNonNull(FuzzTestsCoverEveryToolTest.class.getResource(name), name);
    return Path.of(url.toURI());
  }
}
