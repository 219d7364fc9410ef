package io.wgdiag.examples;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.examples.cli.ReportView;
import java.nio.file.Path;

/**
 * A report rendered to JSON for a frontend: read evidence, analyze, and hand the documented JSON
 * (schema {@code docs/report.schema.json}, {@code schemaVersion} 2) to whatever serves the page.
 * Run: {@code ReportToJson PATH}.
 */
public final class ReportToJson {
  private ReportToJson() {}

  public static void main(String[] args) throws Exception {
    LoadedEvidence evidence = EvidenceReader.standard().read(Path.of(args[0]));
    Report report = Analysis.standard().run(evidence.kase());
    String json = ReportView.json(report, evidence);
    System.out.print(json); // a web frontend would return this as application/json
  }
}
