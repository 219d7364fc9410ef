package io.wgdiag.examples.cli;

import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wgdiag parse}: reads a transcript, or one tool's raw output, and prints the models. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    header = "Print the typed models of a transcript or of one tool's output.",
    description = {
      "Parse a terminal transcript (prompt lines '$ CMD' or 'user@host:path$ CMD' followed by output),"
          + " or with --tool the raw output of one tool, and print the typed models."
    })
final class ParseCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(names = "--tool", paramLabel = "ID", description = "Read FILE as raw output of this tool (see 'wgdiag tools').")
  @Nullable String tool;

  @Option(names = "--lenient", description = "Keep going past unreadable lines and report them as diagnostics.")
  boolean lenient;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "json or text (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to read, or - for standard input.")
  String file = "-";

  enum Format {
    json,
    text
  }

  @Override
  public Integer call() throws Exception {
    CommandSpec s = spec;
    PrintWriter out = s == null ? new PrintWriter(System.out, true) : s.commandLine().getOut();
    PrintWriter err = s == null ? new PrintWriter(System.err, true) : s.commandLine().getErr();
    String text;
    try {
      text = Inputs.read(file, System.in);
    } catch (Inputs.InputException e) {
      err.println(Messages.oneLine(String.valueOf(e.getMessage())));
      return WgDiag.EXIT_BAD_INPUT;
    }
    if (tool != null && ParserRegistry.standard().find(tool).isEmpty()) {
      err.println(Messages.oneLine("wgdiag: unknown tool id '" + tool + "' (see 'wgdiag tools')"));
      return WgDiag.EXIT_BAD_INPUT;
    }
    ParsedTranscript parsed;
    try {
      TranscriptParser tp = TranscriptParser.standard();
      parsed = tool == null ? tp.parse(text, !lenient) : tp.parseAs(text, tool, !lenient);
    } catch (ParseException e) {
      err.println(KeyGuard.ALL.mask(Messages.oneLine(WgDiag.location(file, e) + e.problem())));
      return WgDiag.EXIT_BAD_INPUT;
    }
    KeyGuard guard = KeyGuard.of(parsed); // public keys shown, every other key masked
    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    List<Object> blocks = new ArrayList<>();
    for (ParsedBlock b : parsed.blocks()) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      m.put("line", (long) b.line());
      m.put("command", b.command());
      m.put("tool", b.toolId().orElse(null));
      if (b.filtered()) {
        m.put("filtered", true);
      }
      m.put("model", b.model().map(ModelJson.Deferred::new).orElse(null));
      m.put("diagnostics", diagnostics(b.diagnostics()));
      blocks.add(m);
    }
    root.put("blocks", blocks);
    if (!parsed.diagnostics().isEmpty()) {
      root.put("diagnostics", diagnostics(parsed.diagnostics()));
    }
    if (format == Format.json) {
      Output.json(root, out, false, guard);
    } else {
      StringBuilder sb = new StringBuilder();
      for (ParsedBlock b : parsed.blocks()) {
        sb.append("== ")
            .append(b.line() > 0 ? "line " + b.line() + ": " : "")
            .append(b.command().isEmpty() ? "(raw output)" : b.command())
            .append(" [")
            .append(b.toolId().orElse("no parser"))
            .append(b.filtered() ? ", filtered" : "")
            .append("]\n");
        b.model().ifPresent(model -> Output.text(ModelTree.of(model), sb, 2));
        for (Diagnostic d : b.diagnostics()) {
          sb.append("  ! ").append(d).append('\n');
        }
      }
      for (Diagnostic d : parsed.diagnostics()) {
        sb.append("! ").append(d).append('\n');
      }
      out.print(guard.mask(sb.toString()));
    }
    out.flush();
    return WgDiag.EXIT_OK;
  }

  private static List<Object> diagnostics(List<Diagnostic> ds) {
    List<Object> out = new ArrayList<>();
    for (Diagnostic d : ds) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      m.put("line", (long) d.line());
      m.put("column", (long) d.column());
      m.put("message", d.message());
      m.put("text", d.text());
      out.add(m);
    }
    return out;
  }
}
