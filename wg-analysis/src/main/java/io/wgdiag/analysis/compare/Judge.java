package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Host;
import java.util.Optional;
import java.util.OptionalDouble;

/** Tells a change of one measure from noise, by the rule of its {@link Measure.Kind}. */
final class Judge {
  private final CompareConfig config;

  Judge(CompareConfig config) {
    this.config = config;
  }

  MeasureChange judge(Measure m, Host host, Optional<Reading> before, Optional<Reading> after) {
    if (before.isEmpty() || after.isEmpty()) {
      Change c = before.isEmpty() && after.isEmpty() ? Change.NOT_MEASURED : before.isEmpty() ? Change.MISSING_BEFORE : Change.MISSING_AFTER;
      String note = switch (c) {
        case NOT_MEASURED -> "captured on neither side";
        case MISSING_BEFORE -> "not captured before the change";
        default -> "not captured after the change";
      };
      return new MeasureChange(m, host, before, after, OptionalDouble.empty(), OptionalDouble.empty(), c, note);
    }
    Reading b = before.get();
    Reading a = after.get();
    OptionalDouble change = OptionalDouble.of(a.value() - b.value());
    if (!b.basis().equals(a.basis())) {
      return new MeasureChange(m, host, before, after, change, OptionalDouble.empty(), Change.NOT_COMPARABLE,
          "measured differently: before '" + b.basis() + "', after '" + a.basis() + "'; run the same test on both sides");
    }
    return switch (m.kind()) {
      case THROUGHPUT -> throughput(m, host, b, a, change);
      case RTT -> band(m, host, b, a, change, Math.max(config.rttFloorMillis(), config.rttRelative() * larger(b, a)),
          "the larger of " + Format.ms(config.rttFloorMillis()) + " and " + Math.round(config.rttRelative() * 100) + "% of the larger figure");
      case CPU -> band(m, host, b, a, change, config.cpuPoints(), "percentage points");
      case RATE -> rate(m, host, b, a, change);
      case SIZE -> size(m, host, b, a, change);
      case AGE -> age(m, host, b, a, change);
    };
  }

  private MeasureChange throughput(Measure m, Host host, Reading b, Reading a, OptionalDouble change) {
    double tol = config.throughputRelative() * larger(b, a);
    String rule = Math.round(config.throughputRelative() * 100) + "% of the larger figure";
    if (config.throughputIntervalSpread()) {
      double spread = Math.max(b.spread().orElse(0), a.spread().orElse(0));
      if (spread > tol) {
        tol = spread;
        rule = "the runs' interval spread, above " + Math.round(config.throughputRelative() * 100) + "% of the larger figure";
      }
    }
    return band(m, host, b, a, change, tol, rule);
  }

  /** A symmetric band of {@code tolerance} around the before figure. */
  private MeasureChange band(Measure m, Host host, Reading b, Reading a, OptionalDouble change, double tolerance, String rule) {
    double d = change.getAsDouble();
    if (Double.isInfinite(b.value()) && Double.isInfinite(a.value())) {
      return new MeasureChange(m, host, Optional.of(b), Optional.of(a), OptionalDouble.of(0), OptionalDouble.empty(), Change.NO_CHANGE,
          "nothing answered on either side");
    }
    if (Double.isInfinite(tolerance)) {
      tolerance = 0; // a before figure of "no reply": any answer is better
    }
    Change c = Math.abs(d) <= tolerance ? Change.NO_CHANGE : better(m, d) ? Change.IMPROVED : Change.WORSE;
    String note = (c == Change.NO_CHANGE ? "within the noise, ±" : "beyond the noise, ±") + Format.of(m.unit(), tolerance) + " (" + rule + ")";
    return new MeasureChange(m, host, Optional.of(b), Optional.of(a), change, OptionalDouble.of(tolerance), c, note);
  }

