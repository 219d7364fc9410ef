package io.wgdiag.examples.cli;

import io.wgdiag.parsers.ParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wgdiag} command line: {@code parse}, {@code tools} (and, as they land, {@code
 * analyze} and {@code collect}).
 *
 * <p>Exit codes: 0 success; 1 a finding at or above {@code --fail-on} ({@code compare}: roll
 * back); 2 bad input or bad usage, with one line on stderr and never a stack trace; 3 ({@code
 * compare}) inconclusive.
 */
@Command(
    name = "wgdiag",
    mixinStandardHelpOptions = true,
    version = "wgdiag 0.1.0",
    description = "Typed facts and ranked diagnoses of slow WireGuard tunnels from Linux tool output.")
public final class WgDiag implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FINDING = 1;
  static final int EXIT_BAD_INPUT = 2;

  /**
   * Runs the command line and exits with its code. An error that escapes it (out of memory, a stack
   * overflow, a bug) is one line on stderr and exit 2, never a stack trace or the finding code.
   */
  public static void main(String[] args) {
    System.exit(guarded(() -> {
      CommandLine cl = commandLine(args);
      StdOut out = StdOut.open();
      cl.setOut(out);
      int code = cl.execute(args);
      out.flush();
      return code;
    }, System.err));
  }

  /** The message printed when the heap runs out; made before it is needed, when memory is short. */
  private static final String OUT_OF_MEMORY =
      "wgdiag: out of memory: the input needs more than the "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MiB of heap this JVM may use (give java a larger -Xmx, or a smaller input)";

  /**
   * Runs {@code body} and returns its exit code; a {@link Throwable} escaping it is one line on
   * {@code err} (escaped by {@link Messages#oneLine}) and {@value #EXIT_BAD_INPUT}.
   */
  static int guarded(java.util.function.IntSupplier body, java.io.PrintStream err) {
    try {
      return body.getAsInt();
    } catch (OutOfMemoryError e) {
      err.println(OUT_OF_MEMORY); // what filled the heap is unreachable now
      return EXIT_BAD_INPUT;
    } catch (Throwable e) { // StackOverflowError, a bug's RuntimeException
      err.println("wgdiag: internal error: " + Messages.oneLine(String.valueOf(e)));
      return EXIT_BAD_INPUT;
    }
  }

  /** Runs the command line and returns its exit code, for embedding and tests. */
  public static int run(String... args) {
    return commandLine(args).execute(args);
  }

  /** The configured command line, for embedding: exit codes and one-line errors as documented. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments: when the first names a subcommand, only that one is
   * built. picocli reads every option of every subcommand it is given by reflection, which a
   * one-shot run pays at start-up; the others are only needed for the top-level help and for an
   * unknown command's error, and those get all four.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new WgDiag());
    String first = args.length > 0 ? args[0] : "";
    boolean one = SUBCOMMANDS.contains(first);
    for (String name : SUBCOMMANDS) {
      if (!one || name.equals(first)) {
        cl.addSubcommand(name, subcommand(name));
      }
    }
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println(KeyGuard.ALL.mask(Messages.oneLine("wgdiag: " + ex.getMessage() + " (see 'wgdiag --help')")));
          return EXIT_BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          c.getErr().println(KeyGuard.ALL.mask("wgdiag: internal error: " + Messages.oneLine(String.valueOf(ex))));
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  /** The subcommands' names, in the order the help lists them. */
  private static final java.util.List<String> SUBCOMMANDS = java.util.List.of("analyze", "compare", "collect", "parse", "tools");

  private static Object subcommand(String name) {
    return switch (name) {
      case "analyze" -> new AnalyzeCommand();
      case "compare" -> new CompareCommand();
      case "collect" -> new CollectCommand();
      case "parse" -> new ParseCommand();
      default -> new ToolsCommand();
    };
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** {@code FILE:LINE:COL: } for a parse error. */
  static String location(String file, ParseException e) {
    String name = file.equals("-") ? "<stdin>" : Messages.path(file);
    return name + ":" + Math.max(e.line(), 0) + ":" + Math.max(e.column(), 0) + ": ";
  }
}
