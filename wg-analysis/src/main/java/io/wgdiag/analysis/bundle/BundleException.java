package io.wgdiag.analysis.bundle;

/** Evidence that cannot be read at all: a missing path, a binary or truncated file. The message is one line. */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the path and the problem. */
  public BundleException(String message) {
    super(message);
  }
}
