package io.wgdiag.analysis.compare;

import com.google.common.collect.ImmutableList;
import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Two captures of one tunnel compared, before and after a change: the field guide's measures
 * (each before, after, change and verdict), the findings resolved, new and persisting, and one
 * verdict with its reason.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(before, after);
 * if (c.verdict() == Verdict.ROLL_BACK) { ... c.reason() ... }
 * }</pre>
 *
 * <p>The verdict, in order: something worse beyond the noise (a deciding measure, or a finding at
 * {@link CompareConfig#decidingSeverity()} that is new or rose to it) is {@link Verdict#ROLL_BACK};
 * else a deciding measure captured on one side only, or measured differently, is {@link
 * Verdict#INCONCLUSIVE}, naming the commands that would supply it; else something improved (a
 * measure, or such a finding resolved) is {@link Verdict#KEEP}; else nothing improved and it is
 * {@link Verdict#ROLL_BACK}. With no measure captured on both sides it is inconclusive.
 */
public final class Comparison {

  /** The version of the comparison's JSON schema ({@code docs/compare.schema.json}). */
  public static final int SCHEMA_VERSION = 1;

  private final ImmutableList<MeasureChange> measures;
  private final ImmutableList<FindingChange> findings;
  private final Report beforeReport;
  private final Report afterReport;
  private final Verdict verdict;
  private final String reason;
  private final ImmutableList<String> improved;
  private final ImmutableList<String> worse;
  private final ImmutableList<String> collect;

  private Comparison(List<MeasureChange> measures, List<FindingChange> findings, Report beforeReport, Report afterReport,
      Verdict verdict, String reason, List<String> improved, List<String> worse, List<String> collect) {
    this.measures = ImmutableList.copyOf(measures);
    this.findings = ImmutableList.copyOf(findings);
    this.beforeReport = beforeReport;
    this.afterReport = afterReport;
    this.verdict = verdict;
    this.reason = reason;
    this.improved = ImmutableList.copyOf(improved);
    this.worse = ImmutableList.copyOf(worse);
    this.collect = ImmutableList.copyOf(collect);
  }

  /** Compares two cases with the standard analysis and the default tolerances. */
  public static Comparison of(Case before, Case after) {
    return of(before, after, CompareConfig.defaults());
  }

  /** Compares two cases with the standard analysis and {@code config}'s tolerances. */
  public static Comparison of(Case before, Case after, CompareConfig config) {
    Analysis analysis = Analysis.standard();
    return of(before, analysis.run(before), after, analysis.run(after), config);
  }

  /** Compares two cases whose reports were already made (by any analysis). */
  public static Comparison of(Case before, Report beforeReport, Case after, Report afterReport, CompareConfig config) {
    Judge judge = new Judge(config);
    List<MeasureChange> measures = new ArrayList<>();
    for (Host host : Host.values()) {
      Optional<HostSnapshot> hb = before.host(host).filter(h -> !h.isEmpty());
      Optional<HostSnapshot> ha = after.host(host).filter(h -> !h.isEmpty());
      for (Measure m : Measure.values()) {
        Optional<Reading> rb = hb.flatMap(h -> m.read(h, before));
        Optional<Reading> ra = ha.flatMap(h -> m.read(h, after));
        MeasureChange c = judge.judge(m, host, rb, ra);
        // the local host lists every measure (what was not measured is worth seeing); the remote end only what it has
        if (host == Host.LOCAL || c.verdict() != Change.NOT_MEASURED) {
          measures.add(c);
        }
      }
    }
    List<FindingChange> findings = FindingMatcher.match(beforeReport.findings(), afterReport.findings());

    List<String> worse = new ArrayList<>();
    List<String> improved = new ArrayList<>();
    List<String> lacking = new ArrayList<>();
    Set<String> collect = new LinkedHashSet<>();
    String peer = after.peerTunnelAddress().or(before::peerTunnelAddress).orElse("<peer>");
    int compared = 0;
    for (MeasureChange c : measures) {
      if (!c.decides()) {
        continue;
      }
      String name = c.measure().label() + " (" + c.host().label() + ")";
      switch (c.verdict()) {
        case WORSE -> worse.add(name + " " + figures(c));
        case IMPROVED -> improved.add(name + " " + figures(c));
        case MISSING_BEFORE, MISSING_AFTER, NOT_COMPARABLE -> {
          lacking.add(name + ": " + c.note());
          for (String cmd : c.measure().collect(peer)) {
            collect.add(c.host() == Host.REMOTE ? cmd + "   # on the remote end" : cmd);
          }
        }
        default -> { }
      }
      if (c.before().isPresent() && c.after().isPresent()) {
        compared++;
      }
    }
    for (FindingChange f : findings) {
      int sb = f.before().map(x -> x.severity().ordinal()).orElse(Integer.MAX_VALUE);
      int sa = f.after().map(x -> x.severity().ordinal()).orElse(Integer.MAX_VALUE);
      int deciding = config.decidingSeverity().ordinal();
      String name = f.code() + " (" + f.host().label() + ")";
      if (sa <= deciding && sb > deciding) {
        worse.add((f.status() == FindingChange.Status.NEW ? "new finding " : "finding rose to " + f.latest().severity().name().toLowerCase(java.util.Locale.ROOT) + " ")
            + name);
      } else if (sb <= deciding && sa > deciding) {
        improved.add((f.status() == FindingChange.Status.RESOLVED ? "resolved " : "eased ") + name);
      }
    }

    Verdict verdict;
    String reason;
    if (!worse.isEmpty()) {
      verdict = Verdict.ROLL_BACK;
      reason = "worse: " + String.join("; ", worse);
    } else if (!lacking.isEmpty()) {
      verdict = Verdict.INCONCLUSIVE;
      reason = "the evidence needed is missing from one side: " + String.join("; ", lacking);
    } else if (!improved.isEmpty()) {
      verdict = Verdict.KEEP;
      reason = "improved: " + String.join("; ", improved) + "; nothing got worse beyond the noise";
    } else if (compared == 0) {
      verdict = Verdict.INCONCLUSIVE;
      reason = "no measure was captured on both sides";
      for (Measure m : Measure.values()) {
        if (m.decides()) {
          collect.addAll(m.collect(peer));
        }
      }
    } else {
      verdict = Verdict.ROLL_BACK;
      reason = "nothing improved beyond the noise (" + compared + " measures compared on both sides)";
    }
    return new Comparison(measures, findings, beforeReport, afterReport, verdict, reason, improved, worse, new ArrayList<>(collect));
  }

  /** {@code 0 bit/s → 905 Mbit/s}: the two figures of a change, short. */
  private static String figures(MeasureChange c) {
    return figure(c.measure(), c.before().orElseThrow()) + " → " + figure(c.measure(), c.after().orElseThrow());
  }

  private static String figure(Measure m, Reading r) {
    return m.kind() == Measure.Kind.SIZE ? (r.value() == 0 ? "none" : Format.of(m.unit(), r.value())) : Format.of(m.unit(), r.value());
  }

  /** Every measure on each host: the local host's all, the remote end's where either side has it. */
  public ImmutableList<MeasureChange> measures() {
    return measures;
  }

  /** The findings, resolved first, then new, then persisting, each in its report's rank order. */
  public ImmutableList<FindingChange> findings() {
    return findings;
  }

  /** The findings with {@code status}. */
  public ImmutableList<FindingChange> findings(FindingChange.Status status) {
    return findings.stream().filter(f -> f.status() == status).collect(ImmutableList.toImmutableList());
  }

  /** The analysis of the capture before the change. */
  public Report beforeReport() {
    return beforeReport;
  }

  /** The analysis of the capture after the change. */
  public Report afterReport() {
    return afterReport;
  }

  /** Keep, roll back or inconclusive. */
  public Verdict verdict() {
    return verdict;
  }

  /** Why, in one sentence naming the measures and findings that decided it. */
  public String reason() {
    return reason;
  }

  /** What improved beyond the noise (deciding measures and findings), one line each. */
  public ImmutableList<String> improved() {
    return improved;
  }

  /** What got worse beyond the noise (deciding measures and findings), one line each. */
  public ImmutableList<String> worse() {
    return worse;
  }

  /** The commands that would supply the missing evidence (when inconclusive, or whatever lacked it). */
  public ImmutableList<String> collect() {
    return collect;
  }

  /** The change of {@code measure} on {@code host}, if listed. */
  public Optional<MeasureChange> measure(Measure measure, Host host) {
    return measures.stream().filter(c -> c.measure() == measure && c.host() == host).findFirst();
  }

  /** Findings matched, a package-private helper kept beside its one user. */
  static final class FindingMatcher {
    private FindingMatcher() {}

    static List<FindingChange> match(List<Finding> before, List<Finding> after) {
      Finding[] pair = new Finding[before.size()];
      boolean[] taken = new boolean[after.size()];
      // first the same code, host and subject; then the same code and host in rank order, unless both
      // name their subjects and the subjects differ (a drop on another device is another fact)
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < before.size(); i++) {
          if (pair[i] != null) {
            continue;
          }
          Finding b = before.get(i);
          for (int j = 0; j < after.size(); j++) {
            Finding a = after.get(j);
            boolean sameThing = pass == 0 ? subject(a).equals(subject(b)) : a.subject().isEmpty() || b.subject().isEmpty();
            if (!taken[j] && a.code().equals(b.code()) && a.host() == b.host() && sameThing) {
              pair[i] = a;
              taken[j] = true;
              break;
            }
          }
        }
      }
      List<FindingChange> resolved = new ArrayList<>();
      List<FindingChange> persisting = new ArrayList<>();
      List<FindingChange> fresh = new ArrayList<>();
      for (int i = 0; i < before.size(); i++) {
        Finding b = before.get(i);
        Finding a = pair[i];
        if (a == null) {
          resolved.add(new FindingChange(FindingChange.Status.RESOLVED, b.code(), b.host(), Optional.of(b), Optional.empty()));
        } else {
          persisting.add(new FindingChange(FindingChange.Status.PERSISTING, b.code(), b.host(), Optional.of(b), Optional.of(a)));
        }
      }
      for (int j = 0; j < after.size(); j++) {
        if (!taken[j]) {
          Finding a = after.get(j);
          fresh.add(new FindingChange(FindingChange.Status.NEW, a.code(), a.host(), Optional.empty(), Optional.of(a)));
        }
      }
      List<FindingChange> out = new ArrayList<>(resolved);
      out.addAll(fresh);
      out.addAll(persisting);
      return out;
    }

    /**
     * A finding's subject: the one its analyzer names ({@link Finding#subject()}: a device, a peer
     * key), else its title with every number taken out ({@code qdisc tbf on la# dropped # packets}),
     * so the same problem on the same thing matches while its figures move.
     */
    static String subject(Finding f) {
      return f.subject().isEmpty() ? "title: " + f.title().replaceAll("\\d+(?:[.,]\\d+)*", "#") : "subject: " + f.subject();
    }
  }
}
