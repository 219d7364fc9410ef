package io.wgdiag.analysis;

/** How bad a finding is, worst first. */
public enum Severity {
  /** The tunnel is broken or badly degraded by this; fix it first. */
  CRITICAL,
  /** A real problem that costs throughput or latency. */
  WARNING,
  /** Worth knowing; no action needed unless other evidence points here. */
  INFO;

  /** Whether this is at least as bad as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
