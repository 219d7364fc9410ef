/** Analysis of WireGuard snapshots into ranked findings. */
module io.wgdiag.analysis {
  requires transitive io.wgdiag.model;
  requires transitive io.wgdiag.parsers;
  requires com.fasterxml.jackson.core;
  requires static org.immutables.value;
  requires static com.google.errorprone.annotations;
  requires static java.compiler;

  exports io.wgdiag.analysis;
  exports io.wgdiag.analysis.bundle;
  exports io.wgdiag.analysis.compare;
  exports io.wgdiag.analysis.html;

  uses io.wgdiag.analysis.Analyzer;
}
