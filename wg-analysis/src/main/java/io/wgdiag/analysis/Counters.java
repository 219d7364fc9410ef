package io.wgdiag.analysis;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Counters compared across phases. A counter that rises during the load matters more than a total
 * since boot; the field guide says "if drops rise during iperf" again and again.
 *
 * <p>The pair of snapshots to compare is picked by {@link io.wgdiag.analysis.internal.CounterWindow}.
 */
final class Counters {
  private Counters() {}

  /** {@code part / whole}, 0 when {@code whole} is not positive. */
  static double ratio(long part, long whole) {
    return whole <= 0 ? 0 : (double) part / whole;
  }
}
