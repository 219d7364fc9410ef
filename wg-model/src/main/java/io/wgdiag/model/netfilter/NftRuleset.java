package io.wgdiag.model.netfilter;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.View;
import org.immutables.value.Value;

/** {@code nft list ruleset}: every rule with its table and chain, and each base chain's hook and policy. */
@Value.Immutable
public abstract class NftRuleset {

  /** The rules, in printed order. */
  public abstract ImmutableList<NftRule> rules();

  /** Base chains ({@code family table chain}) and their {@code type ... hook ... priority ...; policy ...;} line. */
  public abstract ImmutableMap<String, String> baseChains();

  /** The rules that clamp TCP MSS. */
  @View
  public ImmutableList<NftRule> mssClamps() {
    return rules().stream().filter(NftRule::clampsMss).collect(ImmutableList.toImmutableList());
  }

  /** The rules that drop the ICMP PMTU discovery needs. */
  @View
  public ImmutableList<NftRule> pmtuIcmpDrops() {
    return rules().stream().filter(NftRule::dropsPmtuIcmp).collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableNftRuleset.Builder builder() {
    return ImmutableNftRuleset.builder();
  }
}
