package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import org.immutables.value.Value;

/** The rules {@code ip rule show} printed, in priority order. */
@Value.Immutable
public abstract class RuleSet {

  /** The rules. */
  @Value.Parameter
  public abstract ImmutableList<Rule> rules();

  /** The rules beyond the three defaults (local, main, default). */
  @View
  public ImmutableList<Rule> policyRules() {
    return rules().stream().filter(r -> !r.isDefaultRule()).collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableRuleSet.Builder builder() {
    return ImmutableRuleSet.builder();
  }
}
