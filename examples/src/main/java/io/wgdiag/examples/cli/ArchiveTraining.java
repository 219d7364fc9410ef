package io.wgdiag.examples.cli;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.Tool;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.io.File;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The run the {@code examples/wgdiag} launcher records once, to make its class-data archive: the
 * classes of the help, of every parser, and of a parse and an analysis printed as text and as
 * JSON. Before it, the archive held whatever the user's first command loaded, so a first {@code
 * --version} left every later parse loading some 250 classes from the jar (medians of ten runs: a
 * 10 MB {@code /proc/interrupts} parse 623 ms, against 536 ms with them archived; the sample
 * analysis 722 ms against 497).
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=LIST -cp wgdiag.jar
 * io.wgdiag.examples.cli.ArchiveTraining [SAMPLE ...]}, where a sample is a transcript (run through
 * {@code parse}) or an evidence bundle's directory (run through {@code analyze}). Everything it
 * prints is discarded; a run that fails is skipped, and the exit code is always 0: the archive is
 * an optimisation, never a reason for the user's command to fail.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  /**
   * Runs the help, every parser once and each sample through {@code parse} or {@code analyze} (and
   * a bundle through {@code compare} against itself).
   */
  public static void main(String[] args) {
    StdOut sink = StdOut.over(OutputStream.nullOutputStream());
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("--help"));
    runs.add(List.of("--version"));
    runs.add(List.of("tools"));
    runs.add(List.of("parse", "--help"));
    runs.add(List.of("analyze", "--help"));
    for (String sample : args) {
      if (new File(sample).isDirectory()) {
        runs.add(List.of("analyze", sample));
        runs.add(List.of("analyze", "--format", "json", sample));
        runs.add(List.of("compare", "--format", "json", sample, sample));
      } else {
        runs.add(List.of("parse", sample));
        runs.add(List.of("parse", "--format", "json", sample));
        runs.add(List.of("parse", "--lenient", "--format", "json", sample));
      }
    }
    for (List<String> run : runs) {
      String[] a = run.toArray(new String[0]);
      try {
        CommandLine cl = WgDiag.commandLine(a);
        cl.setOut(sink);
        cl.setErr(sink);
        int unused = cl.execute(a);
      } catch (RuntimeException e) {
        // skipped: see the class comment
      }
    }
    // every parser's classes, on a line none of them reads (strict, so each stops at it)
    TranscriptParser tp = TranscriptParser.standard();
    for (Tool tool : ParserRegistry.standard().tools()) {
      try {
        var unused = tp.parseAs("wgdiag archive training\n", tool.id(), true);
      } catch (ParseException | RuntimeException e) {
        // expected for most tools
      }
    }
    sink.flush();
  }
}
