package io.wgdiag.model.netfilter;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of {@code iptables -S} / {@code iptables-save}: {@code -A FORWARD -o wg0 -p tcp -m tcp
 * --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --clamp-mss-to-pmtu}, {@code -P INPUT ACCEPT}, {@code
 * -N WG}.
 */
@Value.Immutable
public abstract class IptablesRule {

  /** The table ({@code *mangle} in iptables-save); {@code filter} unless stated. */
  @Value.Parameter
  @Value.Default
  public String table() {
    return "filter";
  }

  /** The command: {@code -A} (append), {@code -I}, {@code -P} (policy), {@code -N} (new chain), {@code :} (save chain line). */
  @Value.Parameter
  public abstract String command();

  /** The chain. */
  @Value.Parameter
  public abstract String chain();

  /** The policy of {@code -P} and save chain lines ({@code ACCEPT}, {@code DROP}). */
  @Value.Parameter
  public abstract Optional<String> policy();

  /** The match tokens before {@code -j}, as printed ({@code !} kept). */
  @Value.Parameter
  public abstract ImmutableList<String> matches();

  /** The target of {@code -j}/{@code -g}. */
  @Value.Parameter
  public abstract Optional<String> target();

  /** The target's options after the target ({@code --clamp-mss-to-pmtu}, {@code --set-mss 1360}). */
  @Value.Parameter
  public abstract ImmutableList<String> targetOptions();

  /** The line as printed. */
  @Value.Parameter
  @Value.Auxiliary
  public abstract String text();

  /** The value after option {@code name} among the matches ({@code -o} → {@code wg0}). */
  public Optional<String> option(String name) {
    for (int i = 0; i + 1 < matches().size(); i++) {
      if (matches().get(i).equals(name)) {
        return Optional.of(matches().get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** Whether this rule clamps TCP MSS ({@code TCPMSS --clamp-mss-to-pmtu} or {@code --set-mss N}). */
  public boolean clampsMss() {
    return target().map(t -> t.equals("TCPMSS")).orElse(false);
  }

  /**
   * Whether this rule drops or rejects ICMP destination-unreachable/fragmentation-needed (type 3,
   * 3/4) or ICMPv6 packet-too-big (type 2): the messages path MTU discovery depends on.
   */
  public boolean dropsPmtuIcmp() {
    boolean drop = target().map(t -> t.equals("DROP") || t.equals("REJECT")).orElse(false);
    if (!drop) {
      return false;
    }
    Optional<String> t4 = option("--icmp-type");
    Optional<String> t6 = option("--icmpv6-type");
    boolean v4 = t4.map(t -> t.equals("3") || t.equals("3/4") || t.equals("destination-unreachable")
        || t.equals("fragmentation-needed")).orElse(false);
    boolean v6 = t6.map(t -> t.equals("2") || t.equals("packet-too-big")).orElse(false);
    return v4 || v6;
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Parameter
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableIptablesRule.Builder builder() {
    return ImmutableIptablesRule.builder();
  }
}
