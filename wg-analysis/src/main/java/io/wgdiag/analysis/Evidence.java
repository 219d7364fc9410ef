package io.wgdiag.analysis;

import org.immutables.value.Value;

/**
 * One fact behind a finding, with where it was read: {@code local/probe/pmtu.txt:7} — {@code DF
 * ping with 1412-byte payload (1440 on the wire): 0 of 3 answered}.
 */
@Value.Immutable
public abstract class Evidence {

  /** Where the fact was read ({@code file:line}). */
  @Value.Parameter
  public abstract String source();

  /** The fact, with its number and unit. */
  @Value.Parameter
  public abstract String fact();

  /** Evidence read at {@code source}. */
  public static Evidence of(Source source, String fact) {
    return ImmutableEvidence.of(source.toString(), fact);
  }

  /** Evidence with a free-form source (e.g. a derived comparison of two captures). */
  public static Evidence of(String source, String fact) {
    return ImmutableEvidence.of(source, fact);
  }
}
