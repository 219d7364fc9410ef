package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/** {@code /proc/net/softnet_stat}: one row per online CPU. */
@Value.Immutable
public abstract class SoftnetStat {

  /** The rows. */
  public abstract ImmutableList<SoftnetRow> rows();

  /** A builder. */
  public static ImmutableSoftnetStat.Builder builder() {
    return ImmutableSoftnetStat.builder();
  }
}
