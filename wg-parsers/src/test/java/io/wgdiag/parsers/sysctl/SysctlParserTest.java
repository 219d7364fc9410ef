package io.wgdiag.parsers.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.sysctl.SysctlSettings;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SysctlParserTest {
  private final SysctlParser parser = new SysctlParser();

  @Property(tries = 300)
  void eachKeyKeepsItsOwnLinesWhereverItRepeats(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> keys,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 6) Integer> values) throws ParseException {
    // keys printed again on the next line (joined as they come) or later (the map finds them), values
    // from a few texts (shared by the value cache: "Aa" and "BB" have one hash)
    List<String> texts = List.of("0", "1", "Aa", "BB", "4096\t131072  6291456", "", "Aa BB");
    Map<String, String> expected = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    int n = Math.min(keys.size(), values.size());
    for (int i = 0; i < n; i++) {
      String key = "net.k" + keys.get(i);
      String raw = texts.get(values.get(i));
      String folded = raw.replace('\t', ' ').replaceAll(" +", " ").strip();
      text.append(key).append(" = ").append(raw).append('\n');
      expected.merge(key, folded, (a, b) -> a + "\n" + b);
    }
    SysctlSettings s = new SysctlParser().parse(text);
    assertThat(s.values()).isEqualTo(expected);
    assertThat(s.values().keySet()).containsExactlyElementsOf(expected.keySet());
  }

  /**
   * Each line splits at its first {@code " = "}, else at its first '=', wherever the '=' around it
   * fall: the parser keeps the first '=' ahead between lines and takes it as the split when blanks
   * stand on both sides, so lines of many '=' and blanks are held here to the plain definition, in a
   * text of many lines, with each diagnostic on its own line number.
   */
  @Property(tries = 1000)
  void eachLineSplitsAtItsFirstSpacedEqualsElseItsFirstEquals(
      @ForAll @Size(max = 12) List<@StringLength(max = 10) @Chars({'=', ' ', 'x', '.'}) String> tails)
      throws ParseException {
    Map<String, String> expected = new LinkedHashMap<>();
    List<Integer> expectedLines = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tails.size(); i++) {
      String line = "k" + i + tails.get(i); // a key of its own: the tails have no digits
      text.append(line).append('\n');
      int spaced = line.indexOf(" = ");
      int eq = spaced >= 0 ? spaced : line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (eq < 0 || key.isEmpty() || key.contains(" ")) {
        expectedLines.add(i + 1); // no '=', or a blank inside the key
      } else {
        String value = line.substring(eq + (spaced >= 0 ? 3 : 1)).strip().replaceAll(" +", " ");
        expected.put(key, value);
      }
    }
    ParseResult<SysctlSettings> all = parser.parseLenient(text);
    assertThat(all.model().values()).isEqualTo(expected);
    assertThat(all.diagnostics()).extracting(Diagnostic::line).isEqualTo(expectedLines);
  }

  @Test
  void readsSeedSocketBufferTranscript() throws ParseException {
    ParsedTranscript t =
        TranscriptParser.standard().parse(Fixtures.read("seed/socket-buffers.txt"), true);
    SysctlSettings read = t.blocks().get(0).model(SysctlSettings.class).orElseThrow();
    assertThat(read.longValue("net.core.rmem_max")).hasValue(212992);
    assertThat(read.longValue("net.core.wmem_max")).hasValue(212992);
    SysctlSettings written = t.blocks().get(1).model(SysctlSettings.class).orElseThrow();
    assertThat(written.longValue("net.core.rmem_max")).hasValue(8388608);
    assertThat(t.blocks().get(1).command()).startsWith("sudo sysctl -w");
  }

  @Test
  void readsSysctlAllFromCentos() throws ParseException {
    SysctlSettings s = parser.parse(Fixtures.read("fixtures/sysctl/centos-7.7-sysctl-a.txt"));
    assertThat(s.values()).hasSize(895); // 918 lines, dev.cdrom.info on 24 of them
    assertThat(s.value("dev.cdrom.info").orElseThrow().split("\n", -1)).hasSize(24)
        .startsWith("CD-ROM information, Id: cdrom.c 3.20 2003/12/17");
    assertThat(s.longValue("abi.vsyscall32")).hasValue(1);
    assertThat(s.longValues("net.ipv4.tcp_rmem")).containsExactly(4096, 87380, 6291456);
    assertThat(s.value("net.ipv4.tcp_congestion_control")).hasValue("cubic");
  }

  @Test
  void multiValueTabsFoldAndErrorsAreUnderstood() throws ParseException {
    SysctlSettings s =
        parser.parse(
            "net.ipv4.tcp_wmem = 4096\t16384\t4194304\n"
                + "sysctl: cannot stat /proc/sys/net/nope: No such file or directory\n"
                + "kernel.domainname = \n");
    assertThat(s.value("net.ipv4.tcp_wmem")).hasValue("4096 16384 4194304");
    assertThat(s.value("kernel.domainname")).hasValue("");
    assertThat(s.values()).doesNotContainKey("net.nope");
  }

  @Test
  void aLineWithoutEqualsIsUnknownStrictlyAndKeptLeniently() throws ParseException {
    assertThatThrownBy(() -> parser.parse("net.core.rmem_max = 1\ngarbage here\n"))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 2, column 1: unrecognised line for sysctl");
    ParseResult<SysctlSettings> r = parser.parseLenient("net.core.rmem_max = 1\ngarbage here\n");
    assertThat(r.model().longValue("net.core.rmem_max")).hasValue(1);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.text()).isEqualTo("garbage here");
    });
  }
}
