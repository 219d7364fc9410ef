package io.wgdiag.examples.cli;

import io.wgdiag.parsers.ParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wgdiag} command line: {@code parse}, {@code tools} (and, as they land, {@code
 * analyze} and {@code collect}).
 *
 * <p>Exit codes: 0 success; 1 a finding at or above {@code --fail-on}; 2 bad input or bad usage,
 * with one line on stderr and never a stack trace.
 */
@Command(
    name = "wgdiag",
    mixinStandardHelpOptions = true,
    version = "wgdiag 0.1.0",
    description = "Typed facts and ranked diagnoses of slow WireGuard tunnels from Linux tool output.",
    subcommands = {AnalyzeCommand.class, CollectCommand.class, ParseCommand.class, ToolsCommand.class})
public final class WgDiag implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FINDING = 1;
  static final int EXIT_BAD_INPUT = 2;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    CommandLine cl = commandLine();
    StdOut out = StdOut.open();
    cl.setOut(out);
    int code = cl.execute(args);
    out.flush();
    System.exit(code);
  }

  /** Runs the command line and returns its exit code, for embedding and tests. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for embedding: exit codes and one-line errors as documented. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new WgDiag());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("wgdiag: " + ex.getMessage() + " (see 'wgdiag --help')");
          return EXIT_BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          c.getErr().println("wgdiag: internal error: " + ex);
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** {@code FILE:LINE:COL: } for a parse error. */
  static String location(String file, ParseException e) {
    String name = file.equals("-") ? "<stdin>" : file;
    return name + ":" + Math.max(e.line(), 0) + ":" + Math.max(e.column(), 0) + ": ";
  }
}
