package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of an analysis: findings ranked by severity, then the playbook order (MTU, CPU,
 * routing, peer, loss/queueing), then confidence; the checks that could not be made; the checks
 * that ran and ruled a cause out; and the two-ended loss decomposed by drop site.
 */
@Value.Immutable
public abstract class Report {

  /** The version of the report's JSON schema. */
  public static final int SCHEMA_VERSION = 2;

  /** The findings, best-ranked first. */
  public abstract ImmutableList<Finding> findings();

  /** What could not be assessed, with the commands that would supply it. */
  public abstract ImmutableList<NotAssessed> notAssessed();

  /** The checks that ran and found the tunnel fine, each with its evidence. */
  public abstract ImmutableList<RuledOut> ruledOut();

  /**
   * The loss between the two ends, per direction, decomposed by drop site (only when both ends were
   * captured before and after the same load).
   */
  public abstract ImmutableList<LossAttribution> lossAttributions();

  /** The ids of the analyzers that ran. */
  public abstract ImmutableList<String> analyzers();

  /** The first-ranked finding, if any. */
  public Optional<Finding> top() {
    return findings().isEmpty() ? Optional.empty() : Optional.of(findings().get(0));
  }

  /** The worst severity in the report, if any finding. */
  public Optional<Severity> worst() {
    return top().map(Finding::severity);
  }

  /** The findings with {@code code}. */
  public ImmutableList<Finding> withCode(String code) {
    return findings().stream().filter(f -> f.code().equals(code)).collect(ImmutableList.toImmutableList());
  }

  /** Whether a finding with {@code code} is present (not counting linked symptoms). */
  public boolean has(String code) {
    return findings().stream().anyMatch(f -> f.code().equals(code));
  }

  /** A builder. */
  public static ImmutableReport.Builder builder() {
    return ImmutableReport.builder();
  }
}
