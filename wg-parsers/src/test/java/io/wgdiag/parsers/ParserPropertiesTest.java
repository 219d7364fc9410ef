package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties every parser holds, whatever the input: it returns a model or throws {@link
 * ParseException}, never anything else, in strict and lenient mode, from memory or a reader; and
 * lenient mode keeps every line it could not read.
 */
class ParserPropertiesTest {

  private static final List<Parser<?>> PARSERS =
      ParserRegistry.standard().tools().stream()
          .<Parser<?>>map(t -> ParserRegistry.standard().parser(t.id()))
          .toList();

  @Provide
  Arbitrary<Parser<?>> parsers() {
    return Arbitraries.of(PARSERS);
  }

  /** Text made of the characters tool output is made of, in lines. */
  @Provide
  Arbitrary<String> toolishText() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("0123456789abcdefx:./-=,()[]{}%<>@ \t\"").ofMaxLength(12),
            Arbitraries.of(
                "mtu", "dev", "via", "src", "peer:", "interface:", "RX:", "TX:", "bytes", "packets",
                "qdisc", "Sent", "backlog", "cpu=0", "found=1", "rtt", "ms", "ESTAB", "cubic",
                "icmp_seq=1", "PING", "---", "[SUM]", "sec", "MBytes", "Mbits/sec", "CPU", "%usr",
                "Average:", "Udp:", "InDatagrams", "-A", "-j", "table", "{", "}", "[", "]", "\"x\":",
                "1e+03", "18446744073709551616", "-1", "NaN", "\u001b[0m", "\r", "pmtu", "lookup",
                "1?:", "Resume:", "IP", ">", "UDP,", "length", "on", "off", "[fixed]"));
    Arbitrary<String> line = token.list().ofMaxSize(10).map(l -> String.join(" ", l));
    return line.list().ofMaxSize(12).map(l -> String.join("\n", l));
  }

  @Property(tries = 600)
  void anyInputGivesAModelOrAParseException(
      @ForAll("parsers") Parser<?> parser, @ForAll("toolishText") String text) throws IOException {
    checkContract(parser, text);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Parser<?>, String>> mutatedFixtures() throws IOException {
    Path root = Fixtures.path("fixtures");
    List<Tuple.Tuple2<Parser<?>, String>> samples;
    try (Stream<Path> dirs = Files.list(root)) {
      samples =
          dirs.filter(Files::isDirectory)
              .flatMap(
                  d ->
                      Fixtures.files("fixtures/" + d.getFileName()).stream()
                          .map(
                              f -> {
                                try {
                                  return Tuple.<Parser<?>, String>of(
                                      ParserRegistry.standard().parser(d.getFileName().toString()),
                                      Files.readString(f));
                                } catch (IOException e) {
                                  throw new java.io.UncheckedIOException(e);
                                }
                              }))
              .toList();
    }
    return Arbitraries.of(samples)
        .flatMap(
            s -> {
              String text = s.get2();
              int n = Math.max(1, text.length());
              return Arbitraries.integers()
                  .between(0, n - 1)
                  .list()
                  .ofMinSize(1)
                  .ofMaxSize(4)
                  .flatMap(
                      cuts ->
                          Arbitraries.of("", "x", " ", "\n", "-", "9", ":", "(", "\t", "99999999999999999999")
                              .map(ins -> Tuple.of(s.get1(), mutate(text, cuts, ins))));
            });
  }

  private static String mutate(String text, List<Integer> cuts, String insert) {
    StringBuilder b = new StringBuilder(text);
    for (int c : cuts) {
      int at = Math.min(c, b.length());
      int end = Math.min(b.length(), at + 1 + (c % 7));
      b.replace(at, end, insert);
    }
    return b.toString();
  }

  @Property(tries = 800)
  void mutatedFixturesGiveAModelOrAParseException(
      @ForAll("mutatedFixtures") Tuple.Tuple2<Parser<?>, String> sample) throws IOException {
    checkContract(sample.get1(), sample.get2());
  }

  private static void checkContract(Parser<?> parser, String text) throws IOException {
    Object strict = null;
    ParseException failure = null;
    try {
      strict = parser.parse(text);
      assertThat(strict).isNotNull();
    } catch (ParseException e) {
      failure = e;
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.line()).isGreaterThanOrEqualTo(0);
    }
    try {
      ParseResult<?> lenient = parser.parseLenient(text);
      assertThat(lenient.model()).isNotNull();
      if (strict != null) {
        // strict and lenient agree on input strict accepts
        assertThat(lenient.diagnostics()).isEmpty();
        assertThat(lenient.model()).isEqualTo(strict);
      }
      for (Diagnostic d : lenient.diagnostics()) {
        assertThat(d.line()).isBetween(0, (int) text.lines().count() + 1);
      }
    } catch (ParseException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    try {
      Object viaReader = parser.parse(new StringReader(text));
      if (strict != null) {
        assertThat(viaReader).isEqualTo(strict);
      }
      assertThat(failure).as("the reader path reads what the in-place text path refused").isNull();
    } catch (ParseException e) {
      assertThat(strict).as("the reader path fails where the text path succeeded").isNull();
      // the in-place path (no string per line) and the line-by-line path fail at the same place
      assertThat(failure).isNotNull();
      assertThat(e.getMessage()).isEqualTo(java.util.Objects.requireNonNull(failure).getMessage());
    }
  }
}
