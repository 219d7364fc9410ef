package io.wgdiag.model.route;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One policy routing rule of {@code ip rule show}: {@code 1000:	from 10.60.0.0/24 lookup 100},
 * {@code 32765:	not from all fwmark 0xca6c lookup 51820}.
 */
@Value.Immutable
public abstract class Rule {

  /** The priority. */
  @Value.Parameter
  public abstract long priority();

  /** Whether the selector is inverted ({@code not}). */
  @Value.Parameter
  @Value.Default
  public boolean inverted() {
    return false;
  }

  /** The source selector: {@code all} or a prefix. */
  @Value.Parameter
  @Value.Default
  public String from() {
    return "all";
  }

  /** The destination selector ({@code to}). */
  @Value.Parameter
  public abstract Optional<String> to();

  /** The input interface ({@code iif}). */
  @Value.Parameter
  public abstract Optional<String> iif();

  /** The output interface ({@code oif}). */
  @Value.Parameter
  public abstract Optional<String> oif();

  /** The firewall mark. */
  @Value.Parameter
  public abstract OptionalLong fwmark();

  /** The firewall mark mask, when not all ones. */
  @Value.Parameter
  public abstract OptionalLong fwmask();

  /** The table looked up ({@code lookup}/{@code table}): a name or number. */
  @Value.Parameter
  public abstract Optional<String> table();

  /** A non-lookup action: {@code goto N}, {@code blackhole}, {@code unreachable}, {@code prohibit}, {@code nop}. */
  @Value.Parameter
  public abstract Optional<String> action();

  /** {@code suppress_prefixlength N}: routes with this prefix length (bits) or shorter are ignored. */
  @Value.Parameter
  public abstract OptionalInt suppressPrefixLength();

  /** {@code uidrange A-B}. */
  @Value.Parameter
  public abstract Optional<String> uidRange();

  /** Other selectors as printed ({@code ipproto}, {@code sport}, {@code dport}, {@code tos}, {@code proto}, ...). */
  @Value.Parameter
  public abstract ImmutableMap<String, String> other();

  /** Whether this is one of the three default rules (0 local, 32766 main, 32767 default). */
  public boolean isDefaultRule() {
    return !inverted() && from().equals("all") && to().isEmpty() && iif().isEmpty() && oif().isEmpty()
        && fwmark().isEmpty() && other().isEmpty() && uidRange().isEmpty() && suppressPrefixLength().isEmpty()
        && ((priority() == 0 && table().equals(Optional.of("local")))
            || (priority() == 32766 && table().equals(Optional.of("main")))
            || (priority() == 32767 && table().equals(Optional.of("default"))));
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableRule.Builder builder() {
    return ImmutableRule.builder();
  }
}
