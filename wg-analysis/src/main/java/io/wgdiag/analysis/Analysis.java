package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs analyzers over a {@link Case} and ranks what they find.
 *
 * <pre>{@code
 * Report r = Analysis.standard().run(kase);                      // every analyzer
 * Report m = Analysis.builder().only("mtu").build().run(kase);   // chosen ones
 * }</pre>
 *
 * <p>Ranking: findings that state one fact (same code, host and subject) are merged; then severity,
 * the playbook order ({@link Category}: connectivity, MTU, CPU, routing, peer, loss/queueing,
 * other), then confidence. A finding that the {@link CausalModel} says can explain another, on the
 * end or direction its row names, absorbs it: the symptom is listed in the cause's {@link
 * Finding#absorbed()} with the reason, instead of on its own. An analysis is immutable and
 * thread-safe.
 */
public final class Analysis {
  private final ImmutableList<Analyzer> analyzers;
  private final AnalysisConfig config;
  private final CausalModel causalModel;

  private Analysis(ImmutableList<Analyzer> analyzers, AnalysisConfig config) {
    this.analyzers = analyzers;
    this.config = config;
    List<CausalLink> more = new ArrayList<>();
    for (Analyzer a : analyzers) {
      more.addAll(a.causes());
    }
    this.causalModel = CausalModel.standard().with(more);
  }

  /** Every built-in analyzer plus those found through {@link ServiceLoader}, with default thresholds. */
  public static Analysis standard() {
    return builder().build();
  }

  /** A builder starting from every analyzer and the default thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /** The analyzers this analysis runs, in order. */
  public ImmutableList<Analyzer> analyzers() {
    return analyzers;
  }

  /** The causal model the ranking folds symptoms with: the built-in table plus the analyzers' rows. */
  public CausalModel causalModel() {
    return causalModel;
  }

  /** Runs every analyzer over {@code kase} and returns the ranked report. */
  public Report run(Case kase) {
    AnalysisContext ctx = new AnalysisContext(kase, config);
    List<String> ran = new ArrayList<>();
    for (Analyzer a : analyzers) {
      try {
        a.analyze(ctx);
      } catch (RuntimeException e) {
        // one broken analyzer (a plugin's, say) must not take the whole report down
        ctx.notAssessed("analyzer " + a.id(), "it failed: " + e, "report this as a bug, with the evidence");
      }
      ran.add(a.id());
    }
    List<Finding> ranked = rank(ctx.findings(), causalModel);
    // a check is ruled out only where no finding of its end contradicts it (another phase or peer
    // may have shown the problem the check did not)
    List<RuledOut> ruledOut = new ArrayList<>();
    for (RuledOut r : ctx.ruledOutList()) {
      Set<String> against = CONTRADICTED_BY.entrySet().stream().filter(e -> r.check().startsWith(e.getKey()))
          .flatMap(e -> e.getValue().stream()).collect(java.util.stream.Collectors.toSet());
      boolean contradicted = ctx.findings().stream().anyMatch(f -> f.host() == r.host() && against.contains(f.code()));
      if (!contradicted) {
        ruledOut.add(r);
      }
    }
    return Report.builder()
        .findings(ranked)
        .notAssessed(ctx.notAssessedList())
        .ruledOut(ruledOut)
        .lossAttributions(ctx.lossAttributions())
        .analyzers(ran)
        .build();
  }

