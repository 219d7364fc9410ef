package io.wgdiag.parsers;

import io.wgdiag.model.wireguard.WgShow;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every text a parser lets out for one input: the strict and the lenient model (its {@code
 * toString} and every getter, deep), an exception's message, problem and line text, and each
 * diagnostic, from memory and from a reader. Model texts and messages are kept apart, as a
 * WireGuard model may show a public key (read from its own column) where a message shows none.
 */
public final class Leaks {
  /** Texts of models. */
  public final List<String> models = new ArrayList<>();
  /** Texts of exceptions and diagnostics. */
  public final List<String> messages = new ArrayList<>();
  /** The public keys the WireGuard models hold (each read from a public-key column). */
  public final Set<String> publicKeys = new java.util.HashSet<>();

  private Leaks() {}

  /** Runs {@code parser} strictly and leniently, from memory and a reader, over {@code text}. */
  public static Leaks of(Parser<?> parser, String text) {
    Leaks l = new Leaks();
    try {
      l.model(parser.parse(text));
    } catch (ParseException e) {
      l.exception(e);
    }
    try {
      l.lenient(parser.parseLenient(text));
    } catch (ParseException e) {
      l.exception(e);
    }
    try {
      l.model(parser.parse(new StringReader(text)));
    } catch (ParseException e) {
      l.exception(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      l.lenient(parser.parseLenient(new StringReader(text)));
    } catch (ParseException e) {
      l.exception(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return l;
  }

  /** The first text holding {@code secret} where it may not stand, or null. */
  public @Nullable String leakOf(String secret) {
    for (String m : messages) {
      if (m.contains(secret)) {
        return m;
      }
    }
    if (publicKeys.contains(secret)) {
      return null; // read from a public-key column: shown, by design
    }
    for (String m : models) {
      if (m.contains(secret)) {
        return m;
      }
    }
    return null;
  }

  private void lenient(ParseResult<?> r) {
    model(r.model());
    for (Diagnostic d : r.diagnostics()) {
      messages.add(d.toString());
      messages.add(d.message());
      messages.add(d.text());
    }
  }

  private void exception(ParseException e) {
    messages.add(String.valueOf(e.getMessage()));
    messages.add(e.problem());
    messages.add(e.lineText());
    messages.add(e.toDiagnostic().toString());
  }

  private void model(Object m) {
    if (m instanceof WgShow w) {
      publicKeys.addAll(Secrets.publicKeys(w));
    }
    collect(m, models, 0);
  }

  /** {@code o}'s {@code toString} and, for the project's own types, every getter's value, deep. */
  public static void collect(@Nullable Object o, List<String> out, int depth) {
    if (o == null || depth > 12) {
      return;
    }
    if (o instanceof Iterable<?> it) {
      for (Object x : it) {
        collect(x, out, depth + 1);
      }
      return;
    }
    if (o instanceof java.util.Map<?, ?> map) {
      for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
        collect(e.getKey(), out, depth + 1);
        collect(e.getValue(), out, depth + 1);
      }
      return;
    }
    if (o instanceof java.util.Optional<?> opt) {
      opt.ifPresent(x -> collect(x, out, depth + 1));
      return;
    }
    out.add(String.valueOf(o));
    if (!o.getClass().getName().startsWith("io.wgdiag.")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() == 0 && m.getDeclaringClass().getName().startsWith("io.wgdiag.")
          && !m.getName().equals("hashCode") && !m.getName().equals("toString") && !m.getName().startsWith("builder")
          && m.getReturnType() != void.class && !m.getReturnType().isPrimitive() && !Modifier.isStatic(m.getModifiers())) {
        try {
          collect(m.invoke(o), out, depth + 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
          out.add(e.toString());
        }
      }
    }
  }
}
