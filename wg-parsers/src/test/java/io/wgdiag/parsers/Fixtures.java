package io.wgdiag.parsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixtures on the test classpath. Every fixture is a real recorded output, copied into
 * {@code src/test/resources} with its source named in the {@code SOURCES.md} beside it.
 *
 * <p>Layout: {@code fixtures/<tool-id>/*.txt} (and {@code *.json}) must each parse strictly with
 * the parser of {@code <tool-id>}, with no unknown line ({@link FixtureCorpusTest} checks all of
 * them); {@code seed/*.txt} are the field guide's transcripts.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The text of a classpath resource, e.g. {@code fixtures/ping/centos-ping-ip-dup.txt}. */
  public static String read(String resource) {
    try {
      return Files.readString(path(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of a classpath resource (tests run from target/test-classes). */
  public static Path path(String resource) {
    URL url = Fixtures.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * A tool's recorded text fixtures ({@code fixtures/<tool-id>/*.txt}, not its JSON documents),
   * sorted; none for a tool without recorded output of its own.
   */
  public static List<Path> textFiles(String toolId) {
    if (Fixtures.class.getClassLoader().getResource("fixtures/" + toolId) == null) {
      return List.of();
    }
    return files("fixtures/" + toolId).stream().filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
  }

  /** The fixture files (not SOURCES.md) under a resource directory, sorted. */
  public static List<Path> files(String directory) {
    try (Stream<Path> s = Files.walk(path(directory))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
