package io.wgdiag.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes a model straight to JSON with the exact shape {@link ModelTree#of} gives, without the
 * intermediate tree: a model of 10^5 replies or peers is streamed out object by object.
 */
final class ModelJson {
  private ModelJson() {}

  /** A model to be written by {@link #write} where a tree holds it (see {@link Output#json}). */
  record Deferred(Object model) {}

  /** Whether {@link ModelTree#of} gives null for {@code v}: such members are left out of objects. */
  static boolean absent(@Nullable Object v) {
    if (v == null) {
      return true;
    } else if (v instanceof Optional<?> o) {
      return o.isEmpty() || absent(o.get());
    } else if (v instanceof OptionalLong o) {
      return o.isEmpty();
    } else if (v instanceof OptionalInt o) {
      return o.isEmpty();
    } else if (v instanceof OptionalDouble o) {
      return o.isEmpty() || !Double.isFinite(o.getAsDouble());
    } else if (v instanceof Double d) {
      return !Double.isFinite(d);
    } else if (v instanceof Float f) {
      return !Float.isFinite(f);
    }
    return false;
  }

  static void write(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null || absent(value)) {
      g.writeNull();
      return;
    }
    Object v = value;
    if (v instanceof Deferred d) {
      write(g, d.model());
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double x) {
      g.writeNumber(x);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (v instanceof BigDecimal n) {
      g.writeNumber(n);
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Optional<?> o) {
      write(g, o.orElse(null));
    } else if (v instanceof OptionalLong o) {
      g.writeNumber(o.getAsLong());
    } else if (v instanceof OptionalInt o) {
      g.writeNumber((long) o.getAsInt());
    } else if (v instanceof OptionalDouble o) {
      g.writeNumber(o.getAsDouble());
    } else if (v instanceof com.google.common.primitives.ImmutableLongArray a) {
      g.writeStartArray();
      for (int i = 0; i < a.length(); i++) {
        g.writeNumber(a.get(i));
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> || v instanceof Object[]) {
      g.writeStartArray();
      for (Object x : v instanceof Object[] arr ? java.util.Arrays.asList(arr) : (Iterable<?>) v) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?> || v instanceof Duration
        || v instanceof TemporalAccessor || v instanceof java.util.UUID || v instanceof InetAddress
        || v instanceof com.google.common.primitives.ImmutableDoubleArray || v.getClass().isArray()) {
      write(g, ModelTree.of(v)); // the rare scalar kinds: one rule, in ModelTree
    } else {
      g.writeStartObject();
      for (Method m : ModelTree.accessorsOf(v.getClass())) {
        Object member;
        try {
          member = m.invoke(v);
        } catch (IllegalAccessException | InvocationTargetException e) {
          continue;
        }
        if (!absent(member)) {
          g.writeFieldName(m.getName());
          write(g, member);
        }
      }
      g.writeEndObject();
    }
  }
}
