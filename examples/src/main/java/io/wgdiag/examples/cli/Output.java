package io.wgdiag.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Prints {@link ModelTree} trees as JSON (jackson-core) or as indented text for a person. */
final class Output {
  private static final JsonFactory JSON = new JsonFactory();

  private Output() {}

  /** Writes {@code tree} as JSON, pretty-printed when {@code pretty}. */
  static void json(@Nullable Object tree, Writer out, boolean pretty) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      write(g, tree);
    }
    out.write('\n');
  }

  private static void write(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof ModelJson.Deferred d) {
      ModelJson.write(g, d.model());
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (v instanceof BigDecimal n) {
      g.writeNumber(n);
    } else {
      g.writeString(String.valueOf(v));
    }
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
