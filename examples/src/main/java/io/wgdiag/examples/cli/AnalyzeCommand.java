package io.wgdiag.examples.cli;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.Severity;
import io.wgdiag.analysis.bundle.BundleException;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wgdiag analyze}: reads evidence and prints the ranked diagnosis. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    header = "Diagnose a tunnel from recorded evidence: ranked findings, fixes.",
    description = {
      "Read evidence (a capture bundle directory, its .tar.gz, a transcript file or an unpacked"
          + " sosreport) and print the ranked findings: evidence, decision, and the commands to apply,"
          + " verify and roll back each fix; then what could not be assessed."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Bundle directory, .tar.gz, transcript file or sosreport directory.")
  Path path = Path.of(".");

  @Option(names = "--remote", paramLabel = "PATH", description = "Evidence from the other tunnel end.")
  @Nullable Path remote;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  ParseCommand.Format format = ParseCommand.Format.text;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when a finding is at or above: critical, warning or info.")
  @Nullable String failOn;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never (default: ${DEFAULT-VALUE}).")
  String color = "auto";

  @Override
  public Integer call() throws Exception {
    CommandSpec s = spec;
    PrintWriter out = s == null ? new PrintWriter(System.out, true) : s.commandLine().getOut();
    PrintWriter err = s == null ? new PrintWriter(System.err, true) : s.commandLine().getErr();
    Severity threshold = null;
    if (failOn != null) {
      try {
        threshold = Severity.valueOf(failOn.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        err.println(Messages.oneLine("wgdiag: --fail-on takes critical, warning or info, not '" + failOn + "'"));
        return WgDiag.EXIT_BAD_INPUT;
      }
    }
    LoadedEvidence evidence;
    try {
      evidence = EvidenceReader.standard().read(path, remote);
    } catch (BundleException e) {
      err.println(Messages.oneLine(String.valueOf(e.getMessage()))); // the reader's message names the path as given
      return WgDiag.EXIT_BAD_INPUT;
    }
    Report report = Analysis.standard().run(evidence.kase());
    if (format == ParseCommand.Format.json) {
      Output.json(ReportView.tree(report, evidence), out, false);
    } else {
      boolean useColor = color.equals("always")
          || (color.equals("auto") && System.console() != null && !"dumb".equals(System.getenv("TERM")));
      out.print(ReportView.text(report, evidence, useColor));
    }
    out.flush();
    Severity limit = threshold;
    if (limit != null && report.worst().map(w -> w.atLeast(limit)).orElse(false)) {
      return WgDiag.EXIT_FINDING;
    }
    return WgDiag.EXIT_OK;
  }
}
