package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One row of top's process table: {@code 934 root 20 0 0 0 0 S 62.0 0.0 31:22.11 ksoftirqd/0}.
 *
 * <p>The columns are held as two lists: the header's names (one list shared by every row under the
 * same header) and this row's values in step, so a row costs one array, not a map entry per
 * column. {@link #fields()} gives the map view.
 */
@Value.Immutable
public abstract class TopProcess {

  /** The process id. */
  @Value.Parameter
  public abstract long pid();

  /** The user. */
  @Value.Parameter
  public abstract String user();

  /** %CPU: percent of one CPU (can exceed 100 for threaded processes in Irix mode). */
  @Value.Parameter
  public abstract OptionalDouble cpuPercent();

  /** %MEM: percent of physical memory. */
  @Value.Parameter
  public abstract OptionalDouble memPercent();

  /** The command name (cut with {@code +} when too wide). */
  @Value.Parameter
  public abstract String command();

  /** The header names of {@link #values()}, in printed order, each once; see {@link #fields()}. */
  @Value.Parameter
  abstract ImmutableList<String> columns();

  /** The values as printed, one per column name. */
  @Value.Parameter
  abstract ImmutableList<String> values();

  @Value.Check
  protected void check() {
    if (columns().size() != values().size()) {
      throw new IllegalStateException(columns().size() + " column names but " + values().size() + " values");
    }
  }

  /** Every column as printed, by header name, in printed order. */
  @Value.Lazy
  public ImmutableMap<String, String> fields() {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builderWithExpectedSize(columns().size());
    for (int i = 0; i < columns().size(); i++) {
      b.put(columns().get(i), values().get(i));
    }
    return b.buildOrThrow();
  }

  /** Whether this is a softirq kernel thread ({@code ksoftirqd/N}): network receive load shows here. */
  public boolean isKsoftirqd() {
    return command().startsWith("ksoftirqd/");
  }

  /** The CPU of a per-CPU kernel thread ({@code ksoftirqd/3} → 3). */
  public OptionalInt perCpuThreadCpu() {
    int slash = command().indexOf('/');
    if (slash < 0) {
      return OptionalInt.empty();
    }
    String n = command().substring(slash + 1);
    int colon = n.indexOf(':');
    if (colon >= 0) {
      n = n.substring(0, colon);
    }
    return !n.isEmpty() && n.length() < 6 && n.chars().allMatch(Character::isDigit) ? OptionalInt.of(Integer.parseInt(n)) : OptionalInt.empty();
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /**
   * A row from its columns: {@code columns} (each name once) and {@code values} in step; lists that
   * are already immutable are kept, not copied, so rows under one header share their names.
   */
  public static TopProcess of(long pid, String user, OptionalDouble cpuPercent, OptionalDouble memPercent, String command,
      List<String> columns, List<String> values, int line) {
    return ImmutableTopProcess.of(pid, user, cpuPercent, memPercent, command, (Iterable<String>) columns,
        (Iterable<String>) values, line);
  }

  /** A builder. */
  public static ImmutableTopProcess.Builder builder() {
    return ImmutableTopProcess.builder();
  }
}