  /** The built-in ruled-out checks (by the start of their name) and the codes that contradict them. */
  private static final Map<String, Set<String>> CONTRADICTED_BY = Map.ofEntries(
      Map.entry("route to the peer uses the tunnel", Set.of(Codes.ROUTE_NOT_VIA_TUNNEL)),
      Map.entry("a fresh handshake", Set.of(Codes.PEER_STALE_HANDSHAKE, Codes.PEER_NO_HANDSHAKE)),
      Map.entry("transfer counters move both ways", Set.of(Codes.PEER_ONE_WAY, Codes.TUNNEL_NO_TRAFFIC)),
      Map.entry("the tunnel carries traffic", Set.of(Codes.TUNNEL_NO_TRAFFIC, Codes.PEER_ONE_WAY)),
      Map.entry("CPU headroom", Set.of(Codes.CPU_PINNED, Codes.CPU_SATURATED)),
      Map.entry("qdisc drops", Set.of(Codes.QUEUE_QDISC_DROPS)),
      Map.entry("UDP socket buffer errors", Set.of(Codes.UDP_BUFFER_ERRORS)),
      Map.entry("underlay loss", Set.of(Codes.UNDERLAY_LOSS)),
      Map.entry("latency under load", Set.of(Codes.QUEUE_BUFFERBLOAT)),
      Map.entry("path MTU", Set.of(Codes.MTU_BLACKHOLE)),
      Map.entry("tunnel MTU fits", Set.of(Codes.MTU_MISMATCH)),
      Map.entry("loss between the ends", Set.of(Codes.PATH_LOSS)),
      Map.entry("loss on the path", Set.of(Codes.PATH_LOSS)));

