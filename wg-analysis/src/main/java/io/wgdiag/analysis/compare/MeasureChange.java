package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Host;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measure on one host, before and after, with the change and its judgement.
 *
 * @param measure the measure
 * @param host the tunnel end it was read on
 * @param before the reading before the change, if captured
 * @param after the reading after the change, if captured
 * @param change after − before, in the measure's unit, when both were read (infinite when a
 *     handshake appeared or vanished)
 * @param tolerance the noise band the change was held against, in the measure's unit, where one
 *     number states it (throughput, RTT, CPU); empty for rates, ladders and handshakes, whose rule
 *     {@code note} states
 * @param verdict what became of it
 * @param note how it was judged, e.g. {@code within ±10% (1.2 Mbit/s)} or {@code Wilson 95%: ...}
 */
public record MeasureChange(
    Measure measure,
    Host host,
    Optional<Reading> before,
    Optional<Reading> after,
    OptionalDouble change,
    OptionalDouble tolerance,
    Change verdict,
    String note) {

  /** Whether this change counts toward the overall verdict. */
  public boolean decides() {
    return measure.decides();
  }
}
