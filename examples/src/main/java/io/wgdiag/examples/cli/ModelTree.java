package io.wgdiag.examples.cli;

import io.wgdiag.model.View;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Turns any wgdiag model (Immutables values, records, collections, optionals) into a plain tree of
 * maps, lists, strings, numbers and booleans, ready to print as JSON or text.
 *
 * <p>Value types are read through their public no-argument accessors, in alphabetical order;
 * absent optionals and {@link View views} (accessors that repeat other attributes) are left out.
 * Nothing here knows any particular model, so models added later print without change.
 */
final class ModelTree {
  private ModelTree() {}

  private static final ClassValue<List<Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          return accessors(type);
        }
      };

  /** The tree of {@code value}: a Map, List, String, Number, Boolean or null. */
  static @Nullable Object of(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? value : null;
    }
    if (value instanceof Number) {
      return value instanceof BigInteger || value instanceof BigDecimal ? value : ((Number) value).longValue();
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent() ? of(o.get()) : null;
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? o.getAsLong() : null;
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? (long) o.getAsInt() : null;
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() && Double.isFinite(o.getAsDouble()) ? o.getAsDouble() : null;
    }
    if (value instanceof Duration d) {
      return d.toMillis() / 1000.0;
    }
    if (value instanceof TemporalAccessor || value instanceof java.util.UUID) {
      return value.toString();
    }
    if (value instanceof InetAddress a) {
      return a.getHostAddress();
    }
    if (value instanceof com.google.common.primitives.ImmutableLongArray a) {
      return of(a.asList());
    }
    if (value instanceof com.google.common.primitives.ImmutableDoubleArray a) {
      return of(a.asList());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
      return out;
    }
    if (value instanceof Iterable<?> it) {
      List<@Nullable Object> out = new ArrayList<>();
      it.forEach(x -> out.add(of(x)));
      return out;
    }
    if (value.getClass().isArray()) {
      if (value instanceof Object[] arr) {
        return of(Arrays.asList(arr));
      }
      return value.toString();
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Method m : ACCESSORS.get(value.getClass())) {
      Object v;
      try {
        v = m.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      Object t = of(v);
      if (t != null) {
        out.put(m.getName(), t);
      }
    }
    return out;
  }

  /** The accessors {@link #of} reads on a value of {@code type}, in output order. */
  static List<Method> accessorsOf(Class<?> type) {
    return ACCESSORS.get(type);
  }

  private static List<Method> accessors(Class<?> type) {
    if (type.isRecord()) {
      List<Method> out = new ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        Method m = c.getAccessor();
        m.setAccessible(true);
        out.add(m);
      }
      return out;
    }
    Map<String, Method> byName = new LinkedHashMap<>();
    // The abstract value type declares the attributes; the generated Immutable* class only adds API.
    Class<?> declaring = type.getSimpleName().startsWith("Immutable") && type.getSuperclass() != Object.class
        ? type.getSuperclass()
        : type;
    List<Class<?>> types = new ArrayList<>();
    collect(type.getSimpleName().startsWith("Immutable") && declaring == type ? interfacesOf(type) : List.of(declaring), types);
    for (Class<?> t : types) {
      for (Method m : t.getDeclaredMethods()) {
        int mod = m.getModifiers();
        if (Modifier.isStatic(mod) || m.getParameterCount() != 0 || m.getReturnType() == void.class
            || m.isSynthetic() || m.isBridge() || !Modifier.isPublic(mod)) {
          continue;
        }
        String n = m.getName();
        // conversions (toString, toBuilder, ...) are no attributes, and views repeat other attributes
        if ((n.startsWith("to") && n.length() > 2 && Character.isUpperCase(n.charAt(2))) || n.equals("hashCode") || n.startsWith("check")
            || n.startsWith("validate") || byName.containsKey(n) || m.isAnnotationPresent(View.class)) {
          continue;
        }
        m.setAccessible(true);
        byName.put(n, m);
      }
    }
    List<Method> out = new ArrayList<>(byName.values());
    out.sort(Comparator.comparing(Method::getName));
    return out;
  }

  private static List<Class<?>> interfacesOf(Class<?> type) {
    return Arrays.asList(type.getInterfaces());
  }

  private static void collect(List<Class<?>> roots, List<Class<?>> out) {
    for (Class<?> c : roots) {
      if (c == null || c == Object.class || out.contains(c) || !c.getName().startsWith("io.wgdiag.")) {
        continue;
      }
      out.add(c);
      List<Class<?>> up = new ArrayList<>(Arrays.asList(c.getInterfaces()));
      if (c.getSuperclass() != null) {
        up.add(c.getSuperclass());
      }
      collect(up, out);
    }
  }
}
