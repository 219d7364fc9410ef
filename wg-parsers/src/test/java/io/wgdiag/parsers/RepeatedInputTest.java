package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Output pasted twice, whole or line by line, is read leniently to the end: what the model cannot
 * hold twice (a map key, a second summary line) is the error of the line that prints it again,
 * never a failure of the whole input without a line when the model is made. Every recorded text
 * fixture of every tool.
 */
class RepeatedInputTest {

  @Test
  void everyFixtureTwiceIsReadToTheEndWithItsLinesNamed() throws IOException {
    List<String> failures = new ArrayList<>();
    int read = 0;
    for (Tool tool : ParserRegistry.standard().tools()) {
      Parser<?> parser = ParserRegistry.standard().parser(tool.id());
      for (Path f : Fixtures.textFiles(tool.id())) {
        String text = Files.readString(f);
        StringBuilder lineByLine = new StringBuilder();
        for (String line : text.split("\n")) {
          lineByLine.append(line).append('\n').append(line).append('\n');
        }
        for (String twice : List.of(text + "\n" + text, lineByLine.toString())) {
          try {
            parser.parseLenient(twice);
            read++;
          } catch (ParseException e) {
            failures.add(tool.id() + " " + f.getFileName() + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(read).isGreaterThan(200);
    assertThat(failures).isEmpty();
  }

  @Test
  void theLineThatRepeatsIsNamed() throws ParseException {
    ParseResult<?> route = ParserRegistry.standard().parser("ip-route-get").parseLenient(
        "203.0.113.9 via 198.51.100.2 dev vr2 src 198.51.100.1 uid 0\n    cache advmss 1360\n    cache advmss 1360\n");
    assertThat(route.diagnostics()).singleElement().satisfies(d -> assertThat(d.toString())
        .contains("line 3").contains("'advmss' is printed twice for this lookup"));
    ParseResult<?> ss = ParserRegistry.standard().parser("ss-tcp-info").parseLenient(
        "ESTAB 0 0 10.0.0.1:22 10.0.0.2:5000\n\t cubic snd_wnd:65536\n\t snd_wnd:65536\n");
    assertThat(ss.diagnostics()).singleElement().satisfies(d -> assertThat(d.toString())
        .contains("line 3").contains("'snd_wnd' is printed twice for this socket"));
    ParseResult<?> top = ParserRegistry.standard().parser("top").parseLenient(
        "top - 10:00:00 up 1 day,  1 user,  load average: 0.00, 0.01, 0.05\n"
            + "Tasks: 100 total,   1 running,  99 sleeping,   0 stopped,   0 zombie\n"
            + "Tasks: 100 total,   1 running,  99 sleeping,   0 stopped,   0 zombie\n");
    assertThat(top.diagnostics()).singleElement().satisfies(d -> assertThat(d.toString())
        .contains("line 3").contains("a second Tasks or Threads line"));
  }
}
