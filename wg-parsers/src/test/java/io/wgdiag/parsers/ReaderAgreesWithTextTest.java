package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code parse(CharSequence)} and {@code parse(Reader)} are one behaviour (issue 31, part 4): on the
 * same text, for every parser, they give equal models or errors at the same line and column with
 * the same message, in strict mode and in lenient mode (equal model and diagnostics). The texts are
 * the tool's recorded fixtures, their lines picked, repeated and damaged (a character changed,
 * a line cut, {@code \r} line ends, colour codes), some longer than the Reader path's chunk of
 * 65,536 characters, and JSON documents, damaged alike, after 256 to 2,000 blanks and line ends
 * (the Reader path once looked at only the first 256 characters). Each text is read through a {@link StringReader}
 * and through a reader that hands out 1 to 4,096 characters a call.
 */
class ReaderAgreesWithTextTest {

  private static final List<String> TOOLS = ParserRegistry.standard().tools().stream().map(Tool::id).toList();
  private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();

  @Property(tries = 300)
  void theReaderPathGivesWhatTheTextPathGives(@ForAll("inputs") Input in) throws IOException {
    Parser<?> parser = ParserRegistry.standard().parser(in.tool());
    assertThat(strictReader(parser, in.text(), in.step())).isEqualTo(strictText(parser, in.text()));
    assertThat(lenientReader(parser, in.text(), in.step())).isEqualTo(lenientText(parser, in.text()));
  }

  @Test
  void jsonAfterMoreBlanksThanTheFirstLookReadsTheSameBothWays() throws IOException {
    int checked = 0;
    for (Path json : Fixtures.files("json-captures")) {
      if (!json.toString().endsWith(".json")) {
        continue;
      }
      String tool = jsonTool(json);
      Parser<?> parser = ParserRegistry.standard().parser(tool);
      String text = " \n\t".repeat(200) + Files.readString(json);
      Outcome fromText = strictText(parser, text);
      assertThat(fromText.error).as(json.toString()).isNull(); // the document is read, not refused as text
      assertThat(strictReader(parser, text, 0)).as(json.toString()).isEqualTo(fromText);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  /** The tool of a JSON capture, by the directory it is in. */
  private static String jsonTool(Path json) {
    String dir = java.util.Objects.requireNonNull(json.getParent()).getFileName().toString();
    String name = json.getFileName().toString();
    return switch (dir) {
      case "iperf3" -> "iperf3-json";
      case "tc" -> "tc-qdisc";
      case "mpstat" -> "mpstat";
      case "route" -> name.startsWith("get") ? "ip-route-get" : name.contains("rule") ? "ip-rule" : "ip-route";
      default -> throw new IllegalArgumentException(json.toString());
    };
  }

  /** One text for one tool, and how many characters the slow reader hands out a call (0: a StringReader). */
  record Input(String tool, String text, int step) {
    @Override
    public String toString() {
      return tool + " (" + text.length() + " chars, step " + step + "): "
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<String> tools = Arbitraries.of(TOOLS);
    Arbitrary<Integer> steps = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4096)));
    return tools.flatMap(tool -> Combinators.combine(text(tool), steps).as((t, s) -> new Input(tool, t, s)));
  }

