package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;
import io.wgdiag.parsers.Diagnostic;
import java.util.stream.Stream;

/**
 * A transcript whose blocks have been routed to their parsers.
 *
 * @param blocks the parsed blocks, in transcript order
 * @param diagnostics problems outside any block (text before the first prompt)
 */
public record ParsedTranscript(ImmutableList<ParsedBlock> blocks, ImmutableList<Diagnostic> diagnostics) {

  /** Every diagnostic of the transcript and its blocks, in line order. */
  public ImmutableList<Diagnostic> allDiagnostics() {
    return Stream.concat(diagnostics.stream(), blocks.stream().flatMap(b -> b.diagnostics().stream()))
        .sorted(java.util.Comparator.comparingInt(Diagnostic::line))
        .collect(ImmutableList.toImmutableList());
  }

  /** Whether every line of every block was read. */
  public boolean isClean() {
    return allDiagnostics().isEmpty();
  }
}
