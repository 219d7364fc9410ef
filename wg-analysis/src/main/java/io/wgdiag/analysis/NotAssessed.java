package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/** A check that could not be made, why, and the commands that would supply the evidence. */
@Value.Immutable
public abstract class NotAssessed {

  /** The check, e.g. {@code path MTU (DF-ping ladder)}. */
  public abstract String check();

  /** Why it could not be made, e.g. {@code no ping -M do output}. */
  public abstract String reason();

  /** Commands to run to supply the evidence. */
  public abstract ImmutableList<String> collect();

  /** A value. */
  public static NotAssessed of(String check, String reason, String... collect) {
    return ImmutableNotAssessed.builder().check(check).reason(reason).addCollect(collect).build();
  }
}
