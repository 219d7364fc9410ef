package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under {@code fixtures/<tool-id>/} parses strictly with its tool's parser, with no
 * unknown line; lenient mode gives the same model and no diagnostic; the streaming {@code Reader}
 * path gives the same model as the in-memory path.
 */
class FixtureCorpusTest {

  @TestFactory
  Stream<DynamicTest> everyFixtureParsesStrictlyAndAgrees() throws IOException {
    Path root = Fixtures.path("fixtures");
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).isNotEmpty();
    return dirs.stream()
        .flatMap(
            dir -> {
              String tool = dir.getFileName().toString();
              Parser<?> parser = ParserRegistry.standard().parser(tool);
              return Fixtures.files("fixtures/" + tool).stream()
                  .map(
                      f ->
                          DynamicTest.dynamicTest(
                              tool + "/" + f.getFileName(),
                              () -> {
                                String text = Files.readString(f);
                                Object strict = parser.parse(text);
                                ParseResult<?> lenient = parser.parseLenient(text);
                                assertThat(lenient.diagnostics()).isEmpty();
                                assertThat(lenient.model()).isEqualTo(strict);
                                assertThat(parser.parse(new StringReader(text))).isEqualTo(strict);
                                // the same output with Windows line ends (pasted from a ticket)
                                String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
                                assertThat(parser.parse(crlf)).isEqualTo(strict);
                              }));
            });
  }
}
