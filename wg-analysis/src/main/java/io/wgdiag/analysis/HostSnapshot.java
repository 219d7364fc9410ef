package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The typed facts captured on one host, by phase. Every piece is optional: an analyzer asks for
 * what it needs and reports what is missing.
 */
public final class HostSnapshot {
  private final Host host;
  private final ImmutableListMultimap<Phase, Capture> captures;
  private final java.util.concurrent.ConcurrentHashMap<Class<?>, ImmutableList<Fact<?>>> factsByType =
      new java.util.concurrent.ConcurrentHashMap<>();

  HostSnapshot(Host host, ImmutableListMultimap<Phase, Capture> captures) {
    this.host = host;
    this.captures = captures;
  }

  /** Which tunnel end this is. */
  public Host host() {
    return host;
  }

  /** The captures of {@code phase}, in capture order. */
  public ImmutableList<Capture> captures(Phase phase) {
    return captures.get(phase);
  }

  /** Every capture, phase by phase in {@link Phase} order. */
  public ImmutableList<Capture> all() {
    ImmutableList.Builder<Capture> b = ImmutableList.builder();
    for (Phase p : Phase.values()) {
      b.addAll(captures.get(p));
    }
    return b.build();
  }

  /** Whether nothing was captured. */
  public boolean isEmpty() {
    return captures.isEmpty();
  }

  /** Every model of {@code type}, with its capture and phase, phase by phase. */
  @SuppressWarnings("unchecked") // the index holds Fact<T> under T's class only
  public <T> ImmutableList<Fact<T>> facts(Class<T> type) {
    // analyzers ask for the same types again and again: index once per type (the snapshot is immutable)
    return (ImmutableList<Fact<T>>) (ImmutableList<?>) factsByType.computeIfAbsent(type, t -> {
      ImmutableList.Builder<Fact<?>> b = ImmutableList.builder();
      for (Phase p : Phase.values()) {
        for (Capture c : captures.get(p)) {
          if (t.isInstance(c.model())) {
            b.add(new Fact<>(t.cast(c.model()), c, p));
          }
        }
      }
      return b.build();
    });
  }

  /** The models of {@code type} captured in {@code phase}. */
  public <T> ImmutableList<Fact<T>> facts(Class<T> type, Phase phase) {
    ImmutableList<Fact<T>> all = facts(type);
    int from = 0;
    while (from < all.size() && all.get(from).phase() != phase) {
      from++;
    }
    int to = from;
    while (to < all.size() && all.get(to).phase() == phase) {
      to++;
    }
    return all.subList(from, to);
  }

  /**
   * The last model of {@code type} from the first of {@code phases} that has one; with no phases,
   * from any phase (the last one captured).
   */
  public <T> Optional<Fact<T>> latest(Class<T> type, Phase... phases) {
    if (phases.length == 0) {
      ImmutableList<Fact<T>> all = facts(type);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
    for (Phase p : phases) {
      ImmutableList<Fact<T>> f = facts(type, p);
      if (!f.isEmpty()) {
        return Optional.of(f.get(f.size() - 1));
      }
    }
    return Optional.empty();
  }

  /** The first model of {@code type} from the first of {@code phases} that has one. */
  public <T> Optional<Fact<T>> earliest(Class<T> type, Phase... phases) {
    for (Phase p : phases.length == 0 ? Phase.values() : phases) {
      ImmutableList<Fact<T>> f = facts(type, p);
      if (!f.isEmpty()) {
        return Optional.of(f.get(0));
      }
    }
    return Optional.empty();
  }

  /** Captures whose tool id is {@code toolId}. */
  public ImmutableList<Capture> byTool(String toolId) {
    List<Capture> out = new ArrayList<>();
    for (Capture c : all()) {
      if (c.toolId().equals(toolId)) {
        out.add(c);
      }
    }
    return ImmutableList.copyOf(out);
  }

  /** Whether any phase has a model of {@code type}. */
  public boolean has(Class<?> type) {
    return !facts(type).isEmpty();
  }
}
