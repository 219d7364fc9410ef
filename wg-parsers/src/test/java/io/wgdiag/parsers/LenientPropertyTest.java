package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Lenient mode never throws and loses nothing, for every parser, on its recorded fixtures damaged
 * as pastes damage output: a byte flipped, a tab lost or doubled, a line deleted or repeated, the
 * input cut short.
 *
 * <p>"Read" here means: the session took the line without a diagnostic. The property checks what
 * can be checked without a second parser: lenient mode returns a model from memory and from a
 * reader, never an exception of any kind; where strict mode rejects a line, lenient mode names
 * that same line in a diagnostic (an end-of-input problem, line 0, in some diagnostic); and where
 * strict mode accepts the input, lenient mode reports nothing and builds the same model.
 */
class LenientPropertyTest {
  private static final List<Tuple.Tuple2<Parser<?>, String>> SAMPLES = KeyGuardPropertyTest.samples();
  private static final AtomicInteger INPUTS = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();
  private static final AtomicInteger THREW = new AtomicInteger();
  private static final AtomicInteger UNNAMED = new AtomicInteger();

  /** One damage: its kind, where (a fraction of the input, in 1/65536), and the byte a flip writes. */
  record Damage(String kind, int where, char flip) {}

  @Provide
  Arbitrary<Tuple.Tuple2<Parser<?>, String>> fixtures() {
    return Arbitraries.of(SAMPLES);
  }

  @Provide
  Arbitrary<List<Damage>> damages() {
    return Combinators.combine(
            Arbitraries.of("flip", "lost-tab", "doubled-tab", "delete-line", "repeat-line", "truncate"),
            Arbitraries.integers().between(0, 65535),
            Arbitraries.chars().ascii())
        .as(Damage::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  static String damage(String text, List<Damage> damages) {
    StringBuilder b = new StringBuilder(text);
    for (Damage d : damages) {
      if (b.length() == 0) {
        break;
      }
      int at = (int) ((long) d.where() * b.length() / 65536);
      int ls = b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
      if (at == 0) {
        ls = 0;
      }
      int le = b.indexOf("\n", at);
      le = le < 0 ? b.length() : le + 1;
      switch (d.kind()) {
        case "flip" -> b.setCharAt(at, d.flip());
        case "lost-tab", "doubled-tab" -> {
          int tab = b.indexOf("\t", at);
          if (tab >= 0) {
            b.replace(tab, tab + 1, d.kind().equals("lost-tab") ? "" : "\t\t");
          } else {
            b.setCharAt(at, d.flip()); // no tab after it: a flip instead
          }
        }
        case "delete-line" -> b.delete(ls, le);
        case "repeat-line" -> b.insert(le, b.substring(ls, le).endsWith("\n") ? b.substring(ls, le) : "\n" + b.substring(ls, le));
        default -> b.setLength(at);
      }
    }
    return b.toString();
  }

  @Property(tries = 3000)
  void lenientModeNeverThrowsAndNamesEveryLineStrictModeRejects(
      @ForAll("fixtures") Tuple.Tuple2<Parser<?>, String> sample, @ForAll("damages") List<Damage> damages)
      throws Exception {
    Parser<?> parser = sample.get1();
    String text = damage(sample.get2(), damages);
    INPUTS.incrementAndGet();
    ParseResult<?> lenient;
    ParseResult<?> fromReader;
    try {
      lenient = parser.parseLenient(text);
      fromReader = parser.parseLenient(new StringReader(text));
    } catch (Exception e) {
      THREW.incrementAndGet();
      if (KeyGuardPropertyTest.COUNT_ONLY) {
        return;
      }
      throw new AssertionError(parser.toolId() + " lenient threw " + e + " on:\n" + text, e);
    }
    assertThat(lenient.model()).isNotNull();
    assertThat(fromReader.model()).isNotNull();
    Object strict = null;
    ParseException rejected = null;
    try {
      strict = parser.parse(text);
    } catch (ParseException e) {
      rejected = e;
    }
    if (rejected == null) {
      assertThat(lenient.diagnostics()).as("%s: strict read it all", parser.toolId()).isEmpty();
      assertThat(lenient.model()).isEqualTo(strict);
      return;
    }
    REJECTED.incrementAndGet();
    int line = rejected.line();
    boolean named = line > 0 ? lenient.diagnostics().stream().anyMatch(d -> d.line() == line) : !lenient.diagnostics().isEmpty();
    if (!named) {
      UNNAMED.incrementAndGet();
      if (KeyGuardPropertyTest.COUNT_ONLY) {
        return;
      }
    }
    if (line > 0) {
      assertThat(lenient.diagnostics()).as("%s: strict rejects line %d (%s)", parser.toolId(), line, rejected.getMessage())
          .extracting(Diagnostic::line).contains(line);
    } else {
      assertThat(lenient.diagnostics()).as("%s: strict rejects the input (%s)", parser.toolId(), rejected.getMessage())
          .isNotEmpty();
    }
  }

  @AfterContainer
  static void report() {
    System.out.println("LenientPropertyTest: " + INPUTS.get() + " damaged inputs, " + REJECTED.get() + " rejected by strict mode, "
        + THREW.get() + " lenient parses threw, " + UNNAMED.get() + " rejected lines not named in a diagnostic");
  }
}
