package io.wgdiag.model.cpu;

import com.google.common.collect.ImmutableMap;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One row of top's process table: {@code 934 root 20 0 0 0 0 S 62.0 0.0 31:22.11 ksoftirqd/0}. */
@Value.Immutable
public abstract class TopProcess {

  /** The process id. */
  public abstract long pid();

  /** The user. */
  public abstract String user();

  /** %CPU: percent of one CPU (can exceed 100 for threaded processes in Irix mode). */
  public abstract OptionalDouble cpuPercent();

  /** %MEM: percent of physical memory. */
  public abstract OptionalDouble memPercent();

  /** The command name (cut with {@code +} when too wide). */
  public abstract String command();

  /** Every column as printed, by header name. */
  public abstract ImmutableMap<String, String> fields();

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
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableTopProcess.Builder builder() {
    return ImmutableTopProcess.builder();
  }
}