  private MeasureChange rate(Measure m, Host host, Reading b, Reading a, OptionalDouble change) {
    long min = config.rateMinimumTrials();
    if (b.trials() < min || a.trials() < min) {
      return new MeasureChange(m, host, Optional.of(b), Optional.of(a), change, OptionalDouble.empty(), Change.TOO_FEW_SAMPLES,
          "needs " + Format.count(min) + " on each side: before " + Format.count(b.trials()) + ", after " + Format.count(a.trials()));
    }
    double load = (double) Math.max(a.trials(), b.trials()) / Math.min(a.trials(), b.trials());
    if (load > config.rateLoadRatio()) {
      return new MeasureChange(m, host, Optional.of(b), Optional.of(a), change, OptionalDouble.empty(), Change.LOAD_DIFFERS,
          String.format(java.util.Locale.ROOT, "the load differed %.0f-fold (before %s, after %s), more than %.0f-fold: a per-packet rate "
              + "moves with the load, so it does not decide", load, Format.count(b.trials()), Format.count(a.trials()), config.rateLoadRatio()));
    }
    double z = config.rateConfidenceZ();
    double[] wb = wilson(b.events(), b.trials(), z);
    double[] wa = wilson(a.events(), a.trials(), z);
    boolean overlap = wb[0] <= wa[1] && wa[0] <= wb[1];
    double d = change.getAsDouble();
    double tolerance = Math.max(config.rateMinimumDifference(), config.rateRelative() * larger(b, a));
    boolean small = Math.abs(d) <= tolerance;
    Change c = overlap || small ? Change.NO_CHANGE : better(m, d) ? Change.IMPROVED : Change.WORSE;
    String note = "Wilson " + Math.round(confidence(z) * 100) + "%: before " + Format.share(wb[0]) + "–" + Format.share(wb[1])
        + ", after " + Format.share(wa[0]) + "–" + Format.share(wa[1])
        + (overlap ? " overlap" : " apart") + "; " + (small ? "within" : "beyond") + " ±" + Format.share(tolerance)
        + " (the larger of " + Format.share(config.rateMinimumDifference()) + " and " + Math.round(config.rateRelative() * 100)
        + "% of the larger rate)";
    return new MeasureChange(m, host, Optional.of(b), Optional.of(a), change, OptionalDouble.of(tolerance), c, note);
  }

  /** The Wilson score interval of {@code k} events in {@code n} trials, {@code [low, high]}. */
  static double[] wilson(long k, long n, double z) {
    if (n <= 0) {
      return new double[] {0, 1};
    }
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** The two-sided confidence of {@code z} (1.96 → 0.95), from the error function's approximation. */
  private static double confidence(double z) {
    double x = z / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return erf;
  }

  private MeasureChange size(Measure m, Host host, Reading b, Reading a, OptionalDouble change) {
    Change c = Change.NO_CHANGE;
    String note;
    if (a.value() > b.value() && b.failedAbove().isPresent() && b.failedAbove().getAsDouble() <= a.value()) {
      c = Change.IMPROVED;
      note = (int) a.value() + " bytes pass now; before, " + (int) b.failedAbove().getAsDouble() + " were lost";
    } else if (b.value() > a.value() && a.failedAbove().isPresent() && a.failedAbove().getAsDouble() <= b.value()) {
      c = Change.WORSE;
      note = (int) a.failedAbove().getAsDouble() + " bytes are lost now; before, " + (int) b.value() + " passed";
    } else if (a.value() != b.value()) {
      note = "the ladders probed different sizes: no size passed on one side and was lost on the other";
    } else {
      note = "the same largest size passed";
    }
    return new MeasureChange(m, host, Optional.of(b), Optional.of(a), change, OptionalDouble.empty(), c, note);
  }

  private MeasureChange age(Measure m, Host host, Reading b, Reading a, OptionalDouble change) {
    int sb = state(b.value());
    int sa = state(a.value());
    Change c = sa == sb ? Change.NO_CHANGE : sa < sb ? Change.IMPROVED : Change.WORSE;
    String note = "before " + STATES[sb] + ", after " + STATES[sa] + " (stale beyond " + config.handshakeStaleSeconds() + " s)";
    OptionalDouble d = Double.isNaN(change.getAsDouble()) ? OptionalDouble.of(0) : change;
    return new MeasureChange(m, host, Optional.of(b), Optional.of(a), d, OptionalDouble.empty(), c, note);
  }

  private static final String[] STATES = {"fresh", "stale", "never"};

  private int state(double ageSeconds) {
    return Double.isInfinite(ageSeconds) ? 2 : ageSeconds > config.handshakeStaleSeconds() ? 1 : 0;
  }

  /** The larger of the two figures: tolerances scale with it, so swapping the sides swaps the verdict. */
  private static double larger(Reading b, Reading a) {
    return Math.max(b.value(), a.value());
  }

  private static boolean better(Measure m, double difference) {
    return m.higherIsBetter() ? difference > 0 : difference < 0;
  }
}