  static final Comparator<Finding> RANKING =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::category)
          .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed());

  static List<Finding> rank(List<Finding> findings) {
    return rank(findings, CausalModel.standard());
  }

  /**
   * Merges the findings that state one fact (same code, host and subject), ranks them, and folds
   * each symptom into the best-ranked finding that the causal model says can explain it. Chains
   * are followed to their root: a symptom ends up under the cause that nothing else explains. Two
   * findings that explain each other both stay.
   */
  static List<Finding> rank(List<Finding> findings, CausalModel model) {
    List<Finding> sorted = merge(findings);
    sorted.sort(RANKING);
    int n = sorted.size();
    // the cause each finding is folded into, by index, and the link that says why
    int[] causeOf = new int[n];
    @Nullable CausalLink[] why = new CausalLink[n];
    java.util.Arrays.fill(causeOf, -1);
    // the findings of each code, and those whose analyzer says they explain a code, in rank order:
    // a gateway's report can hold thousands of findings, so no pairwise scan
    Map<String, List<Integer>> byCode = new java.util.HashMap<>();
    for (int j = 0; j < n; j++) {
      Finding c = sorted.get(j);
      byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(j);
      for (String e : c.explains()) {
        byCode.computeIfAbsent("explains " + e, k -> new ArrayList<>()).add(j);
      }
    }
    for (int i = 0; i < n; i++) {
      Finding f = sorted.get(i);
      List<List<Integer>> candidates = new ArrayList<>();
      for (String code : model.causesOf(f.code())) {
        candidates.add(byCode.getOrDefault(code, List.of()));
      }
      candidates.add(byCode.getOrDefault("explains " + f.code(), List.of()));
      int best = -1;
      CausalLink bestLink = null;
      for (List<Integer> list : candidates) {
        for (int j : list) {
          if (best >= 0 && j >= best) {
            break;
          }
          if (j == i) {
            continue;
          }
          Finding c = sorted.get(j);
          Optional<CausalLink> link = model.link(c, f);
          if (link.isEmpty() || model.link(f, c).isPresent()
              || !c.severity().atLeast(f.severity()) && !link.get().promotes()) {
            continue;
          }
          best = j;
          bestLink = link.get();
          break; // the best-ranked cause of this list
        }
      }
      causeOf[i] = best;
      why[i] = bestLink;
    }
    // follow each chain to its root (a cycle, which the model should not hold, keeps its members)
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      int r = i;
      int steps = 0;
      while (causeOf[r] >= 0 && steps++ < n) {
        r = causeOf[r];
      }
      root[i] = steps > n ? i : r;
    }
    Map<Integer, List<Integer>> absorbedBy = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (root[i] != i) {
        absorbedBy.computeIfAbsent(root[i], k -> new ArrayList<>()).add(i);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (root[i] != i) {
        continue;
      }
      Finding f = sorted.get(i);
      List<Integer> members = absorbedBy.get(i);
      if (members == null) {
        out.add(f);
        continue;
      }
      Severity severity = f.severity();
      List<Absorbed> absorbed = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (int m : members) {
        Finding s = sorted.get(m);
        CausalLink link = java.util.Objects.requireNonNull(why[m]);
        String via = causeOf[m] == i ? "" : " (through " + sorted.get(causeOf[m]).code() + ")";
        if (link.promotes() && !severity.atLeast(s.severity())) {
          severity = s.severity();
        }
        absorbed.add(Absorbed.builder().code(s.code()).host(s.host()).title(s.title())
            .reason(link.reason() + " [" + scopeText(link.scope(), sorted.get(causeOf[m]), s) + "]" + via)
            .evidence(s.evidence()).build());
        if (!codes.contains(s.code())) {
          codes.add(s.code());
        }
      }
      out.add(ImmutableFinding.copyOf(f).withSeverity(severity).withLinkedSymptoms(codes).withAbsorbed(absorbed));
    }
    out.sort(RANKING); // a promoted cause moves up
    return out;
  }

  private static String scopeText(Scope scope, Finding cause, Finding symptom) {
    return switch (scope) {
      case SAME_HOST -> "same end: " + cause.host().label();
      case OTHER_END -> cause.host().label() + " end explains the " + symptom.host().label() + " end";
      case EITHER_END -> cause.host().label() + " explains " + symptom.host().label();
      case SAME_DIRECTION -> cause.direction().or(symptom::direction).map(d -> "direction " + d.label())
          .orElse("same end: " + cause.host().label());
    };
  }

  /**
   * One finding per fact: findings of the same code, host and subject (seen in several phases or
   * files) become the first of them, at the worst severity and best confidence among them, with the
   * evidence of all.
   */
  static List<Finding> merge(List<Finding> findings) {
    Map<String, Integer> at = new java.util.HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      String key = f.code() + "\u0000" + f.host() + "\u0000" + f.subject();
      Integer i = at.get(key);
      if (i == null) {
        at.put(key, out.size());
        out.add(f);
        continue;
      }
      Finding first = out.get(i);
      Finding best = f.severity().ordinal() < first.severity().ordinal()
          || f.severity() == first.severity() && f.confidence() > first.confidence() ? f : first;
      Finding other = best == f ? first : f;
      List<Evidence> ev = new ArrayList<>(best.evidence());
      for (Evidence e : other.evidence()) {
        if (!ev.contains(e)) {
          ev.add(e);
        }
      }
      List<Action> actions = new ArrayList<>(best.actions());
      for (Action a : other.actions()) {
        if (!actions.contains(a)) {
          actions.add(a);
        }
      }
      out.set(i, ImmutableFinding.copyOf(best).withEvidence(ev).withActions(actions));
    }
    return out;
  }

  /** Builds an {@link Analysis}. */
  public static final class Builder {
    private final List<Analyzer> analyzers = new ArrayList<>(BuiltInAnalyzers.all());
    private AnalysisConfig config = AnalysisConfig.defaults();
    private boolean loadServices = true;

    private Builder() {}

    /** The thresholds to use. */
    public Builder config(AnalysisConfig newConfig) {
      this.config = newConfig;
      return this;
    }

    /** Adds an analyzer (after the built-in ones). */
    public Builder add(Analyzer analyzer) {
      analyzers.add(analyzer);
      return this;
    }

    /** Whether to add analyzers found through {@link ServiceLoader} (default true). */
    public Builder loadServices(boolean load) {
      this.loadServices = load;
      return this;
    }

    /** Keeps only the analyzers with these ids. */
    public Builder only(String... ids) {
      Set<String> keep = Set.of(ids);
      analyzers.removeIf(a -> !keep.contains(a.id()));
      loadServices = false;
      return this;
    }

    /** The analysis. */
    public Analysis build() {
      List<Analyzer> all = new ArrayList<>(analyzers);
      if (loadServices) {
        for (Analyzer a : ServiceLoader.load(Analyzer.class)) {
          if (all.stream().noneMatch(x -> x.id().equals(a.id()))) {
            all.add(a);
          }
        }
      }
      return new Analysis(ImmutableList.copyOf(all), config);
    }
  }
}
