package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Two snapshots of a counter model: the last {@code before} one against the last {@code during}
 * (else {@code after}) one, the rise under load; or, with no such pair, only the last snapshot,
 * totals since boot.
 *
 * @param from the earlier snapshot, empty for totals
 * @param to the later (or only) snapshot
 * @param <T> the counter model
 */
record CounterWindow<T>(Optional<Fact<T>> from, Fact<T> to) {

  /** The window over the snapshots of {@code type} on {@code host} that pass {@code usable}, if any. */
  static <T> Optional<CounterWindow<T>> of(HostSnapshot host, Class<T> type, Predicate<T> usable) {
    List<Fact<T>> all = host.facts(type).stream().filter(f -> usable.test(f.value())).toList();
    Optional<Fact<T>> before = last(all, Phase.BEFORE);
    Optional<Fact<T>> later = last(all, Phase.DURING).or(() -> last(all, Phase.AFTER));
    if (before.isPresent() && later.isPresent()) {
      return Optional.of(new CounterWindow<>(before, later.get()));
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(new CounterWindow<>(Optional.empty(), all.get(all.size() - 1)));
  }

  private static <T> Optional<Fact<T>> last(List<Fact<T>> facts, Phase phase) {
    Fact<T> out = null;
    for (Fact<T> f : facts) {
      if (f.phase() == phase) {
        out = f;
      }
    }
    return Optional.ofNullable(out);
  }

  /** Whether this is a rise between two snapshots rather than a total. */
  boolean isDelta() {
    return from.isPresent();
  }

  /** {@code to − from} of a counter, or {@code to}'s total without a {@code from}. */
  long delta(ToLongFunction<T> counter) {
    long after = counter.applyAsLong(to.value());
    return from.map(f -> after - counter.applyAsLong(f.value())).orElse(after);
  }

  /** {@code before→after}, or {@code since boot}. */
  String describe() {
    return from.map(f -> phaseName(f.phase()) + "→" + phaseName(to.phase())).orElse("since boot");
  }

  /** The basis of a rate over this window: a rise and a total are never compared. */
  String basis() {
    return isDelta() ? "counters across the load" : "counters since boot (one snapshot)";
  }

  /** A phase's folder name, {@code no phase} for the unnamed one. */
  static String phaseName(Phase p) {
    return p == Phase.UNNAMED ? "no phase" : p.folder();
  }
}
