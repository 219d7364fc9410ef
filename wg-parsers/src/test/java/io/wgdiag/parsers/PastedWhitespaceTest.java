package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Output pasted through a web page or a mail client reads as the terminal printed it: every
 * parser gives the same model when the fixture's spaces are no-break spaces (U+00A0, U+2007,
 * U+202F), and when runs of spaces became tabs.
 */
class PastedWhitespaceTest {

  /** Every recorded text fixture, with its tool id. */
  static List<Object[]> fixtures() throws IOException {
    List<Object[]> out = new ArrayList<>();
    Path root = Fixtures.path("fixtures");
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String tool = root.relativize(dir).toString();
        for (Path f : Fixtures.textFiles(tool)) {
          out.add(new Object[] {tool, f});
        }
      }
    }
    return out;
  }

  private static final char[] PASTED_SPACES = {'\u00a0', '\u2007', '\u202f'};

  /** Each run of two or more spaces as one tab, as a mail client or an editor re-tabs columns. */
  static String tabbed(String text) {
    return text.replaceAll(" {2,}", "\t");
  }

  private static String blanksCollapsed(Object model) {
    return model.toString().replaceAll("[ \\t]+", " ");
  }

  @TestFactory
  Stream<DynamicTest> noBreakSpacesReadAsSpaces() throws IOException {
    Path root = Fixtures.path("fixtures");
    return fixtures().stream().map(o -> DynamicTest.dynamicTest(o[0] + "/" + root.relativize((Path) o[1]), () -> {
      Parser<?> parser = ParserRegistry.standard().parser((String) o[0]);
      String text = Files.readString((Path) o[1]);
      Object expected = parser.parse(text);
      assertThat(parser.parse(text.replace(' ', '\u00a0'))).isEqualTo(expected);
      assertThat(parser.parse(new java.io.StringReader(text.replace(' ', '\u202f')))).isEqualTo(expected);
    }));
  }

  @TestFactory
  Stream<DynamicTest> tabsForSpaceRunsReadAsSpaces() throws IOException {
    Path root = Fixtures.path("fixtures");
    return fixtures().stream().map(o -> DynamicTest.dynamicTest(o[0] + "/" + root.relativize((Path) o[1]), () -> {
      Parser<?> parser = ParserRegistry.standard().parser((String) o[0]);
      String text = Files.readString((Path) o[1]);
      Object expected = parser.parse(text);
      Object got = parser.parse(tabbed(text));
      if (!got.equals(expected)) {
        // a model that keeps some text as printed (an IRQ's description, an nft rule) keeps the tabs:
        // the same model up to the blanks inside that text
        assertThat(blanksCollapsed(got)).isEqualTo(blanksCollapsed(expected));
      }
    }));
  }

  /** Any mix: some spaces of any fixture turned into one of the three pasted spaces. */
  @Property(tries = 200)
  void anyMixOfPastedSpacesReadsTheSame(@ForAll @IntRange(min = 0, max = 100_000) int pick, @ForAll long seed)
      throws Exception {
    List<Object[]> all = fixtures();
    Object[] o = all.get(pick % all.size());
    Parser<?> parser = ParserRegistry.standard().parser((String) o[0]);
    String text = Files.readString((Path) o[1]);
    Random r = new Random(seed);
    char[] cs = text.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      if (cs[i] == ' ' && r.nextBoolean()) {
        cs[i] = PASTED_SPACES[r.nextInt(PASTED_SPACES.length)];
      }
    }
    assertThat(parser.parse(new String(cs))).as("%s", o[1]).isEqualTo(parser.parse(text));
  }
}
