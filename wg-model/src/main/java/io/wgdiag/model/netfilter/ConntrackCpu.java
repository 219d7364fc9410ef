package io.wgdiag.model.netfilter;

import com.google.common.collect.ImmutableMap;
import org.immutables.value.Value;

/**
 * One CPU's connection-tracking counters from {@code conntrack -S}: {@code cpu=0 found=912345
 * invalid=12 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=120}.
 */
@Value.Immutable
public abstract class ConntrackCpu {

  /** The CPU number. */
  public abstract int cpu();

  /** Every counter as printed, by its key ({@code found}, {@code invalid}, ...), in printed order. */
  public abstract ImmutableMap<String, Long> counters();

  /** A counter, 0 when this conntrack-tools version does not print it. */
  public long get(String key) {
    return counters().getOrDefault(key, 0L);
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableConntrackCpu.Builder builder() {
    return ImmutableConntrackCpu.builder();
  }
}
