package io.wgdiag.parsers.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@code mpstat}'s utilisation rows are read in one pass where they are plain (the sample's time,
 * the CPU, one number per column, spaces between); every other row goes through the field
 * splitter. The two readings must agree on every input: the same report, the same diagnostics,
 * the same error.
 */
class MpstatOnePassTest {

  private static final String HEADER = "CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle";
  private static final String OLD_HEADER = "CPU   %user   %nice %system %iowait  %steal   %idle";

  @Provide
  Arbitrary<String> reports() {
    // mostly rows the one-pass reading takes, with every way a row can differ from one mixed in
    Arbitrary<String> time = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("12:00:01")),
        Tuple.of(1, Arbitraries.of("12:00:02", "03:04:05 PM", "03:04:05  PM", "Average:", "12:00", "1x:00:01")));
    Arbitrary<String> gap = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(" ", "   ", "      ")),
        Tuple.of(1, Arbitraries.of("\t", " \t ", "\f", "\u000b", "\r ")));
    Arbitrary<String> cpu = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("all", "0", "1", "15")),
        Tuple.of(1, Arbitraries.of("CPU", "NODE", "al", "x\ry", "a\u000bb")));
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(60, Arbitraries.of("0.00", "100.00", "49.75", "12,50", "-1.00", "1e+03", "7", "5.", ".5", "+3.25",
            "0.0000000000000001", "99999999999999999")),
        Tuple.of(1, Arbitraries.of("abc", "1.2.3", "5x", "12.5%", ",", "-", "1e", "1,2,3")));
    Arbitrary<Integer> count = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(10)),
        Tuple.of(1, Arbitraries.of(9, 11, 6, 0)));
    Arbitrary<String> end = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("", " ", "   ")),
        Tuple.of(1, Arbitraries.of("\r", "\t", " x")));
    Arbitrary<String> row = Combinators.combine(time, gap, cpu, value.list().ofSize(11), count, gap, end)
        .as((t, g, c, vs, n, g2, e) -> {
          StringBuilder b = new StringBuilder(t).append(g).append(c);
          for (int i = 0; i < n; i++) {
            b.append(i % 3 == 0 ? g2 : "   ").append(vs.get(i));
          }
          return b.append(e).toString();
        });
    Arbitrary<String> header = Combinators.combine(time, Arbitraries.of(HEADER, HEADER, HEADER, OLD_HEADER, "NODE    %usr   %idle"))
        .as((t, h) -> t + "     " + h);
    Arbitrary<String> line = Arbitraries.frequencyOf(
        Tuple.of(8, row), Tuple.of(2, header), Tuple.of(1, Arbitraries.just("")),
        Tuple.of(1, Arbitraries.just("Linux 6.1.0 (gw) \t11/24/26 \t_x86_64_\t(2 CPU)")));
    return line.list().ofMinSize(1).ofMaxSize(14).map(ls -> String.join("\n", ls) + "\n");
  }

  @Property(tries = 1500)
  void oneReadingOrTheOtherGiveTheSameReport(@ForAll("reports") String text) throws ParseException {
    ParseResult<MpstatReport> fast = new MpstatParser(true).parseLenient(text);
    ParseResult<MpstatReport> split = new MpstatParser(false).parseLenient(text);
    assertThat(fast).isEqualTo(split);
    String fastError = strictError(new MpstatParser(true), text);
    assertThat(fastError).isEqualTo(strictError(new MpstatParser(false), text));
  }

  private static String strictError(MpstatParser parser, String text) {
    try {
      return "read: " + parser.parse(text);
    } catch (ParseException e) {
      return "failed: " + e.getMessage();
    }
  }

  /** Every recorded mpstat file reads the same both ways, and most of its rows in one pass. */
  @Test
  void recordedFilesReadTheSameBothWays() throws Exception {
    List<java.nio.file.Path> files = Fixtures.textFiles("mpstat");
    assertThat(files).isNotEmpty();
    for (java.nio.file.Path file : files) {
      String text = Fixtures.read("fixtures/mpstat/" + file.getFileName());
      assertThat(new MpstatParser(true).parseLenient(text)).as(file.toString())
          .isEqualTo(new MpstatParser(false).parseLenient(text));
    }
  }
}
