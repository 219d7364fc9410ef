package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Host;
import java.util.Locale;
import java.util.Optional;

/**
 * One finding matched across the two captures: by its code, host and subject (the subject its
 * analyzer names, else its title with the numbers taken out), else by code and host in rank order
 * where a side names no subject; never by the full title, whose figures change from run to run.
 *
 * @param status resolved, new or persisting
 * @param code the finding code
 * @param host the tunnel end
 * @param before the finding before the change, if it was there
 * @param after the finding after the change, if it is there
 */
public record FindingChange(Status status, String code, Host host, Optional<Finding> before, Optional<Finding> after) {

  /** What became of a finding. */
  public enum Status {
    /** Present before, gone after. */
    RESOLVED,
    /** Absent before, present after. */
    NEW,
    /** Present on both sides. */
    PERSISTING;

    /** The JSON and text form: {@code resolved}, {@code new}, {@code persisting}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The finding as last seen: after if present, else before. */
  public Finding latest() {
    return after.or(() -> before).orElseThrow();
  }
}
