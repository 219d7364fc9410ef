package io.wgdiag.analysis;

import java.util.Locale;

/** Which tunnel end a piece of evidence comes from. */
public enum Host {
  /** The host the analysis is run for (the sender in a load test). */
  LOCAL,
  /** The other tunnel end. */
  REMOTE;

  /** {@code local} or {@code remote}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
