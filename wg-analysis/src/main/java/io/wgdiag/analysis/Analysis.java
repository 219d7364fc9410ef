package io.wgdiag.analysis;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs analyzers over a {@link Case} and ranks what they find.
 *
 * <pre>{@code
 * Report r = Analysis.standard().run(kase);                      // every analyzer
 * Report m = Analysis.builder().only("mtu").build().run(kase);   // chosen ones
 * }</pre>
 *
 * <p>Ranking: severity, then the playbook order ({@link Category}: MTU, CPU, routing, peer,
 * loss/queueing, other), then confidence. A finding that explains another on the same host (its
 * {@link Finding#explains()}) absorbs it: the symptom is listed in the cause's {@link
 * Finding#linkedSymptoms()} instead of on its own. An analysis is immutable and thread-safe.
 */
public final class Analysis {
  private final ImmutableList<Analyzer> analyzers;
  private final AnalysisConfig config;

  private Analysis(ImmutableList<Analyzer> analyzers, AnalysisConfig config) {
    this.analyzers = analyzers;
    this.config = config;
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
    return Report.builder()
        .findings(rank(ctx.findings()))
        .notAssessed(ctx.notAssessedList())
        .analyzers(ran)
        .build();
  }

  static final Comparator<Finding> RANKING =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::category)
          .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed());

  static List<Finding> rank(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(RANKING);
    // A cause absorbs the symptoms it explains on the same host, wherever the symptom ranks; two
    // findings that explain each other both stay.
    // The findings able to explain each (host, code), in rank order: one lookup per finding
    // instead of a scan of all of them (a gateway's report can hold thousands).
    Map<String, List<Finding>> causesOf = new java.util.HashMap<>();
    for (Finding c : sorted) {
      for (String code : c.explains()) {
        causesOf.computeIfAbsent(c.host() + "/" + code, k -> new ArrayList<>(1)).add(c);
      }
    }
    Map<Finding, List<String>> linked = new java.util.IdentityHashMap<>();
    List<Finding> kept = new ArrayList<>();
    for (Finding f : sorted) {
      Finding cause = null;
      for (Finding c : causesOf.getOrDefault(f.host() + "/" + f.code(), List.of())) {
        if (c != f && !f.explains().contains(c.code()) && c.severity().atLeast(f.severity())) {
          cause = c;
          break;
        }
      }
      if (cause != null) {
        linked.computeIfAbsent(cause, k -> new ArrayList<>()).add(f.code());
      } else {
        kept.add(f);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : kept) {
      List<String> symptoms = linked.get(f);
      out.add(symptoms == null ? f : ImmutableFinding.copyOf(f).withLinkedSymptoms(symptoms));
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
