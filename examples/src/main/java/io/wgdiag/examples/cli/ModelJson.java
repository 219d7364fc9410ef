package io.wgdiag.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
      for (Member m : MEMBERS.get(v.getClass())) {
        m.writeOf(g, v);
      }
      g.writeEndObject();
    }
  }

  /** The members of a value type, each with its JSON name encoded once and its kind of value. */
  private static final ClassValue<Member[]> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Member[] computeValue(Class<?> type) {
          return ModelTree.accessorsOf(type).stream().map(Member::new).toArray(Member[]::new);
        }
      };

  /** How a member's value is written: primitives and strings without the general dispatch. */
  private enum Kind {
    DOUBLE,
    INTEGRAL,
    BOOLEAN,
    STRING,
    OPTIONAL_DOUBLE,
    OPTIONAL_LONG,
    OTHER;

    static Kind of(Class<?> t) {
      if (t == double.class || t == float.class) {
        return DOUBLE;
      } else if (t == long.class || t == int.class || t == short.class || t == byte.class) {
        return INTEGRAL;
      } else if (t == boolean.class) {
        return BOOLEAN;
      } else if (t == String.class) {
        return STRING;
      } else if (t == OptionalDouble.class) {
        return OPTIONAL_DOUBLE;
      } else if (t == OptionalLong.class) {
        return OPTIONAL_LONG;
      }
      return OTHER;
    }
  }

  /** One accessor of a value type: absent values are left out, as {@link ModelTree#of} does. */
  private static final class Member {
    private final Method method;
    private final SerializedString name;
    private final Kind kind;

    Member(Method method) {
      this.method = method;
      this.name = new SerializedString(method.getName());
      this.kind = Kind.of(method.getReturnType());
    }

    void writeOf(JsonGenerator g, Object owner) throws IOException {
      Object v;
      try {
        v = method.invoke(owner);
      } catch (IllegalAccessException | InvocationTargetException e) {
        return;
      }
      if (v == null) {
        return;
      }
      switch (kind) {
        case DOUBLE -> {
          double d = ((Number) v).doubleValue();
          if (Double.isFinite(d)) {
            g.writeFieldName(name);
            g.writeNumber(d);
          }
        }
        case INTEGRAL -> {
          g.writeFieldName(name);
          g.writeNumber(((Number) v).longValue());
        }
        case BOOLEAN -> {
          g.writeFieldName(name);
          g.writeBoolean((Boolean) v);
        }
        case STRING -> {
          g.writeFieldName(name);
          g.writeString((String) v);
        }
        case OPTIONAL_DOUBLE -> {
          OptionalDouble o = (OptionalDouble) v;
          if (o.isPresent() && Double.isFinite(o.getAsDouble())) {
            g.writeFieldName(name);
            g.writeNumber(o.getAsDouble());
          }
        }
        case OPTIONAL_LONG -> {
          OptionalLong o = (OptionalLong) v;
          if (o.isPresent()) {
            g.writeFieldName(name);
            g.writeNumber(o.getAsLong());
          }
        }
        default -> {
          if (!absent(v)) {
            g.writeFieldName(name);
            ModelJson.write(g, v);
          }
        }
      }
    }
  }
}
