package io.wgdiag.examples.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Prints {@link ModelTree} trees as JSON (jackson-core, through {@link ModelJson}) or as indented text for a person. */
final class Output {
  /** The JSON factory of every JSON this command line writes; doubles in their shortest form (Schubfach). */
  static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private Output() {}

  /**
   * Writes {@code tree} as JSON and a newline, pretty-printed when {@code pretty}. To {@link StdOut}
   * the JSON goes as UTF-8 bytes, written by Jackson's byte generator.
   */
  static void json(@Nullable Object tree, Writer out, boolean pretty) throws IOException {
    json(tree, out, pretty, KeyGuard.ALL);
  }

  /** {@link #json(Object, Writer, boolean)} with every string passed through {@code guard}. */
  static void json(@Nullable Object tree, Writer out, boolean pretty, KeyGuard guard) throws IOException {
    if (out instanceof StdOut std) {
      std.flush(); // what was printed before comes first
      OutputStream bytes = std.bytes();
      try (JsonGenerator g = guard.wrap(JSON.createGenerator(bytes, JsonEncoding.UTF8))) {
        write(g, tree, pretty);
      }
      bytes.write('\n');
      bytes.flush();
      return;
    }
    try (JsonGenerator g = guard.wrap(JSON.createGenerator(out))) {
      write(g, tree, pretty);
    }
    out.write('\n');
  }

  private static void write(JsonGenerator g, @Nullable Object tree, boolean pretty) throws IOException {
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (pretty) {
      g.useDefaultPrettyPrinter();
    }
    ModelJson.write(g, tree); // trees, and models deferred in them, through one writer
  }

  /** Writes {@code tree} as indented {@code key: value} lines. */
  static void text(@Nullable Object tree, StringBuilder out, int indent) {
    if (tree instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object v = e.getValue();
        pad(out, indent).append(e.getKey()).append(':');
        if (isScalar(v)) {
          out.append(' ').append(scalar(v)).append('\n');
        } else if (v instanceof List<?> l && l.isEmpty()) {
          out.append(" []\n");
        } else if (v instanceof Map<?, ?> mm && mm.isEmpty()) {
          out.append(" {}\n");
        } else {
          out.append('\n');
          text(v, out, indent + 2);
        }
      }
    } else if (tree instanceof List<?> l) {
      for (Object x : l) {
        if (isScalar(x)) {
          pad(out, indent).append("- ").append(scalar(x)).append('\n');
        } else {
          pad(out, indent).append("-\n");
          text(x, out, indent + 2);
        }
      }
    } else {
      pad(out, indent).append(scalar(tree)).append('\n');
    }
  }

  private static boolean isScalar(@Nullable Object v) {
    return !(v instanceof Map) && !(v instanceof List);
  }

  private static String scalar(@Nullable Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }

  private static StringBuilder pad(StringBuilder out, int indent) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
    return out;
  }
}