  private static Arbitrary<String> text(String tool) {
    List<String> lines = lines(tool);
    Arbitrary<String> line = Arbitraries.of(lines).flatMap(ReaderAgreesWithTextTest::damaged);
    Arbitrary<String> few = line.list().ofMinSize(0).ofMaxSize(40).map(l -> String.join("\n", l));
    Arbitrary<String> endings = Arbitraries.of("\n", "\r\n", "\r", "");
    Arbitrary<String> some = Combinators.combine(few, endings).as((t, e) -> t.replace("\n", e.isEmpty() ? "\n" : e) + e);
    Arbitrary<String> longer = Combinators.combine(some, Arbitraries.integers().between(65_536, 140_000), few)
        .as((t, n, tail) -> fill(t.isEmpty() ? "x\n" : t, n) + tail);
    Arbitrary<String> blanks = Arbitraries.strings().withChars(' ', '\n', '\t', '\r').ofMinLength(250).ofMaxLength(2000);
    Arbitrary<String> damagedJson = Arbitraries.of(json(tool)).flatMap(ReaderAgreesWithTextTest::damaged);
    Arbitrary<String> jsonAfterBlanks = Combinators.combine(blanks, damagedJson).as((b, j) -> b + j);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, some), net.jqwik.api.Tuple.of(1, longer), net.jqwik.api.Tuple.of(2, jsonAfterBlanks));
  }

  /**
   * A line (or JSON document) as it is, or with one character changed (a no-break space among
   * them) or dropped, cut short, or coloured.
   */
  private static Arbitrary<String> damaged(String line) {
    if (line.isEmpty()) {
      return Arbitraries.just(line);
    }
    Arbitrary<Integer> at = Arbitraries.integers().between(0, line.length() - 1);
    Arbitrary<Character> ch = Arbitraries.of(' ', '\t', ':', '=', '{', '}', '0', '9', 'x', '-', '/', '(', ')', '\u001b', '\u00e9', '\u00a0');
    return Arbitraries.oneOf(
        Arbitraries.just(line),
        Arbitraries.just(line),
        Combinators.combine(at, ch).as((i, c) -> line.substring(0, i) + c + line.substring(i + 1)),
        at.map(i -> line.substring(0, i) + line.substring(i + 1)),
        at.map(i -> line.substring(0, i)),
        Arbitraries.just("\u001b[1;32m" + line + "\u001b[0m"));
  }

  /** The lines of the tool's fixtures (and a few of every other tool's, a paste of the wrong output). */
  private static List<String> lines(String tool) {
    return LINES.computeIfAbsent(tool, t -> {
      List<String> out = new ArrayList<>();
      for (Path p : Fixtures.textFiles(t)) {
        out.addAll(read(p).lines().toList());
      }
      for (String other : TOOLS) {
        List<Path> files = Fixtures.textFiles(other);
        if (!other.equals(t) && !files.isEmpty()) {
          out.addAll(read(files.get(0)).lines().limit(3).toList());
        }
      }
      return List.copyOf(out);
    });
  }

  /** The tool's JSON captures, or a document of another tool where it has none. */
  private static List<String> json(String tool) {
    List<String> out = new ArrayList<>();
    List<String> any = new ArrayList<>();
    for (Path p : Fixtures.files("json-captures")) {
      if (p.toString().endsWith(".json")) {
        String doc = read(p);
        any.add(doc.length() > 20_000 ? doc.substring(0, 20_000) : doc); // cut: an error both ways
        if (jsonTool(p).equals(tool)) {
          out.add(doc);
        }
      }
    }
    return out.isEmpty() ? any : out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fill(String unit, int n) {
    StringBuilder sb = new StringBuilder(n + unit.length());
    while (sb.length() < n) {
      sb.append(unit);
    }
    return sb.toString();
  }

  private static Reader reader(String text, int step) {
    if (step <= 0) {
      return new StringReader(text);
    }
    return new Reader() { // a pipe's reads: at most `step` characters a call
      private int pos;

      @Override
      public int read(char[] buf, int off, int len) {
        if (pos >= text.length()) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), text.length() - pos);
        text.getChars(pos, pos + n, buf, off);
        pos += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  /** A parse's model (and diagnostics), or its error's line, column and message. */
  record Outcome(@Nullable Object model, @Nullable String error) {
    static Outcome of(ParseException e) {
      return new Outcome(null, e.line() + ":" + e.column() + " " + e.getMessage());
    }
  }

  private static Outcome strictText(Parser<?> p, String text) {
    try {
      return new Outcome(p.parse(text), null);
    } catch (ParseException e) {
      return Outcome.of(e);
    }
  }

  private static Outcome strictReader(Parser<?> p, String text, int step) throws IOException {
    try {
      return new Outcome(p.parse(reader(text, step)), null);
    } catch (ParseException e) {
      return Outcome.of(e);
    }
  }

  private static Outcome lenientText(Parser<?> p, String text) {
    try {
      return new Outcome(p.parseLenient(text), null);
    } catch (ParseException e) {
      return Outcome.of(e);
    }
  }

  private static Outcome lenientReader(Parser<?> p, String text, int step) throws IOException {
    try {
      return new Outcome(p.parseLenient(reader(text, step)), null);
    } catch (ParseException e) {
      return Outcome.of(e);
    }
  }
}
