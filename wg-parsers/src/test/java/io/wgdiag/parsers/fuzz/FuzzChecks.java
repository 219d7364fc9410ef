package io.wgdiag.parsers.fuzz;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The contract every fuzz target checks on one input (see docs/robustness.md): a strict parse
 * returns a model or throws {@link ParseException}, nothing else; a lenient parse returns a model
 * with diagnostics or throws {@link ParseException}; and the {@link java.io.Reader} path agrees with
 * the in-memory path (equal models, or an error at the same line and column with the same
 * message). Any other exception, or an {@link AssertionError} from a disagreement, is a crash for
 * Jazzer; a hang is caught by Jazzer's per-input timeout while fuzzing.
 */
final class FuzzChecks {
  private FuzzChecks() {}

  /** Checks the contract of tool {@code toolId}'s parser on {@code data} read as UTF-8. */
  static void parseAnything(String toolId, byte[] data) {
    Parser<?> parser = ParserRegistry.standard().parser(toolId);
    String text = new String(data, StandardCharsets.UTF_8);
    Outcome fromText = strict(parser, text);
    Outcome fromReader;
    try {
      fromReader = strictFromReader(parser, text);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringReader cannot fail", e);
    }
    if (!fromText.equals(fromReader)) {
      throw new AssertionError(toolId + ": parse(CharSequence) gave " + fromText + " but parse(Reader) gave " + fromReader);
    }
    try {
      ParseResult<?> lenient = parser.parseLenient(text);
      Objects.requireNonNull(lenient.model());
    } catch (ParseException e) {
      // the whole input refused: allowed for now (issue 31 part 3 makes lenient never throw)
    }
  }

  private static Outcome strict(Parser<?> parser, String text) {
    try {
      return new Outcome(parser.parse(text), null);
    } catch (ParseException e) {
      return new Outcome(null, e);
    }
  }

  private static Outcome strictFromReader(Parser<?> parser, String text) throws IOException {
    try {
      return new Outcome(parser.parse(new StringReader(text)), null);
    } catch (ParseException e) {
      return new Outcome(null, e);
    }
  }

  /** A strict parse's model, or its error's line, column and message. */
  private static final class Outcome {
    private final @Nullable Object model;
    private final @Nullable String error;

    Outcome(@Nullable Object model, @Nullable ParseException e) {
      this.model = model;
      this.error = e == null ? null : e.line() + ":" + e.column() + " " + e.getMessage();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Outcome other && Objects.equals(model, other.model) && Objects.equals(error, other.error);
    }

    @Override
    public int hashCode() {
      return Objects.hash(model, error);
    }

    @Override
    public String toString() {
      String e = error;
      return e != null ? "error " + (e.length() > 300 ? e.substring(0, 300) + "..." : e) : "a model";
    }
  }
}
