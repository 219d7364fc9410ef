package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A {@link java.io.Reader} is read a chunk at a time and each chunk's lines in place: wherever the
 * chunks end (mid-line, between {@code \r} and {@code \n}, in a line longer than a chunk), the
 * result is the one the whole text in memory gives, diagnostics and line numbers included.
 */
class ChunkBoundaryTest {

  @Provide
  Arbitrary<Path> fixtures() throws IOException {
    List<Path> all;
    try (var s = Files.walk(Fixtures.path("fixtures"))) {
      all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    return Arbitraries.of(all);
  }

  @Property(tries = 300)
  void anyChunkSizeReadsAsTheWholeText(
      @ForAll("fixtures") Path file,
      @ForAll @IntRange(min = 1, max = 97) int chunk,
      @ForAll boolean crlf,
      @ForAll boolean garble) throws IOException {
    String tool = java.util.Objects.requireNonNull(file.getParent()).getFileName().toString();
    Parser<?> p = ParserRegistry.standard().find(tool).orElse(null);
    if (!(p instanceof LineParser<?> parser)) {
      net.jqwik.api.statistics.Statistics.collect("not a line parser");
      return; // a directory of fixtures for no line parser (transcripts, bad inputs)
    }
    net.jqwik.api.statistics.Statistics.collect("checked");
    String text = Files.readString(file);
    if (text.strip().startsWith("[") || text.strip().startsWith("{")) {
      return; // JSON forms go to the JSON reader, not through lines
    }
    if (crlf) {
      text = text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
    if (garble && text.length() > 2) {
      text = text.substring(0, text.length() / 2) + "\r?? garbled ??\n" + text.substring(text.length() / 2);
    }
    check(parser, text, chunk);
  }

  @net.jqwik.api.Example
  void theRegistryParsersAreLineParsers() {
    for (String tool : List.of("ping", "ip-route", "ss-tcp-info", "wg-show-dump", "mpstat", "sysctl", "tc-qdisc")) {
      assertThat(ParserRegistry.standard().parser(tool)).as(tool).isInstanceOf(LineParser.class);
    }
  }

  private static <T> void check(LineParser<T> parser, String text, int chunk) throws IOException {
    ParseResult<T> whole;
    try {
      whole = parser.parseLenient(text);
    } catch (ParseException e) {
      assertThatChunkedFailsAlike(parser, text, chunk, e);
      return;
    }
    ParseResult<T> chunked;
    try {
      chunked = LineParser.parseInChunks(parser, new StringReader(text), false, chunk);
    } catch (ParseException e) {
      throw new AssertionError("chunks of " + chunk + " failed where the whole text did not: " + e.getMessage());
    }
    assertThat(chunked.model()).isEqualTo(whole.model());
    assertThat(chunked.diagnostics()).isEqualTo(whole.diagnostics());
  }

  private static <T> void assertThatChunkedFailsAlike(LineParser<T> parser, String text, int chunk, ParseException e)
      throws IOException {
    try {
      LineParser.parseInChunks(parser, new StringReader(text), false, chunk);
      throw new AssertionError("chunks of " + chunk + " read what the whole text refused: " + e.getMessage());
    } catch (ParseException c) {
      assertThat(c.getMessage()).isEqualTo(e.getMessage());
    }
  }
}
