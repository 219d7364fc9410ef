package io.wgdiag.analysis.internal;

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
 * totals since boot. The field guide asks again and again whether drops rise during iperf: a rise
 * under load matters more than a total since boot. Internal: not exported.
 *
 * @param from the earlier snapshot, empty for totals
 * @param to the later (or only) snapshot
 * @param <T> the counter model
 */
public record CounterWindow<T>(Optional<Fact<T>> from, Fact<T> to) {

  /** The window over every snapshot of {@code type} on {@code host}, if it has any. */
  public static <T> Optional<CounterWindow<T>> of(HostSnapshot host, Class<T> type) {
    return of(host, type, x -> true);
  }

  /** The window over the snapshots of {@code type} on {@code host} that pass {@code usable}, if any. */
  public static <T> Optional<CounterWindow<T>> of(HostSnapshot host, Class<T> type, Predicate<T> usable) {
    List<Fact<T>> all = host.facts(type).stream().filter(f -> usable.test(f.value())).toList();
    Optional<Fact<T>> before = last(all, Phase.BEFORE);
    Optional<Fact<T>> later = last(all, Phase.DURING).or(() -> last(all, Phase.AFTER));
    if (before.isPresent() && later.isPresent()) {
      return Optional.of(new CounterWindow<>(before, later.get()));
    }
    // Without a BEFORE and a later phase, only totals are known: two captures in one phase may be
    // two different tools (wg show and its dump, netstat and /proc/net/snmp), not two moments.
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
  public boolean isDelta() {
    return from.isPresent();
  }

  /** {@code to − from} of a counter, or {@code to}'s total without a {@code from}. */
  public long delta(ToLongFunction<T> counter) {
    long after = counter.applyAsLong(to.value());
    return from.map(f -> after - counter.applyAsLong(f.value())).orElse(after);
  }

  /** {@code before→after}, or {@code since boot}. */
  public String span() {
    return from.map(f -> phaseName(f.phase()) + "→" + phaseName(to.phase())).orElse("since boot");
  }

  /** The window with its sources, for evidence: {@code between before (FILE:LINE) and after (FILE:LINE)}. */
  public String evidence() {
    return from.map(f -> "between " + f.phase().folder() + " (" + f.source() + ") and " + to.phase().folder() + " (" + to.source() + ")")
        .orElse("since boot (a single snapshot: totals, not a rise under load)");
  }

  /** The basis of a rate over this window: a rise and a total are never compared. */
  public String basis() {
    return isDelta() ? "counters across the load" : "counters since boot (one snapshot)";
  }

  /** A phase's folder name, {@code no phase} for the unnamed one. */
  public static String phaseName(Phase p) {
    return p == Phase.UNNAMED ? "no phase" : p.folder();
  }
}
