package io.wgdiag.examples;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.Report;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parse a terminal transcript and analyze it, in about twenty lines. Run: {@code ParseAndAnalyze FILE}. */
public final class ParseAndAnalyze {
  private ParseAndAnalyze() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    ParsedTranscript transcript = TranscriptParser.standard().parse(Files.readString(file), false);
    Case kase = Case.builder().local(Phase.UNNAMED, transcript, file.getFileName().toString()).build();
    Report report = Analysis.standard().run(kase);
    for (Finding f : report.findings()) {
      System.out.printf("%-8s %-24s %s%n", f.severity(), f.code(), f.title());
      f.evidence().forEach(e -> System.out.println("         " + e.source() + ": " + e.fact()));
    }
    if (report.findings().isEmpty()) {
      System.out.println("no findings");
    }
  }
}
