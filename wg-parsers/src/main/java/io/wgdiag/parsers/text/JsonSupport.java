package io.wgdiag.parsers.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Helpers for the JSON forms: positioned errors and the keeping of unknown keys. */
public final class JsonSupport {
  private JsonSupport() {}

  /** An error at the parser's current token: {@code "expected <expected>, found <token>"}. */
  public static ParseException error(JsonParser p, String expected) {
    return errorAt(p.currentTokenLocation(), "expected " + expected + ", found " + found(p));
  }

  /** An error at {@code loc}: its line and column, 0 where Jackson has none. */
  static ParseException errorAt(@Nullable JsonLocation loc, String message) {
    return loc == null
        ? new ParseException(0, 0, "", message)
        : new ParseException(Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()), "", message);
  }

  /** The current token as an error names it: a value with its text, a structural token as printed. */
  private static String found(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "end of input";
    }
    if (t.asString() != null) {
      return t.asString(); // {, }, [, ], true, false, null
    }
    String text;
    try {
      text = p.getText();
    } catch (IOException e) {
      return t.name();
    }
    if (text == null) {
      return t.name();
    }
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    return switch (t) {
      case VALUE_STRING -> "the string \"" + text + "\"";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
      case FIELD_NAME -> "the key \"" + text + "\"";
      default -> t.name();
    };
  }

  /** Reads one item of a JSON array: {@link #item}'s reader. */
  public interface ItemReader<T> {
    /** Reads the item the parser stands on. */
    T read() throws IOException, ParseException;
  }

  /**
   * Reads the item (an object or array) the parser stands on with {@code reader}. Strict: as the
   * reader does. Lenient: a bad value in it ({@code "mtu":"UNKNOWN"}, a counter as a string, a
   * number out of range) becomes a diagnostic at its position, the rest of the item is skipped and
   * null is returned, so the caller reads on with the next item, and the rest of the document.
   */
  public static <T> @Nullable T item(JsonParser p, List<Diagnostic> diagnostics, boolean strict, ItemReader<T> reader)
      throws IOException, ParseException {
    if (strict) {
      return reader.read();
    }
    int depth = p.getParsingContext().getNestingDepth(); // inside the item
    try {
      return reader.read();
    } catch (ParseException e) {
      diagnostics.add(e.toDiagnostic());
    } catch (RuntimeException e) { // a model's own check
      diagnostics.add(errorAt(p.currentTokenLocation(), "unreadable JSON value: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")).toDiagnostic());
    }
    while (p.getParsingContext().getNestingDepth() >= depth && p.nextToken() != null) {
      // skip the rest of the item
    }
    return null;
  }

  /** Moves to the next token and checks it is {@code expected}. */
  public static void expect(JsonParser p, JsonToken expected, String what)
      throws IOException, ParseException {
    if (p.nextToken() != expected) {
      throw error(p, what);
    }
  }

  /**
   * Reads the value the parser stands on (after {@code nextToken()}) into plain Java: {@code
   * Map<String,Object>} (insertion order; a repeated name keeps its first value), {@code List<Object>}, {@code String}, {@code Long} or
   * {@code BigInteger} for integers, {@code Double}, {@code Boolean}, or the {@link #NULL} marker.
   */
  public static Object tree(JsonParser p) throws IOException, ParseException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw error(p, "a JSON value");
    }
    switch (t) {
      case START_OBJECT -> {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          Object value = tree(p);
          m.putIfAbsent(name, value); // a repeated name keeps its first value, as the text parsers do
        }
        return m;
      }
      case START_ARRAY -> {
        java.util.List<Object> l = new java.util.ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) {
            throw error(p, "']'");
          }
          l.add(tree(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw error(p, "a JSON value");
    }
  }

  /** Stands for JSON {@code null} in {@link #tree} results. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

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
