package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One diagnosis: a stable code, how bad and how sure, the explanation in the field guide's terms
 * (what the numbers mean, what to decide), the evidence with its sources, and the actions.
 */
@Value.Immutable
public abstract class Finding {

  /** The stable code, e.g. {@code mtu.blackhole}; see {@link Codes}. */
  public abstract String code();

  /** How bad it is. */
  public abstract Severity severity();

  /** How sure the analyzer is, from 0 to 1. */
  public abstract double confidence();

  /** The playbook category, for ranking. */
  public abstract Category category();

  /** A one-line title with the key number. */
  public abstract String title();

  /** What the evidence means (the field guide's Meaning). */
  public abstract String explanation();

  /** What to decide next (the field guide's Decision). */
  public abstract String decision();

  /** Which tunnel end it is about. */
  @Value.Default
  public Host host() {
    return Host.LOCAL;
  }

  /**
   * What the finding is about, when one end can have several of the same code: a device, a route
   * prefix, a peer key. Findings of the same code, host and subject are one fact and the report
   * keeps one of them, with the evidence of all ("" when a code occurs once per end).
   */
  @Value.Default
  public String subject() {
    return "";
  }

  /**
   * The direction of traffic the finding sits on, when it has one: a receive-buffer overflow sits on
   * the traffic its host receives, a qdisc drop on the traffic its host sends.
   */
  public abstract Optional<Direction> direction();

  /**
   * Where the evidence puts the problem, when not simply on the end it was found on: {@link
   * Location#PATH} for loss no local counter explains, the underlay, a path MTU blackhole.
   */
  public abstract Optional<Location> location();

  /** Where the evidence puts the problem: {@link #location()}, else the end it was found on. */
  public Location where() {
    return location().orElse(Location.of(host()));
  }

  /** The facts behind it, each with its source. */
  public abstract ImmutableList<Evidence> evidence();

  /** The fixes, each with apply, verify and rollback commands. */
  public abstract ImmutableList<Action> actions();

  /**
   * Codes of symptoms this finding explains (e.g. {@code mtu.blackhole} explains {@code
   * tcp.retransmits}); the report links them here instead of listing them on their own.
   */
  public abstract ImmutableSet<String> explains();

  /** The codes of the symptoms the report folded into this finding (filled by the ranking). */
  public abstract ImmutableList<String> linkedSymptoms();

  /**
   * The symptoms the report folded into this finding, each with its host, title, evidence and the
   * causal model's reason (filled by the ranking; {@link #linkedSymptoms()} holds their codes).
   */
  public abstract ImmutableList<Absorbed> absorbed();

  /** Candidate explanations, most likely first, each with its evidence (e.g. for {@code tunnel.no-traffic}). */
  public abstract ImmutableList<LikelyCause> likelyCauses();

  /** Refuses a confidence outside [0, 1] (run by Immutables on every instance built). */
  @Value.Check
  protected void check() {
    if (!(confidence() >= 0 && confidence() <= 1)) {
      throw new IllegalStateException("confidence must be within [0, 1]: " + confidence());
    }
  }

  /** A builder. */
  public static ImmutableFinding.Builder builder() {
    return ImmutableFinding.builder();
  }
}
