package io.wgdiag.examples.cli;

import io.wgdiag.analysis.bundle.BundleException;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.analysis.compare.Comparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wgdiag compare BEFORE AFTER}: the field guide's measures before and after a change, the
 * findings resolved, new and persisting, and one verdict. Exit codes: 0 keep, 1 roll back, 3
 * inconclusive, 2 bad input or usage.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Compare two captures of one tunnel, before and after a change: keep or roll back.",
    description = {
      "Read two captures (each a bundle directory, .tar.gz, transcript file or sosreport) and print"
          + " each measure before and after with its change and verdict against run-to-run noise, the"
          + " findings resolved, new and persisting, and one verdict: keep, roll back or inconclusive.",
      "Exit codes: 0 keep, 1 roll back, 3 inconclusive, 2 bad input or usage."
    })
final class CompareCommand implements Callable<Integer> {
  /** Exit code: the evidence needed is missing from one side. */
  static final int EXIT_INCONCLUSIVE = 3;

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BEFORE", description = "The capture before the change.")
  Path before = Path.of(".");

  @Parameters(index = "1", paramLabel = "AFTER", description = "The capture after the change.")
  Path after = Path.of(".");

  @Option(names = "--before-remote", paramLabel = "PATH", description = "The other tunnel end's capture before the change.")
  @Nullable Path beforeRemote;

  @Option(names = "--after-remote", paramLabel = "PATH", description = "The other tunnel end's capture after the change.")
  @Nullable Path afterRemote;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  ParseCommand.Format format = ParseCommand.Format.text;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never (default: ${DEFAULT-VALUE}).")
  String color = "auto";

  @Override
  public Integer call() throws Exception {
    CommandSpec s = spec;
    PrintWriter out = s == null ? new PrintWriter(System.out, true) : s.commandLine().getOut();
    PrintWriter err = s == null ? new PrintWriter(System.err, true) : s.commandLine().getErr();
    LoadedEvidence b;
    LoadedEvidence a;
    try {
      b = EvidenceReader.standard().read(before, beforeRemote);
      a = EvidenceReader.standard().read(after, afterRemote);
    } catch (BundleException e) {
      err.println(e.getMessage());
      return WgDiag.EXIT_BAD_INPUT;
    }
    Comparison c = Comparison.of(b.kase(), a.kase());
    if (format == ParseCommand.Format.json) {
      Output.json(CompareView.tree(c, before.toString(), b, after.toString(), a), out, false);
    } else {
      boolean useColor = color.equals("always")
          || (color.equals("auto") && System.console() != null && !"dumb".equals(System.getenv("TERM")));
      out.print(CompareView.text(c, useColor));
    }
    out.flush();
    return switch (c.verdict()) {
      case KEEP -> WgDiag.EXIT_OK;
      case ROLL_BACK -> WgDiag.EXIT_FINDING;
      case INCONCLUSIVE -> EXIT_INCONCLUSIVE;
    };
  }
}
