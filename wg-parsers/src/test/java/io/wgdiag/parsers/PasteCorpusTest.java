package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of real pastes ({@code pastes/<tool-id>/<name>.txt}, each with a {@code .source}
 * beside it naming where it was found): output people pasted into public threads, and other
 * projects' recorded fixtures, kept byte for byte.
 *
 * <ul>
 *   <li>A paste not marked {@code annotated=true} parses strictly; lenient mode gives the same
 *       model with no diagnostic; so do the {@code Reader} path and the paste with every space a
 *       no-break space (as a web page hands it over).
 *   <li>An annotated paste (people's own notes, elisions, a mail client's wrapping) parses
 *       leniently, and loses no readable line: the lines lenient mode reports are the only ones
 *       left out, so the other lines alone parse strictly into the same model. With {@code
 *       diagnostics=N} in its {@code .source}, lenient mode reports exactly N lines.
 * </ul>
 */
class PasteCorpusTest {

  /** One paste and its source properties. */
  record Paste(String tool, Path file, Properties source) {
    boolean annotated() {
      return Boolean.parseBoolean(source.getProperty("annotated", "false"));
    }

    String text() throws IOException {
      return Files.readString(file, StandardCharsets.UTF_8);
    }

    String name() {
      return tool + "/" + file.toString().substring(file.toString().lastIndexOf('/') + 1);
    }
  }

  static List<Paste> pastes() throws IOException {
    Path root = Fixtures.path("pastes");
    List<Paste> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        Path rel = root.relativize(f);
        String tool = rel.getName(0).toString();
        Path src = Path.of(f.toString().replaceAll("\\.txt$", ".source"));
        Properties p = new Properties();
        if (Files.exists(src)) {
          try (Reader r = Files.newBufferedReader(src, StandardCharsets.UTF_8)) {
            p.load(r);
          }
        }
        out.add(new Paste(tool, f, p));
      }
    }
    return out;
  }

  /** The parse of a paste: the model (a transcript's block models) and the diagnostics' lines. */
  private record Outcome(Object model, List<Integer> diagnosticLines) {}

  private static Outcome parse(Paste p, String text, boolean strict) throws ParseException {
    if (p.tool().equals("transcript")) {
      ParsedTranscript t = TranscriptParser.standard().parse(text, strict);
      List<Object> models = new ArrayList<>();
      for (ParsedBlock b : t.blocks()) {
        models.add(List.of(b.command(), b.toolId(), b.model(), b.notes()));
      }
      return new Outcome(models, t.allDiagnostics().stream().map(Diagnostic::line).toList());
    }
    Parser<?> parser = ParserRegistry.standard().parser(p.tool());
    if (strict) {
      return new Outcome(parser.parse(text), List.of());
    }
    ParseResult<?> r = parser.parseLenient(text);
    return new Outcome(r.model(), r.diagnostics().stream().map(Diagnostic::line).toList());
  }

  @Test
  void everyPasteNamesItsSourceAndTool() throws IOException {
    List<Paste> all = pastes();
    Set<String> tools = new TreeSet<>(ParserRegistry.standard().tools().stream().map(Tool::id).toList());
    tools.add("transcript");
    for (Paste p : all) {
      assertThat(p.source().getProperty("url")).as("url in the .source of %s", p.name()).isNotBlank();
      assertThat(p.source().getProperty("tool")).as("tool in the .source of %s", p.name()).isEqualTo(p.tool());
      assertThat(tools).as("a tool id the registry knows, for %s", p.name()).contains(p.tool());
    }
    Map<String, Long> perTool = all.stream().collect(Collectors.groupingBy(Paste::tool, TreeMap::new, Collectors.counting()));
    System.out.println("paste corpus: " + all.size() + " pastes, " + perTool);
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
  }

  @TestFactory
  Stream<DynamicTest> everyPasteReads() throws IOException {
    return pastes().stream().map(p -> DynamicTest.dynamicTest(p.name() + (p.annotated() ? " (annotated)" : ""), () -> {
      String text = p.text();
      if (!p.annotated()) {
        Object strict = parse(p, text, true).model();
        Outcome lenient = parse(p, text, false);
        assertThat(lenient.diagnosticLines()).as("lines lenient mode could not read").isEmpty();
        assertThat(lenient.model()).isEqualTo(strict);
        assertThat(parse(p, text.replace(' ', '\u00a0'), true).model()).as("with no-break spaces").isEqualTo(strict);
        if (!p.tool().equals("transcript")) {
          assertThat(ParserRegistry.standard().parser(p.tool()).parse(new StringReader(text))).isEqualTo(strict);
        }
        return;
      }
      Outcome lenient = parse(p, text, false);
      String expected = p.source().getProperty("diagnostics");
      if (expected != null) {
        assertThat(lenient.diagnosticLines()).as("lines lenient mode reports").hasSize(Integer.parseInt(expected));
      }
      // nothing readable lost: without the reported lines, the rest reads strictly into the same model
      Set<Integer> reported = new TreeSet<>(lenient.diagnosticLines());
      String[] lines = text.split("\n", -1);
      StringBuilder rest = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        rest.append(reported.contains(i + 1) ? "" : lines[i]);
        if (i + 1 < lines.length) {
          rest.append('\n');
        }
      }
      assertThat(parse(p, rest.toString(), true).model())
          .as("the readable lines alone, read strictly").isEqualTo(lenient.model());
    }));
  }

  /** The tools that have pastes, for the report. */
  static Optional<String> summary() throws IOException {
    return Optional.of(pastes().stream().collect(Collectors.groupingBy(Paste::tool, TreeMap::new, Collectors.counting())).toString());
  }
}
