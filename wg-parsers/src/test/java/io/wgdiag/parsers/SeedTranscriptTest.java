package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every transcript of the field guide reads in strict mode: each block finds its parser, no unknown line. */
class SeedTranscriptTest {

  @TestFactory
  Stream<DynamicTest> everySeedTranscriptParsesStrictly() {
    return Fixtures.files("seed").stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      ParsedTranscript t = TranscriptParser.standard().parse(Files.readString(f), true);
                      assertThat(t.blocks()).isNotEmpty();
                      assertThat(t.isClean()).isTrue();
                      for (ParsedBlock b : t.blocks()) {
                        assertThat(b.toolId()).as(b.command()).isPresent();
                        assertThat(b.model()).as(b.command()).isPresent();
                      }
                    }));
  }
}
