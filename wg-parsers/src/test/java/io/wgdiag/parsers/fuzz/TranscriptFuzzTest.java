package io.wgdiag.parsers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineSource;
import io.wgdiag.parsers.transcript.Transcript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import io.wgdiag.parsers.transcript.TranscriptReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the transcript reader and parser (Jazzer): the fuzzer's bytes, read as
 * UTF-8, are a terminal log. Reading it never throws, and reads the same from memory and from a
 * {@link java.io.Reader}; a strict parse throws only {@link ParseException}; a lenient parse
 * returns or throws {@link ParseException} (for now: issue 31 part 3 makes lenient never throw). Seeds: the field guide's transcripts ({@code TranscriptFuzzTestInputs/transcript/}, each
 * cut to its first 16 KB, copied from {@code src/test/resources/seed/}). How to fuzz it for a set
 * time: docs/robustness.md.
 */
class TranscriptFuzzTest {

  @FuzzTest
  void transcript(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Transcript inMemory = TranscriptReader.read(text);
    Transcript streamed;
    try {
      streamed = TranscriptReader.read(LineSource.of(new StringReader(text)));
    } catch (IOException e) {
      throw new UncheckedIOException("a StringReader cannot fail", e);
    }
    if (!inMemory.equals(streamed)) {
      throw new AssertionError("the transcript read from memory and from a Reader differ");
    }
    try {
      TranscriptParser.standard().parse(text, true);
    } catch (ParseException e) {
      // strict: refusing is allowed, with a ParseException only
    }
    try {
      TranscriptParser.standard().parse(text, false);
    } catch (ParseException e) {
      // lenient: a block whose parser refuses the whole input (issue 31 part 3 makes this never happen)
    }
  }
}
