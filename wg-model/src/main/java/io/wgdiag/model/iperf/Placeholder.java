package io.wgdiag.model.iperf;

/** Keeps the exported package non-empty until its models land; delete it then. */
final class Placeholder {
  private Placeholder() {}
}
