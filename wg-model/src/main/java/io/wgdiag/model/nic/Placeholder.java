package io.wgdiag.model.nic;

/** Keeps the exported package non-empty until its models land; delete it then. */
final class Placeholder {
  private Placeholder() {}
}
