package io.wgdiag.parsers;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads the text output of one tool into a model.
 *
 * <p>A parser is pure, stateless, thread-safe and reusable: every call starts afresh and no call
 * does I/O beyond the {@link Reader} it is handed.
 *
 * <ul>
 *   <li><b>Strict</b> ({@link #parse(CharSequence)}): malformed input or a line the tool does not
 *       print raises {@link ParseException} with the line, column, the line's text and what was
 *       expected. No other exception escapes.
 *   <li><b>Lenient</b> ({@link #parseLenient(CharSequence)}): returns the model built from every
 *       line that could be read, plus a {@link Diagnostic} for each line that could not, with its
 *       number and text. It does not throw on damaged input: a bad JSON value, malformed JSON or
 *       an end-of-input problem is a diagnostic too.
 * </ul>
 *
 * <p>No private or preshared WireGuard key leaves a parser: every text a parser returns or throws
 * passes the key guard ({@link Secrets#mask}).
 *
 * <pre>{@code
 * PingResult r = ParserRegistry.standard().parser("ping", PingResult.class).parse(text);
 * }</pre>
 *
 * @param <T> the model type
 */
public interface Parser<T> {

  /** The stable tool id this parser reads, e.g. {@code "ping"} or {@code "ip-link-stats"}. */
  String toolId();

  /** The model type this parser returns. */
  Class<T> modelType();

  /** Parses {@code text} strictly. */
  T parse(CharSequence text) throws ParseException;

  /** Parses the characters of {@code reader} strictly, streaming; the reader is not closed. */
  T parse(Reader reader) throws ParseException, IOException;

  /** Parses {@code text} leniently: unknown or malformed lines become diagnostics. */
  ParseResult<T> parseLenient(CharSequence text) throws ParseException;

  /** Parses the characters of {@code reader} leniently, streaming; the reader is not closed. */
  ParseResult<T> parseLenient(Reader reader) throws ParseException, IOException;
}
