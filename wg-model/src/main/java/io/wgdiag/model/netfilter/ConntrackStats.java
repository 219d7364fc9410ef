package io.wgdiag.model.netfilter;

import com.google.common.collect.ImmutableList;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code conntrack -S} (per-CPU statistics), and {@code conntrack -C} or {@code
 * nf_conntrack_count} (a single number: the entries in the table).
 */
@Value.Immutable
public abstract class ConntrackStats {

  /** The per-CPU rows. */
  public abstract ImmutableList<ConntrackCpu> cpus();

  /** The entry count, when the output was a single number. */
  public abstract OptionalLong entries();

  /** The sum of {@code key} over all CPUs (lookups {@code found}, {@code invalid}, {@code insert_failed}, {@code drop}, {@code early_drop}, ...). */
  public long total(String key) {
    long t = 0;
    for (ConntrackCpu c : cpus()) {
      t += c.get(key);
    }
    return t;
  }

  /** A builder. */
  public static ImmutableConntrackStats.Builder builder() {
    return ImmutableConntrackStats.builder();
  }
}
