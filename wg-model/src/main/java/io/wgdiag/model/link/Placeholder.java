package io.wgdiag.model.link;

/** Keeps the exported package non-empty until its models land; delete it then. */
final class Placeholder {
  private Placeholder() {}
}
