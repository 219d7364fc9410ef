package io.wgdiag.model.netfilter;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import org.immutables.value.Value;

/** The rules of {@code iptables -S} or {@code iptables-save} (also ip6tables), in printed order. */
@Value.Immutable
public abstract class IptablesRules {

  /** The rules, policies and chain declarations. */
  @Value.Parameter
  public abstract ImmutableList<IptablesRule> rules();

  /** The rules that clamp TCP MSS. */
  @View
  public ImmutableList<IptablesRule> mssClamps() {
    return rules().stream().filter(IptablesRule::clampsMss).collect(ImmutableList.toImmutableList());
  }

  /** The rules that drop the ICMP messages path MTU discovery depends on. */
  @View
  public ImmutableList<IptablesRule> pmtuIcmpDrops() {
    return rules().stream().filter(IptablesRule::dropsPmtuIcmp).collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableIptablesRules.Builder builder() {
    return ImmutableIptablesRules.builder();
  }
}
