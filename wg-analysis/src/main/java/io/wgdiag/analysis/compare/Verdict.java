package io.wgdiag.analysis.compare;

import java.util.Locale;

/** The field guide's checklist C: keep the change, roll it back, or measure again. */
public enum Verdict {
  /** Something improved beyond the noise and nothing got worse. */
  KEEP,
  /** Something got worse, or nothing improved: "roll back if nothing improved". */
  ROLL_BACK,
  /** The evidence needed is missing from one side (or was measured differently); the reason names the commands. */
  INCONCLUSIVE;

  /** The JSON and text form: {@code keep}, {@code roll-back}, {@code inconclusive}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
