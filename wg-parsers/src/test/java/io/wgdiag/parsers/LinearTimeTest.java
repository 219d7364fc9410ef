package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every text parser reads in time linear in its input, on shapes that catch a search running back
 * over earlier lines or a list scanned once per line: the largest recorded fixture of each tool
 * repeated, the same fixture with every line repeated many times in a row (a block of lines
 * alike, each missing what a search looks for), and the whole of it as one long line (a scan of
 * the line once per word). Sixteen times the input (32 KB, then 512 KB) must
 * take well under the 256 times a quadratic parse would: the bound, 80, leaves five times the
 * linear 16 for the bigger input's cache misses and collections (10-40 measured) and a busy
 * machine. A lenient parse, so a line a parser cannot read is a diagnostic, not the end.
 */
class LinearTimeTest {

  private static final int SMALL_BYTES = 32 * 1024;
  private static final int FACTOR = 16;
  private static final double BOUND = 80;

  @Test
  void everyParserReadsSixteenTimesTheInputInAboutSixteenTimesTheTime() throws IOException {
    List<String> report = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Tool tool : ParserRegistry.standard().tools()) {
      Optional<Path> fixture = largestTextFixture(tool.id());
      if (fixture.isEmpty()) {
        report.add(tool.id() + ": no recorded text fixture");
        continue;
      }
      Parser<?> parser = ParserRegistry.standard().parser(tool.id());
      String read = Files.readString(fixture.get());
      String text = read.endsWith("\n") ? read : read + "\n";
      check(parser, tool.id() + " repeated", k -> repeated(text, k), text.length(), report, failures);
      check(parser, tool.id() + " lines repeated", k -> linesRepeated(text, k), text.length(), report, failures);
      check(parser, tool.id() + " one line", k -> oneLine(text, k), text.length(), report, failures);
    }
    System.out.println(String.join("\n", report));
    assertThat(report).hasSizeGreaterThan(60); // every tool with a text fixture, each shape
    assertThat(failures).as(String.join("\n", report)).isEmpty();
  }

  private interface Shape {
    String make(int times);
  }

  private static void check(Parser<?> parser, String what, Shape shape, int unit, List<String> report,
      List<String> failures) {
    int k = Math.max(1, SMALL_BYTES / unit);
    String small = shape.make(k);
    String big = shape.make(FACTOR * k);
    best(parser, small, 5); // warm-up: the small input compiled before it is timed
    double ratio = 0;
    for (int attempt = 0; attempt < 3; attempt++) { // a pause of the machine's, not the parser's, passes on a retry
      long s = best(parser, small, 5);
      long b = best(parser, big, 3);
      ratio = (double) b / Math.max(1, s);
      if (ratio < BOUND) {
        break;
      }
    }
    report.add(String.format("%s: %d -> %d bytes, x%.1f time", what, small.length(), big.length(), ratio));
    if (ratio >= BOUND) {
      failures.add(what);
    }
  }

  private static long best(Parser<?> parser, String text, int runs) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      try {
        parser.parseLenient(text);
      } catch (ParseException e) {
        // the whole input refused (a model's own check): the time to find that out counts the same
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }

  private static String repeated(String text, int times) {
    return text.repeat(times);
  }

  private static String linesRepeated(String text, int times) {
    StringBuilder sb = new StringBuilder(text.length() * times);
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append((line + "\n").repeat(times));
      }
    }
    return sb.toString();
  }

  /** The input repeated, its line breaks made blanks: one long line of the tool's words. */
  private static String oneLine(String text, int times) {
    return text.replace('\n', ' ').repeat(times) + "\n";
  }

  /** The tool's largest recorded text fixture (JSON documents repeated are not one document). */
  private static Optional<Path> largestTextFixture(String toolId) {
    return Fixtures.textFiles(toolId).stream().max(Comparator.comparingLong(p -> p.toFile().length()));
  }
}
