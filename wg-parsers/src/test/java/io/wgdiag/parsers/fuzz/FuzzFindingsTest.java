package io.wgdiag.parsers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.text.LineSource;
import io.wgdiag.parsers.transcript.TranscriptReader;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What Jazzer found (docs/robustness.md, "Executions reached"), each reduced to the line that
 * triggers it; the whole inputs are replayed from the seed directories as well.
 */
class FuzzFindingsTest {

  /** top: a Swap line with "MiB Mem" glued to a label and no ':' after it sent the cursor back to the line's start, for ever. */
  @Test
  void topGluedMemoryLabelWithoutColonEnds() {
    String text = "MiB Swap:      0.0 total,      0.0 free,MiB Mem128524105.1 total,  23631.3 free,    398.9 used\n";
    ParseResult<?> r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ParserRegistry.standard().parser("top").parseLenient(text));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(1));
    assertThatThrownBy(() -> ParserRegistry.standard().parser("top").parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("line 1, column ");
  }

  /** tcpdump: a -v header line with nothing after it built a packet without its transport (an IllegalStateException). */
  @Test
  void tcpdumpVerboseHeaderCutAtTheEndIsAPacket() throws ParseException {
    String text = "23:15:35.434768 IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto UDP (17), length 1440)\n";
    var capture = ParserRegistry.standard().parser("tcpdump").parse(text);
    assertThat(capture.toString()).contains("transport=OTHER");
    assertThat(ParserRegistry.standard().parser("tcpdump").parseLenient("tcpdumpp: garbage\n" + text).diagnostics()).hasSize(1);
  }

  /** ip -j link: a no-break space inside a JSON document was a space in memory but an error from a Reader. */
  @Test
  void noBreakSpaceInJsonReadsAlikeFromMemoryAndReader() throws Exception {
    var parser = ParserRegistry.standard().parser("ip-link");
    String empty = "[\u00a0]";
    assertThat(parser.parse(new StringReader(empty))).isEqualTo(parser.parse(empty));
    String bad = "[\u00a0T]";
    ParseException fromText = catchThrowableOfType(ParseException.class, () -> parser.parse(bad));
    ParseException fromReader = catchThrowableOfType(ParseException.class, () -> parser.parse(new StringReader(bad)));
    assertThat(fromText).as("a ParseException from text").isNotNull();
    assertThat(fromReader).as("a ParseException from a Reader").isNotNull();
    assertThat(fromReader.getMessage()).isEqualTo(fromText.getMessage()).contains("Unrecognized token 'T'");
    assertThat(fromReader.column()).isEqualTo(fromText.column()).isEqualTo(3);
  }

  /** Transcripts: a no-break space in output was a space read from memory but stayed U+00A0 from a Reader. */
  @Test
  void noBreakSpaceInATranscriptReadsAlikeFromMemoryAndReader() throws Exception {
    String text = "cr0x@server:~$ mpstat -P ALL 1 5\nLinux 6.8.0 (server) 12/27/2025 _x86_64_\u00a0(8 CPU)\n";
    var fromText = TranscriptReader.read(text);
    var fromReader = TranscriptReader.read(LineSource.of(new StringReader(text)));
    assertThat(fromReader).isEqualTo(fromText);
    assertThat(fromReader.blocks().get(0).output()).contains("_x86_64_ (8 CPU)");
  }
}
