package io.wgdiag.parsers.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.common.collect.ImmutableList;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.Secrets;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Base class of the line-oriented parsers: it reads lines (from memory or streamed), cleans them
 * ({@code \r}, ANSI colour codes), hands each to a fresh {@link Session} through a reused {@link
 * LineCursor}, and implements strict and lenient mode once for every tool.
 *
 * <p>A subclass supplies {@link #newSession()}. The session returns {@code false} for a line the
 * tool does not print (strict: {@link ParseException}; lenient: a diagnostic, the line kept) and
 * throws {@link ParseException} for a line it knows but finds malformed. Any runtime exception
 * escaping a session is turned into a positioned {@link ParseException}, so callers only ever see
 * that. Where a tool also prints JSON ({@code ip -j}, {@code tc -j}), {@link #jsonForm()} reads it
 * into the same model; input whose first non-blank character is <code>[</code> or <code>{</code>
 * goes there.
 *
 * @param <T> the model type
 */
public abstract class LineParser<T> implements Parser<T> {
  /**
   * Jackson's factory, made when the first JSON input arrives: a run that reads only text (every
   * command-line parse of a tool's usual output) does not load or start Jackson.
   */
  private static final class Json {
    static final JsonFactory FACTORY =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build())
            .build();
  }

  private final String toolId;
  private final Class<T> modelType;
  /** {@link #redact} as the cursor's redactor, made once per parser rather than once per parse. */
  private final java.util.function.UnaryOperator<String> redactor = this::redact;

  /** Creates a parser for {@code toolId} returning {@code modelType}. */
  protected LineParser(String toolId, Class<T> modelType) {
    this.toolId = toolId;
    this.modelType = modelType;
  }

  @Override
  public final String toolId() {
    return toolId;
  }

  @Override
  public final Class<T> modelType() {
    return modelType;
  }

  /** The per-parse state of one parse: single-use, never shared between threads. */
  protected interface Session<T> {
    /**
     * Reads one line.
     *
     * @return false if the line is not one this tool prints
     * @throws ParseException if the line is one the tool prints, but malformed
     */
    boolean accept(LineCursor line) throws ParseException;

    /**
     * Builds the model after the last line.
     *
     * @param lines the number of lines read
     * @param strict whether the parse is strict; a lenient parse should build what it can
     */
    T finish(int lines, boolean strict) throws ParseException;

    /**
     * What is wrong at the end of the input (a header with no values after it, a block left
     * open), or null: asked after the last line, before {@link #finish}, in both modes. A strict
     * parse throws it; a lenient one keeps it as a diagnostic and builds the model all the same.
     *
     * @param lines the number of lines read
     */
    default @Nullable ParseException endProblem(int lines) {
      return null;
    }
  }

  /** A fresh session for one parse. */
  protected abstract Session<T> newSession();

  /**
   * A fresh session for one parse of {@code text}, all of which is in memory: a parser that can
   * size its lists from the text (one item per line, say) overrides this. The default is {@link
   * #newSession()}, which a parse from a {@link Reader} always uses.
   */
  protected Session<T> newSessionFor(String text) {
    return newSession();
  }

  /** Whether blank lines are skipped before they reach the session (the default). */
  protected boolean skipsBlankLines() {
    return true;
  }

  /**
   * Masks secrets in a line before it goes into an exception or a diagnostic. The default masks
   * nothing; the WireGuard dump parser masks private and preshared keys.
   */
  protected String redact(String line) {
    return line;
  }

  /**
   * Whether every key ({@link Secrets#mask}) in the input is masked before a session sees it: so
   * that no model, message or diagnostic can hold one, whatever line it stands on ({@code
   * PrivateKey = ...} pasted among {@code sysctl} output, say). True but for the WireGuard parsers,
   * which keep public keys from their own column and never copy a private or preshared key.
   */
  protected boolean masksKeys() {
    return true;
  }

  /** The JSON form of this tool's output, or null if it has none. */
  protected @Nullable JsonForm<T> jsonForm() {
    return null;
  }

  /** Reads a tool's JSON output into the model; see {@link #jsonForm()}. */
  public interface JsonForm<T> {
    /**
     * Reads the document at {@code json}; unknown keys go to {@code diagnostics} (both modes: a
     * JSON key the model lacks is kept, not fatal) and malformed structure raises {@link
     * ParseException} via {@link JsonSupport}.
     */
    T read(JsonParser json, List<Diagnostic> diagnostics, boolean strict)
        throws IOException, ParseException;
  }

  @Override
  public final T parse(CharSequence text) throws ParseException {
    JsonForm<T> json = jsonForm();
    if (json != null && looksLikeJson(text)) {
      return run(text, true).model();
    }
    return readModel(text.toString(), true, NO_DIAGNOSTICS); // no ParseResult around the model
  }

  /**
   * The diagnostics list of a strict parse: strict mode throws at the first problem, so nothing is
   * ever added to it (an attempt would fail loudly rather than pass unnoticed).
   */
  private static final List<Diagnostic> NO_DIAGNOSTICS = List.of();

  @Override
  public final T parse(Reader reader) throws ParseException, IOException {
    return runReader(reader, true).model();
  }

  @Override
  public final ParseResult<T> parseLenient(CharSequence text) throws ParseException {
    return run(text, false);
  }

  @Override
  public final ParseResult<T> parseLenient(Reader reader) throws ParseException, IOException {
    return runReader(reader, false);
  }

  private ParseResult<T> run(CharSequence text, boolean strict) throws ParseException {
    JsonForm<T> json = jsonForm();
    try {
      if (json != null && looksLikeJson(text)) {
        return readJson(json, new StringReader(Blanks.plain(text.toString())), strict);
      }
      List<Diagnostic> diagnostics = strict ? NO_DIAGNOSTICS : new ArrayList<>(0);
      return result(readModel(text.toString(), strict, diagnostics), diagnostics);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory text cannot fail to read", e);
    }
  }

  /** Reads text already in memory line by line through a new session, and finishes its model. */
  private T readModel(String text, boolean strict, List<Diagnostic> diagnostics) throws ParseException {
    Session<T> session = newSessionFor(text);
    int lines = readText(text, new LineCursor(redactor), session, strict, diagnostics, 0);
    return finishModel(session, lines, strict, diagnostics);
  }

  /**
   * The {@link Reader} path. For a tool with a JSON form, the characters up to the first one that
   * is not whitespace are read first and kept (they are pushed back), so the choice between JSON
   * and text is made on the same character as for text in memory, however many blanks and line
   * ends come before it.
   */
  private ParseResult<T> runReader(Reader reader, boolean strict)
      throws ParseException, IOException {
    JsonForm<T> json = jsonForm();
    if (json == null) {
      return runChunks(reader, strict, newSession(), CHUNK_CHARS);
    }
    char[] head = new char[256];
    int n = 0;
    int first = -1; // the first character that is not whitespace, once read
    while (first < 0) {
      if (n == head.length) {
        head = java.util.Arrays.copyOf(head, n * 2); // all whitespace so far: read on
      }
      int r = reader.read(head, n, head.length - n);
      if (r < 0) {
        break;
      }
      for (int i = n; i < n + r && first < 0; i++) {
        if (!Character.isWhitespace(head[i])) {
          first = i;
        }
      }
      n += r;
    }
    PushbackReader in = new PushbackReader(reader, Math.max(1, n));
    if (n > 0) {
      in.unread(head, 0, n);
    }
    if (first >= 0 && (head[first] == '[' || head[first] == '{')) {
      return readJson(json, Blanks.plain(in), strict);
    }
    return runChunks(in, strict, newSession(), CHUNK_CHARS);
  }

  private static boolean looksLikeJson(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (!Character.isWhitespace(ch)) {
        return ch == '[' || ch == '{';
      }
    }
    return false;
  }

  private ParseResult<T> readJson(JsonForm<T> form, Reader reader, boolean strict)
      throws ParseException, IOException {
    List<Diagnostic> diagnostics = new ArrayList<>(0);
    try (JsonParser p = Json.FACTORY.createParser(masksKeys() ? Secrets.maskingReader(reader) : reader)) {
      @Nullable T model = null;
      @Nullable ParseException problem = null;
      try {
        model = form.read(p, diagnostics, strict);
        if (p.nextToken() != null) {
          throw JsonSupport.error(p, "end of input after the JSON document");
        }
      } catch (ParseException e) {
        problem = e;
      } catch (JsonProcessingException e) {
        // a limit such as the nesting depth carries no location of its own: where the parser stands
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        problem = JsonSupport.errorAt(loc, "malformed JSON: " + e.getOriginalMessage());
      } catch (RuntimeException e) {
        problem = JsonSupport.errorAt(p.currentLocation(), "unreadable JSON: " + describe(e));
      }
      if (problem != null) {
        if (strict) {
          throw problem;
        }
        // lenient: the problem is kept where it stands, and the model is what was read before it
        // (the whole document, when the damage is after it), or an empty one
        diagnostics.add(problem.toDiagnostic());
      }
      if (strict && !diagnostics.isEmpty()) {
        Diagnostic d = diagnostics.get(0);
        throw new ParseException(d.line(), d.column(), d.text(), d.message());
      }
      return new ParseResult<>(model != null ? model : finishModel(newSession(), 0, false, diagnostics), diagnostics);
    }
  }

  /**
   * Strictly parses {@code reader} line by line with {@code session}: the streaming parsers' entry,
   * with a session that hands items to a sink instead of keeping them.
   */
  protected final T parseWith(Reader reader, Session<T> session) throws ParseException, IOException {
    return runChunks(reader, true, session, CHUNK_CHARS).model();
  }

  /** How much of a {@link Reader} is read into one string (chars); a longer line grows it. */
  static final int CHUNK_CHARS = 1 << 16;

  /**
   * The {@link Reader} path: reads whole lines a chunk at a time into one string and reads each line
   * in place, as for text in memory, so a streamed gigabyte costs a string per 64 K characters, not
   * one per line. A chunk ends after the last line end it holds; a {@code \r} at its very end waits
   * for the next read (it may be half of {@code \r\n}).
   */
  private ParseResult<T> runChunks(Reader reader, boolean strict, Session<T> session, int chunkChars)
      throws ParseException, IOException {
    LineCursor cursor = new LineCursor(redactor);
    List<Diagnostic> diagnostics = strict ? NO_DIAGNOSTICS : new ArrayList<>(0);
    char[] buf = new char[Math.max(1, chunkChars)];
    int filled = 0;
    boolean eof = false;
    int number = 0;
    while (true) {
      while (!eof && filled < buf.length) {
        int r = reader.read(buf, filled, buf.length - filled);
        if (r < 0) {
          eof = true;
        } else {
          filled += r;
        }
      }
      int cut = eof ? filled : lastLineEnd(buf, filled);
      if (cut < 0) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2); // no whole line yet: a longer buffer
        continue;
      }
      if (cut > 0) {
        number = readText(new String(buf, 0, cut), cursor, session, strict, diagnostics, number);
        System.arraycopy(buf, cut, buf, 0, filled - cut);
        filled -= cut;
      }
      if (eof && filled == 0) {
        return finish(session, number, strict, diagnostics);
      }
    }
  }

  /** Just after the last complete line end in {@code buf[0, filled)}, or -1 if there is none. */
  private static int lastLineEnd(char[] buf, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      char c = buf[i];
      if (c == '\n' || (c == '\r' && i + 1 < filled)) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Reads every line of {@code text}, numbered on from {@code number}, and returns the last line
   * number. Lines end at {@code \n}, {@code \r\n} or {@code \r}, as {@link LineSource} splits
   * them; the cursor points at each line in place. In text with ANSI colour codes each line is
   * copied through {@link #clean} first.
   */
  private int readText(String raw, LineCursor cursor, Session<T> session, boolean strict,
      List<Diagnostic> diagnostics, int number) throws ParseException {
    String text = Blanks.plain(raw); // web and mail pastes: no-break spaces for spaces
    if (masksKeys()) {
      text = Secrets.mask(text); // whole lines: a key never spans two (the same string if none)
    }
    boolean anyCr = text.indexOf('\r') >= 0;
    boolean anyEscape = text.indexOf('\u001b') >= 0;
    int pos = 0;
    while (pos < text.length()) {
      int end = LineSource.lineEnd(text, pos, anyCr);
      number++;
      if (anyEscape) {
        cursor.reset(clean(text.substring(pos, end)), number); // colour codes out, then as any line
      } else {
        cursor.reset(text, pos, end, number);
      }
      pos = LineSource.nextLineStart(text, end);
      step(cursor, session, strict, diagnostics);
    }
    return number;
  }


  /** {@link #parseLenient(Reader)} with a chosen chunk size, for tests of the chunk boundaries. */
  static <T> ParseResult<T> parseInChunks(LineParser<T> parser, Reader reader, boolean strict, int chunkChars)
      throws ParseException, IOException {
    return parser.runChunks(reader, strict, parser.newSession(), chunkChars);
  }

  /**
   * Hands the cursor's line to the session: blank lines are skipped (unless the tool keeps them),
   * a line the session refuses or cannot read is thrown (strict) or becomes a diagnostic.
   */
  private void step(LineCursor cursor, Session<T> session, boolean strict, List<Diagnostic> diagnostics)
      throws ParseException {
    if (skipsBlankLines() && cursor.isBlank()) {
      return;
    }
    ParseException problem;
    try {
      if (session.accept(cursor)) {
        return;
      }
      problem = cursor.unrecognised(toolId);
    } catch (ParseException e) {
      problem = e;
    } catch (RuntimeException e) {
      problem = cursor.errorAt(cursor.position(), "unreadable input: " + describe(e));
    }
    if (strict) {
      throw problem;
    }
    diagnostics.add(problem.toDiagnostic());
  }

  private ParseResult<T> finish(Session<T> session, int lines, boolean strict, List<Diagnostic> diagnostics)
      throws ParseException {
    return result(finishModel(session, lines, strict, diagnostics), diagnostics);
  }

  /** The session's model; a runtime failure of the model's own checks becomes a parse error. */
  private T finishModel(Session<T> session, int lines, boolean strict, List<Diagnostic> diagnostics)
      throws ParseException {
    try {
      ParseException end = session.endProblem(lines);
      if (end != null) {
        if (strict) {
          throw end;
        }
        diagnostics.add(end.toDiagnostic());
      }
      return session.finish(lines, strict);
    } catch (RuntimeException e) {
      throw new ParseException(0, 0, "", "unreadable input: " + describe(e));
    }
  }

  private ParseResult<T> result(T model, List<Diagnostic> diagnostics) {
    return new ParseResult<>(model, diagnostics.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(diagnostics));
  }

  private static String describe(RuntimeException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + ParseException.cut(m) + ")");
  }

  /** Removes ANSI colour sequences ({@code ESC[...m}) and a stray trailing {@code \r}. */
  static String clean(String line) {
    if (line.indexOf('\u001b') < 0) {
      return line;
    }
    StringBuilder b = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      char ch = line.charAt(i);
      if (ch == '\u001b' && i + 1 < line.length() && line.charAt(i + 1) == '[') {
        int j = i + 2;
        while (j < line.length() && (Character.isDigit(line.charAt(j)) || line.charAt(j) == ';')) {
          j++;
        }
        if (j < line.length() && Character.isLetter(line.charAt(j))) {
          i = j + 1;
          continue;
        }
      }
      b.append(ch);
      i++;
    }
    return b.toString();
  }
}
