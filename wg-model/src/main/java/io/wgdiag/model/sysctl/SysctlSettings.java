package io.wgdiag.model.sysctl;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Kernel settings as {@code sysctl} prints them: {@code net.core.rmem_max = 212992}.
 *
 * <p>Values are kept as printed (multi-value keys such as {@code net.ipv4.tcp_rmem = 4096 131072
 * 6291456} keep their blanks folded to one space); {@link #longValue(String)} and {@link
 * #longValues(String)} read numbers. A key printed on several lines keeps them all, joined with
 * {@code \n}.
 */
@Value.Immutable
public abstract class SysctlSettings {

  /** Each key and its value as printed, in input order. */
  @Value.Parameter
  public abstract ImmutableMap<String, String> values();

  /** The value of {@code key}, as printed. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values().get(key));
  }

  /** The value of {@code key} as a whole number, if it is one. */
  public OptionalLong longValue(String key) {
    String v = values().get(key);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The values of a multi-value key such as {@code net.ipv4.tcp_rmem} (min, default, max bytes),
   * or an empty array if the key is absent or any part is not a whole number.
   */
  public long[] longValues(String key) {
    String v = values().get(key);
    if (v == null || v.isBlank()) {
      return new long[0];
    }
    String[] parts = v.strip().split(" ");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Long.parseLong(parts[i]);
      } catch (NumberFormatException e) {
        return new long[0];
      }
    }
    return out;
  }

  /** A builder. */
  public static ImmutableSysctlSettings.Builder builder() {
    return ImmutableSysctlSettings.builder();
  }
}
