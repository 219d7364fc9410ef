package io.wgdiag.model.netfilter;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableLongArray;
import org.immutables.value.Value;

/**
 * One CPU's connection-tracking counters from {@code conntrack -S}: {@code cpu=0 found=912345
 * invalid=12 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=120}.
 *
 * <p>Held as columns: the counter names (one list shared by every CPU that prints the same ones)
 * and their values as primitive longs, so a 256-CPU host costs an array per CPU, not a map of boxed
 * counts. {@link #counters()} gives the map view.
 */
@Value.Immutable
public abstract class ConntrackCpu {

  /** The CPU number. */
  @Value.Parameter
  public abstract int cpu();

  /** The counter names in printed order ({@code found}, {@code invalid}, ...); see {@link #counters()}. */
  @Value.Parameter
  abstract ImmutableList<String> names();

  /** The counter values, one per name (counts). */
  @Value.Parameter
  abstract ImmutableLongArray values();

  /** Refuses a row with more or fewer values than names (run by Immutables on every instance built). */
  @Value.Check
  protected void check() {
    if (names().size() != values().length()) {
      throw new IllegalStateException(names().size() + " counter names but " + values().length() + " values");
    }
  }

  /** Every counter as printed, by its key ({@code found}, {@code invalid}, ...), in printed order (counts). */
  @Value.Lazy
  public ImmutableMap<String, Long> counters() {
    ImmutableMap.Builder<String, Long> b = ImmutableMap.builderWithExpectedSize(names().size());
    for (int i = 0; i < names().size(); i++) {
      b.put(names().get(i), values().get(i));
    }
    return b.buildOrThrow();
  }

  /** A counter (count), 0 when this conntrack-tools version does not print it. */
  public long get(String key) {
    int i = names().indexOf(key);
    return i < 0 ? 0 : values().get(i);
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /**
   * A row from its columns: a names list that is already immutable is kept, not copied, so rows
   * printing the same counters share it.
   */
  public static ConntrackCpu of(int cpu, ImmutableList<String> names, ImmutableLongArray values, int line) {
    return ImmutableConntrackCpu.of(cpu, names, values, line);
  }

  /** A builder: {@code names} and {@code values} in step, one value per name. */
  public static ImmutableConntrackCpu.Builder builder() {
    return ImmutableConntrackCpu.builder();
  }
}
