package io.wgdiag.analysis;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Counters compared across phases. A counter that rises during the load matters more than a total
 * since boot; the field guide says "if drops rise during iperf" again and again.
 *
 * <p>{@link #window} picks the pair of snapshots to compare: BEFORE against DURING (else AFTER);
 * without both, only totals are known and the window says so.
 */
final class Counters {
  private Counters() {}

  /**
   * Two snapshots of one model type: {@code from} and {@code to}, or only {@code to} when there is
   * one snapshot (a total, not a delta).
   */
  record Window<T>(Optional<Fact<T>> from, Fact<T> to) {
    boolean isDelta() {
      return from.isPresent();
    }

    /** {@code to − from} of a counter, or the total of {@code to} when there is no {@code from}. */
    long delta(Function<T, Long> counter) {
      long after = counter.apply(to.value());
      return from.map(f -> after - counter.apply(f.value())).orElse(after);
    }

    /** How the window reads in evidence: {@code "rose by"} or {@code "total"}. */
    String describe() {
      return from.map(f -> "between " + f.phase().folder() + " (" + f.source() + ") and " + to.phase().folder() + " (" + to.source() + ")")
          .orElse("since boot (a single snapshot: totals, not a rise under load)");
    }
  }

  /** The comparison window for {@code type} on {@code host}, if it has any snapshot. */
  static <T> Optional<Window<T>> window(HostSnapshot host, Class<T> type) {
    return window(host, type, x -> true);
  }

  /** The comparison window over the snapshots of {@code type} that pass {@code usable} (e.g. those with counters). */
  static <T> Optional<Window<T>> window(HostSnapshot host, Class<T> type, java.util.function.Predicate<T> usable) {
    List<Fact<T>> all = host.facts(type).stream().filter(f -> usable.test(f.value())).toList();
    Optional<Fact<T>> before = last(all, Phase.BEFORE);
    Optional<Fact<T>> later = last(all, Phase.DURING).or(() -> last(all, Phase.AFTER));
    if (before.isPresent() && later.isPresent()) {
      return Optional.of(new Window<>(before, later.get()));
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    // Without a BEFORE and a later phase, only totals are known: two captures in one phase may be
    // two different tools (wg show and its dump, netstat and /proc/net/snmp), not two moments.
    return Optional.of(new Window<>(Optional.empty(), all.get(all.size() - 1)));
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

  /** {@code part / whole}, 0 when {@code whole} is not positive. */
  static double ratio(long part, long whole) {
    return whole <= 0 ? 0 : (double) part / whole;
  }
}
