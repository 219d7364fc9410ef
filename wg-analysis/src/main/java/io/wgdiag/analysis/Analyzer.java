package io.wgdiag.analysis;

import java.util.List;
import java.util.Set;

/**
 * One question the field guide asks, answered from a {@link Case}.
 *
 * <p>An analyzer is stateless and thread-safe. It reads what it needs from the context, reports
 * findings, and reports every check it could not make with the commands that would supply the
 * evidence, never skipping silently. Platform teams add their own through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.wgdiag.analysis.Analyzer}).
 */
public interface Analyzer {

  /** A stable id, e.g. {@code mtu}. */
  String id();

  /** The finding codes this analyzer may report. */
  Set<String> codes();

  /** Analyzes the case in {@code context}. */
  void analyze(AnalysisContext context);

  /**
   * Rows this analyzer adds to the {@link CausalModel}: which of its codes explain which symptoms,
   * and where. None by default.
   */
  default List<CausalLink> causes() {
    return List.of();
  }
}
