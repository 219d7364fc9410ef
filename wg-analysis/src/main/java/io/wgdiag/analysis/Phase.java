package io.wgdiag.analysis;

import java.util.Locale;
import java.util.Optional;

/** When on a host a piece of evidence was captured. */
public enum Phase {
  /** Before the load test: the idle baseline. */
  BEFORE,
  /** During the load test (iperf3 running). */
  DURING,
  /** After the load test. */
  AFTER,
  /** Active probes: the DF-ping ladder, the underlay ping, tracepath. */
  PROBE,
  /** No phase: a transcript pasted as one piece, or files outside any phase folder. */
  UNNAMED;

  /** The folder name of this phase in a bundle ({@code before}, ...), or "" for UNNAMED. */
  public String folder() {
    return this == UNNAMED ? "" : name().toLowerCase(Locale.ROOT);
  }

  /** The phase a bundle folder name stands for, if any. */
  public static Optional<Phase> ofFolder(String name) {
    for (Phase p : values()) {
      if (p != UNNAMED && p.folder().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
