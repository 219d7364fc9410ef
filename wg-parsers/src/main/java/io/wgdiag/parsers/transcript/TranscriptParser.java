package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;
import io.wgdiag.parsers.Detection;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a terminal transcript: splits it at prompt lines ({@link TranscriptReader}) and routes each
 * block to the parser of its command ({@link ParserRegistry#detect(String)}).
 *
 * <pre>{@code
 * ParsedTranscript t = TranscriptParser.standard().parse(Files.readString(log), true);
 * for (ParsedBlock b : t.blocks()) { ... b.toolId() ... b.model() ... }
 * }</pre>
 *
 * <p>Line numbers in errors and diagnostics are those of the transcript. In strict mode the first
 * unreadable line, a command without a parser, or text before the first prompt raises {@link
 * ParseException}; in lenient mode each becomes a diagnostic.
 */
public final class TranscriptParser {
  private final ParserRegistry registry;

  private TranscriptParser(ParserRegistry registry) {
    this.registry = registry;
  }

  /** A transcript parser over the standard registry. */
  public static TranscriptParser standard() {
    return new TranscriptParser(ParserRegistry.standard());
  }

  /** A transcript parser over {@code registry}. */
  public static TranscriptParser using(ParserRegistry registry) {
    return new TranscriptParser(registry);
  }

  /** Parses a transcript with prompt lines. */
  public ParsedTranscript parse(CharSequence text, boolean strict) throws ParseException {
    Transcript t = TranscriptReader.read(text);
    List<Diagnostic> top = new ArrayList<>();
    if (t.blocks().isEmpty()) {
      ParseException e =
          new ParseException(
              0, 0, "", "no prompt line ('$ CMD' or 'user@host:path$ CMD') found; name the tool");
      if (strict) {
        throw e;
      }
      top.add(e.toDiagnostic());
    } else if (!t.preamble().isEmpty()) {
      int line = firstNonBlankLine(t.preamble());
      String text0 = t.preamble().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
      ParseException e = new ParseException(line, 1, text0, "text before the first prompt line");
      if (strict) {
        throw e;
      }
      top.add(e.toDiagnostic());
    }
    ImmutableList.Builder<ParsedBlock> blocks = ImmutableList.builder();
    for (TranscriptBlock b : t.blocks()) {
      blocks.add(parseBlock(b, strict));
    }
    return new ParsedTranscript(blocks.build(), ImmutableList.copyOf(top));
  }

  /** Parses raw output of one tool (no prompt lines) as a single block. */
  public ParsedTranscript parseAs(CharSequence text, String toolId, boolean strict)
      throws ParseException {
    Parser<?> parser = registry.parser(toolId);
    ParseResult<?> r = run(parser, text, strict, 0);
    ParsedBlock block =
        new ParsedBlock(
            0, "", Optional.of(toolId), false, Optional.empty(), Optional.of(r.model()), r.diagnostics());
    return new ParsedTranscript(ImmutableList.of(block), ImmutableList.of());
  }

  private ParsedBlock parseBlock(TranscriptBlock b, boolean strict) throws ParseException {
    Optional<Detection> d = registry.detect(b.command());
    if (d.isEmpty()) {
      ParseException e =
          new ParseException(b.line(), 1, b.command(), "no parser for the command '" + b.command() + "'");
      if (strict) {
        throw e;
      }
      ImmutableList<Diagnostic> diags = ImmutableList.of(e.toDiagnostic());
      return new ParsedBlock(
          b.line(), b.command(), Optional.empty(), false, Optional.empty(), Optional.empty(), diags, b.notes());
    }
    Detection det = d.get();
    Parser<?> parser = registry.parser(det.toolId());
    ParseResult<?> r;
    try {
      r = run(parser, b.output(), strict, b.line());
    } catch (ParseException e) {
      if (strict) {
        throw e;
      }
      return new ParsedBlock(
          b.line(), b.command(), Optional.of(det.toolId()), det.filtered(), det.qualifier(),
          Optional.empty(), ImmutableList.of(e.toDiagnostic()), b.notes());
    }
    return new ParsedBlock(
        b.line(), b.command(), Optional.of(det.toolId()), det.filtered(), det.qualifier(),
        Optional.of(r.model()), r.diagnostics(), b.notes());
  }

  private static ParseResult<?> run(Parser<?> parser, CharSequence text, boolean strict, int offset)
      throws ParseException {
    try {
      if (strict) {
        return new ParseResult<Object>(parser.parse(text), ImmutableList.of());
      }
      ParseResult<?> r = parser.parseLenient(text);
      if (offset == 0) {
        return r;
      }
      return new ParseResult<Object>(
          r.model(),
          r.diagnostics().stream().map(x -> x.shifted(offset)).collect(ImmutableList.toImmutableList()));
    } catch (ParseException e) {
      throw e.line() > 0 ? e.shifted(offset) : new ParseException(offset, 0, "", e.problem());
    }
  }

  private static int firstNonBlankLine(String text) {
    int n = 1;
    for (String l : text.split("\n", -1)) {
      if (!l.isBlank()) {
        return n;
      }
      n++;
    }
    return 1;
  }
}
