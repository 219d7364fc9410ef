package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * One candidate explanation a finding names, in the order the evidence supports them: "no
 * handshake", "the route", "the endpoint went away after an address change".
 */
@Value.Immutable
public abstract class LikelyCause {

  /** The code of the finding that supports it, or "" when no finding of its own does. */
  @Value.Default
  public String code() {
    return "";
  }

  /** A short name of the cause, e.g. {@code no handshake}. */
  public abstract String cause();

  /** What the evidence says about it. */
  public abstract String explanation();

  /** The facts behind it, each with its source. */
  public abstract ImmutableList<Evidence> evidence();

  /** A builder. */
  public static ImmutableLikelyCause.Builder builder() {
    return ImmutableLikelyCause.builder();
  }
}
