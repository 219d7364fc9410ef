package io.wgdiag.parsers.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import java.io.IOException;
import java.util.List;

/** Helpers for the JSON forms: positioned errors and the keeping of unknown keys. */
public final class JsonSupport {
  private JsonSupport() {}

  /** An error at the parser's current token: "expected <expected>, found <token>". */
  public static ParseException error(JsonParser p, String expected) {
    JsonLocation loc = p.currentTokenLocation();
    JsonToken t = p.currentToken();
    String found = t == null ? "end of input" : t.asString() != null ? t.asString() : t.name();
    return new ParseException(
        Math.max(0, loc.getLineNr()),
        Math.max(0, loc.getColumnNr()),
        "",
        "expected " + expected + ", found " + found);
  }

  /** Moves to the next token and checks it is {@code expected}. */
  public static void expect(JsonParser p, JsonToken expected, String what)
      throws IOException, ParseException {
    if (p.nextToken() != expected) {
      throw error(p, what);
    }
  }

  /**
   * Records the field the parser stands on as unknown (kept as a diagnostic with its text) and
   * skips its value.
   */
  public static void unknownField(JsonParser p, List<Diagnostic> diagnostics) throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    String name = p.currentName();
    p.nextToken();
    String value = p.currentToken() != null && p.currentToken().isScalarValue() ? p.getText() : "…";
    p.skipChildren();
    diagnostics.add(
        new Diagnostic(
            Math.max(0, loc.getLineNr()),
            Math.max(0, loc.getColumnNr()),
            "unknown JSON key '" + name + "'",
            ParseException.cut(name + ": " + value)));
  }
}
