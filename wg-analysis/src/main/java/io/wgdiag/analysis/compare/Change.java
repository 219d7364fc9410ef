package io.wgdiag.analysis.compare;

import java.util.Locale;

/** What became of one measure between the two captures. */
public enum Change {
  /** Better by more than the noise. */
  IMPROVED,
  /** Worse by more than the noise. */
  WORSE,
  /** The difference is inside the noise. */
  NO_CHANGE,
  /** A rate over fewer packets or segments than {@link CompareConfig#rateMinimumTrials()} on a side. */
  TOO_FEW_SAMPLES,
  /**
   * A rate over loads more than {@link CompareConfig#rateLoadRatio()} apart: drops and retransmits
   * per packet rise with the load, so the rate is shown and does not decide.
   */
  LOAD_DIFFERS,
  /** Measured differently on the two sides (another iperf3 load, totals against a rise): not compared. */
  NOT_COMPARABLE,
  /** Captured after the change only. */
  MISSING_BEFORE,
  /** Captured before the change only. */
  MISSING_AFTER,
  /** Captured on neither side. */
  NOT_MEASURED;

  /** The JSON and text form: {@code no-change}, {@code missing-after}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the evidence needed to judge it is missing from one side or does not match. */
  public boolean lacksEvidence() {
    return this == MISSING_BEFORE || this == MISSING_AFTER || this == NOT_COMPARABLE;
  }
}
