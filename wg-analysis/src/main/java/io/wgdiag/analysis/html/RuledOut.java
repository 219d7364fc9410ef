package io.wgdiag.analysis.html;

import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Report;
import java.util.List;

/**
 * A check the analysis made and found clean, with the evidence that clears it: the page's view of
 * the report's ruled-out list.
 *
 * @param check the check, e.g. {@code path MTU}
 * @param reason why it is ruled out, in a sentence
 * @param evidence the facts that clear it, with their sources
 */
record RuledOut(String check, String reason, List<Evidence> evidence) {

  /** The report's ruled-out checks (none until the report carries them). */
  static List<RuledOut> of(Report report) {
    return List.of();
  }
}
