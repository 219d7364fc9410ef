package io.wgdiag.analysis;

/** Where the evidence puts a problem: this host, the other end, or the path between them. */
public enum Location {
  /** The local host, the one the analysis is run for. */
  LOCAL("this host (local)"),
  /** The other tunnel end. */
  REMOTE("the other end (remote)"),
  /** Between the two ends: the underlay, a middlebox, the provider. */
  PATH("the path between the ends");

  private final String words;

  Location(String words) {
    this.words = words;
  }

  /** The location of a problem found on {@code host}. */
  public static Location of(Host host) {
    return host == Host.LOCAL ? LOCAL : REMOTE;
  }

  /** How a report says it: {@code this host (local)}. */
  public String words() {
    return words;
  }
}
