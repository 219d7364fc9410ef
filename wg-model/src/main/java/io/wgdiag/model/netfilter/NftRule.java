package io.wgdiag.model.netfilter;

import org.immutables.value.Value;

/**
 * One statement line of {@code nft list ruleset}, with the table and chain it sits in: {@code
 * oifname "wg0" tcp flags syn / syn,rst counter packets 0 bytes 0 tcp option maxseg size set rt mtu}.
 */
@Value.Immutable
public abstract class NftRule {

  /** The table's family: ip, ip6, inet, arp, bridge, netdev. */
  public abstract String family();

  /** The table name. */
  public abstract String table();

  /** The chain name ({@code ""} for statements outside a chain, such as set elements). */
  public abstract String chain();

  /** The rule as printed, trimmed. */
  public abstract String text();

  /** Whether this rule clamps TCP MSS ({@code tcp option maxseg size set rt mtu} or {@code set N}). */
  public boolean clampsMss() {
    return text().contains("maxseg size set");
  }

  /** Whether this rule drops or rejects ICMP destination-unreachable / frag-needed or ICMPv6 packet-too-big. */
  public boolean dropsPmtuIcmp() {
    String t = text();
    boolean drop = t.endsWith(" drop") || t.contains(" drop ") || t.contains(" reject");
    boolean icmp = t.contains("destination-unreachable") || t.contains("frag-needed") || t.contains("packet-too-big");
    return drop && icmp;
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /** A builder. */
  public static ImmutableNftRule.Builder builder() {
    return ImmutableNftRule.builder();
  }
}
