package io.wgdiag.examples.cli;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.Severity;
import io.wgdiag.analysis.bundle.BundleException;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.analysis.html.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
          + " verify and roll back each fix; then what could not be assessed. --format html writes one"
          + " self-contained page with the charts the evidence supports (no script, nothing loaded from the network)."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Bundle directory, .tar.gz, transcript file or sosreport directory.")
  Path path = Path.of(".");

  @Option(names = "--remote", paramLabel = "PATH", description = "Evidence from the other tunnel end.")
  @Nullable Path remote;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or html (one self-contained page with charts; default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  @Nullable Path outFile;

  /** The report's forms. */
  enum Format {
    text,
    json,
    html
  }

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
      err.println(KeyGuard.ALL.mask(Messages.oneLine(String.valueOf(e.getMessage())))); // the reader's message names the path as given
      return WgDiag.EXIT_BAD_INPUT;
    }
    Report report = Analysis.standard().run(evidence.kase());
    KeyGuard guard = KeyGuard.of(evidence.kase());
    Path file = outFile;
    if (file != null) {
      String text = switch (format) {
        case json -> ReportView.json(report, evidence);
        case html -> guard.mask(html(evidence, report));
        case text -> guard.mask(ReportView.text(report, evidence, color.equals("always")));
      };
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException | UnsupportedOperationException e) {
        err.println(KeyGuard.ALL.mask("wgdiag: cannot write " + file + ": " + e.getMessage()));
        return WgDiag.EXIT_BAD_INPUT;
      }
    } else if (format == Format.json) {
      Output.json(ReportView.tree(report, evidence), out, false, guard);
    } else if (format == Format.html) {
      out.print(guard.mask(html(evidence, report)));
    } else {
      boolean useColor = color.equals("always")
          || (color.equals("auto") && System.console() != null && !"dumb".equals(System.getenv("TERM")));
      out.print(guard.mask(ReportView.text(report, evidence, useColor)));
    }
    out.flush();
    Severity limit = threshold;
    if (limit != null && report.worst().map(w -> w.atLeast(limit)).orElse(false)) {
      return WgDiag.EXIT_FINDING;
    }
    return WgDiag.EXIT_OK;
  }

  /** The page, each piece of evidence with its line's text where the input is a directory or a transcript file. */
  private String html(LoadedEvidence evidence, Report report) {
    HtmlReport page = HtmlReport.of(evidence, report);
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    if (dir != null && !path.toString().endsWith(".tar.gz") && !path.toString().endsWith(".tgz")) {
      page = page.sourceDirectory(dir);
    }
    return page.render();
  }
}
