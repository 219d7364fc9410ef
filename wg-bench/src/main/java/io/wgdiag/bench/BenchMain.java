package io.wgdiag.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the parser benchmarks with the GC profiler and writes the results table (MB/s, ratio to the
 * line-splitting baseline of the same run, the character-scan floor of the same run and how far
 * parse and floor each reach, the model-allocation floor of the same run, bytes allocated per input
 * byte), the analysis table, and where the run
 * stands against issue 7's targets: how many inputs meet each, naming the smaller side.
 *
 * <pre>
 * java -cp wg-bench/target/benchmarks.jar io.wgdiag.bench.BenchMain --quick [--out docs/benchmarks-results.md] [--only REGEX]
 * java -cp wg-bench/target/benchmarks.jar io.wgdiag.bench.BenchMain --full
 * java -cp wg-bench/target/benchmarks.jar io.wgdiag.bench.BenchMain --quick --no-analysis --jvm-arg -XX:-DoEscapeAnalysis
 * </pre>
 *
 * <p>The quick mode measures each parse and its baseline, the pair the targets compare; the two
 * floors, which explain the ratio rather than being targets, run in the full mode or with {@code
 * --floor} (a third and fourth benchmark per input: about 13 minutes instead of 6 for the quick
 * mode).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, IOException {
    boolean full = false;
    Path out = null;
    String only = ".*";
    boolean analysis = true;
    boolean floor = false;
    int forks = 1;
    List<String> jvmArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      boolean valued = args[i].equals("--out") || args[i].equals("--only") || args[i].equals("--jvm-arg")
          || args[i].equals("--forks");
      if (valued && i + 1 == args.length) {
        usage("wg-bench: " + args[i] + " needs a value");
        return;
      }
      switch (args[i]) {
        case "--full" -> full = true;
        case "--quick" -> full = false;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "--no-analysis" -> analysis = false;
        case "--floor" -> floor = true;
        case "--jvm-arg" -> jvmArgs.add(args[++i]);
        case "--forks" -> {
          forks = forks(args[++i]);
          if (forks < 0) {
            usage("wg-bench: --forks takes a whole number from 1 to " + MAX_FORKS + ", not '" + args[i] + "'");
            return;
          }
        }
        case "-h", "--help" -> {
          usage(null);
          return;
        }
        default -> {
          usage("wg-bench: unknown argument '" + args[i] + "'");
          return;
        }
      }
    }
    java.util.regex.Pattern pattern;
    try {
      pattern = java.util.regex.Pattern.compile(only);
    } catch (java.util.regex.PatternSyntaxException e) {
      usage("wg-bench: --only '" + only + "' is not a regular expression: " + e.getDescription());
      return;
    }
    boolean withFloor = full || floor; // the full mode always runs the floor
    List<String> inputs = new ArrayList<>();
    for (String name : BenchInputs.ALL.keySet()) {
      if (pattern.matcher(name).matches()) {
        inputs.add(name);
      }
    }
    if (inputs.isEmpty()) {
      usage("wg-bench: no input matches --only '" + only + "'; the inputs: " + BenchInputs.ALL.keySet());
      return;
    }
    // Each fork's heap is sized to its input and touched before the benchmark starts: on the
    // virtual machine the figures come from, a page touched for the first time costs a fault in
    // the guest and in the host, and a quick fork on a fresh heap measured that (round 6 in
    // docs/benchmarks.md: tc 61 MB/s on a fresh 4 GB heap, 212 on a pre-touched one). Small inputs
    // get a small heap so that touching it stays short.
    Map<String, List<String>> byHeap = new LinkedHashMap<>();
    for (String input : inputs) {
      byHeap.computeIfAbsent(heapFor(BenchInputs.load(input).length()), k -> new ArrayList<>()).add(input);
    }
    List<RunResult> results = new ArrayList<>();
    for (Map.Entry<String, List<String>> group : byHeap.entrySet()) {
      ChainedOptionsBuilder opts =
          new OptionsBuilder()
              .include(parserBenchmarks(withFloor))
              .param("input", group.getValue().toArray(new String[0]))
              .addProfiler(GCProfiler.class)
              .forks(forks)
              .jvmArgsAppend(forkArgs(group.getKey(), jvmArgs))
              .shouldFailOnError(true);
      if (full) {
        opts.warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(10).measurementTime(TimeValue.seconds(2));
      } else {
        // five samples, not three: JMH's 99.9% interval multiplies the spread by Student's t, 31.6
        // for three samples and 8.6 for five, so three gave bars wider than the figure itself
        opts.warmupIterations(2).warmupTime(TimeValue.milliseconds(700)).measurementIterations(5).measurementTime(TimeValue.milliseconds(500));
      }
      results.addAll(new Runner(opts.build()).run());
    }
    results.sort(java.util.Comparator.comparingInt(r -> inputs.indexOf(r.getParams().getParam("input"))));
    List<Measured> rows = measured(results);
    String table = table(rows, full, forks);
    double analysisMicros = Double.NaN;
    if (analysis) {
      ChainedOptionsBuilder a =
          new OptionsBuilder()
              .include(AnalysisBenchmark.class.getName() + "\\.")
              .addProfiler(GCProfiler.class)
              .forks(forks)
              .shouldFailOnError(true);
      if (!jvmArgs.isEmpty()) { // replaces the annotation's options, so they are given again first
        a.jvmArgsAppend(forkArgs("2g", jvmArgs));
      }
      if (full) {
        a.warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(10).measurementTime(TimeValue.seconds(2));
      } else {
        a.warmupIterations(6).warmupTime(TimeValue.seconds(1)).measurementIterations(4).measurementTime(TimeValue.seconds(1));
      }
      Collection<RunResult> analysed = new Runner(a.build()).run();
      table += "\n" + analysisTable(analysed);
      analysisMicros = realAnalysisMicros(analysed);
    }
    table += "\n" + targets(rows, analysisMicros);
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table, StandardCharsets.UTF_8);
    }
  }

  /** Prints the usage (to stderr with {@code problem} first, and exit code 2, when there is one). */
  private static void usage(@Nullable String problem) {
    String text =
        "usage: java -cp wg-bench/target/benchmarks.jar io.wgdiag.bench.BenchMain [--quick | --full] [--only REGEX] [--no-analysis] [--floor] [--forks N] [--jvm-arg ARG]... [--out FILE]\n"
            + "  --quick        each parse and its baseline, 2 warm-up and 5 measurement iterations (the default, about 6 minutes on 2 cores)\n"
            + "  --full         5 warm-up and 10 measurement iterations of 2 s (about an hour)\n"
            + "  --only REGEX   only the inputs whose name (tool/size, e.g. 'ping/.*') matches\n"
            + "  --no-analysis  leave out the analysis benchmark\n"
            + "  --floor        also the two floors (character scan, model allocation) in the quick mode (the full mode always runs them)\n"
            + "  --forks N      run each benchmark in N JVMs, 1 to " + MAX_FORKS + " (default 1), the figure their mean: a JVM's JIT\n"
            + "                 may compile a parser better or worse than the next one's, so one fork's figure can be\n"
            + "                 a third off; N times as long\n"
            + "  --jvm-arg ARG  one more option for every benchmark JVM, after the defaults (repeatable);\n"
            + "                 e.g. -XX:-DoEscapeAnalysis to see which parsers' allocation relies on the JIT\n"
            + "  --out FILE     also write the results table to FILE\n";
    if (problem == null) {
      System.out.print(text);
    } else {
      System.err.println(problem);
      System.err.print(text);
      System.exit(2);
    }
  }

  /** The most forks {@code --forks} takes. */
  static final int MAX_FORKS = 20;

  /** {@code --forks}'s value as a number from 1 to {@link #MAX_FORKS}; -1 for anything else. */
  static int forks(String value) {
    if (value.isEmpty() || value.length() > 2 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int n = Integer.parseInt(value);
    return n >= 1 && n <= MAX_FORKS ? n : -1;
  }

  /**
   * A benchmark JVM's options: a fixed heap of {@code heap}, the parallel collector, huge pages, the
   * heap touched before the start, then {@code extra} (the later of two settings of one option wins).
   */
  static String[] forkArgs(String heap, List<String> extra) {
    List<String> all = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC",
        "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"));
    all.addAll(extra);
    return all.toArray(new String[0]);
  }

  /** The parser benchmarks to run, as JMH's include pattern: the parse and the baseline, and the floors if {@code floor}. */
  static String parserBenchmarks(boolean floor) {
    return java.util.regex.Pattern.quote(ParserBenchmark.class.getName()) + "\\.(parse|baselineLineSplit"
        + (floor ? "|floorCharacterScan|floorModelAllocation" : "") + ")$";
  }

  /** The heap for an input of {@code chars} characters: 1 GB up to 1 MB, 2 GB up to 20 MB, 4 GB beyond. */
  static String heapFor(int chars) {
    return chars <= 1_000_000 ? "1g" : chars <= 20_000_000 ? "2g" : "4g";
  }

  static String analysisTable(Collection<RunResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| analysis case | µs per full analysis | bytes allocated per analysis |\n|---|---:|---:|\n");
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      Result<?> alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      }
      sb.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.0f |%n", r.getParams().getParam("size"),
          primary.getScore(), primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore()));
    }
    return sb.toString();
  }

  record Row(double opsPerSec, double opsError, double bytesPerOp) {}

  /**
   * One input's figures from one run.
   *
   * @param sizeBytes the input's size in bytes (UTF-8)
   * @param parseMbs the parse's throughput, MB/s (10^6 bytes a second)
   * @param parseErrorMbs JMH's 99.9% error of {@code parseMbs}, MB/s
   * @param baselineMbs the line-splitting baseline's throughput on the same input in the same fork or forks, MB/s
   * @param floorMbs the character-scan floor's throughput, MB/s; NaN where it did not run
   * @param modelFloorMbs the model-allocation floor's throughput (input bytes a second, as if it had
   *     read them), MB/s; NaN where it did not run
   * @param allocPerByte bytes the parse allocated per input byte
   */
  record Measured(String input, long sizeBytes, double parseMbs, double parseErrorMbs, double baselineMbs,
      double floorMbs, double modelFloorMbs, double allocPerByte) {
    /** The parse's throughput as a share of the baseline's (the first target: at least 0.25). */
    double ratio() {
      return parseMbs / baselineMbs;
    }

    /**
     * Whether a floor of this run is itself under the first target: then no parser that reads each
     * character (the character-scan floor) or that makes this model (the model-allocation floor)
     * can meet it on this input. False where the floors did not run.
     */
    boolean floorBelowTarget() {
      return floorMbs / baselineMbs < RATIO_TARGET || modelFloorMbs / baselineMbs < RATIO_TARGET;
    }
  }

  /** The first target: a parse reads at least this share of its baseline's MB/s. */
  static final double RATIO_TARGET = 0.25;
  /** The second target: a parse allocates at most this many bytes per input byte. */
  static final double ALLOC_TARGET = 4.0;
  /** The analysis target: a full case at realistic size, in µs. */
  static final double ANALYSIS_TARGET_MICROS = 1000;

  /** Each input's figures, in the order of {@code results}; an input without both parse and baseline is left out. */
  static List<Measured> measured(Collection<RunResult> results) {
    Map<String, Map<String, Row>> byInput = new LinkedHashMap<>();
    for (RunResult r : results) {
      String input = r.getParams().getParam("input");
      String bench = r.getParams().getBenchmark();
      bench = bench.substring(bench.lastIndexOf('.') + 1);
      Result<?> primary = r.getPrimaryResult();
      Result<?> alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      }
      double allocBytes = alloc == null ? Double.NaN : alloc.getScore();
      byInput.computeIfAbsent(input, k -> new LinkedHashMap<>())
          .put(bench, new Row(primary.getScore(), primary.getScoreError(), allocBytes));
    }
    List<Measured> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Row>> e : byInput.entrySet()) {
      String input = e.getKey();
      long size = BenchInputs.load(input).getBytes(StandardCharsets.UTF_8).length;
      Row parse = e.getValue().get("parse");
      Row base = e.getValue().get("baselineLineSplit");
      Row floor = e.getValue().get("floorCharacterScan");
      Row modelFloor = e.getValue().get("floorModelAllocation");
      if (parse == null || base == null) {
        continue;
      }
      rows.add(new Measured(input, size, parse.opsPerSec() * size / 1e6, parse.opsError() * size / 1e6,
          base.opsPerSec() * size / 1e6, floor == null ? Double.NaN : floor.opsPerSec() * size / 1e6,
          modelFloor == null ? Double.NaN : modelFloor.opsPerSec() * size / 1e6, parse.bytesPerOp() / size));
    }
    return rows;
  }

  static String table(List<Measured> rows, boolean full, int forks) {
    StringBuilder sb = new StringBuilder();
    sb.append("| input | size (bytes) | parse MB/s | baseline MB/s | ratio to baseline | character-scan floor MB/s"
        + " | floor's ratio to baseline | parse's ratio to floor | model-allocation floor MB/s"
        + " | its ratio to baseline | parse B allocated per input byte |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Measured m : rows) {
      String floorCells = "– | – | –"; // not run (quick mode without --floor)
      if (!Double.isNaN(m.floorMbs())) {
        floorCells = String.format(Locale.ROOT, "%.1f | %.2f | %.2f", m.floorMbs(), m.floorMbs() / m.baselineMbs(),
            m.parseMbs() / m.floorMbs());
      }
      floorCells += Double.isNaN(m.modelFloorMbs()) ? " | – | –"
          : String.format(Locale.ROOT, " | %.1f | %.2f", m.modelFloorMbs(), m.modelFloorMbs() / m.baselineMbs());
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f ± %.1f | %.1f | %.2f | %s | %.2f |%n",
          m.input(), m.sizeBytes(), m.parseMbs(), m.parseErrorMbs(), m.baselineMbs(), m.ratio(), floorCells,
          m.allocPerByte()));
    }
    sb.append("\nMode: ").append(full ? "full" : "quick").append(forks == 1 ? ", one fork" : ", " + forks + " forks, their mean")
        .append(", JDK ").append(System.getProperty("java.version"))
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs.\n");
    return sb.toString();
  }

  /**
   * Where this run stands against issue 7's targets: for each, how many inputs meet it, and the
   * inputs on the smaller side by name with their figure (those that meet it when fewer do, else
   * those that do not). {@code analysisMicros} is the full case at realistic size, NaN if it did
   * not run.
   */
  static String targets(List<Measured> rows, double analysisMicros) {
    StringBuilder sb = new StringBuilder("Targets in this run:\n");
    sb.append(target("parse at least 25% of its baseline's MB/s", rows, m -> m.ratio() >= RATIO_TARGET,
        m -> String.format(Locale.ROOT, "%.3f", m.ratio())));
    List<Measured> floored = rows.stream().filter(m -> !Double.isNaN(m.floorMbs()) && !Double.isNaN(m.modelFloorMbs())).toList();
    if (!floored.isEmpty()) {
      List<Measured> out = floored.stream().filter(Measured::floorBelowTarget).toList();
      sb.append("  - out of reach on ").append(out.size()).append(" of ").append(floored.size())
          .append(" inputs, where a floor itself reads under 25% of the baseline");
      List<String> named = new ArrayList<>();
      for (Measured m : out) {
        named.add(String.format(Locale.ROOT, "%s (scan %.3f, model %.3f)", m.input(), m.floorMbs() / m.baselineMbs(),
            m.modelFloorMbs() / m.baselineMbs()));
      }
      sb.append(named.isEmpty() ? "" : ": " + String.join(", ", named)).append('\n');
    }
    sb.append(target("at most 4 bytes allocated per input byte", rows, m -> m.allocPerByte() <= ALLOC_TARGET,
        m -> String.format(Locale.ROOT, "%.2f", m.allocPerByte())));
    if (!Double.isNaN(analysisMicros)) {
      sb.append(String.format(Locale.ROOT, "- a full-case analysis under 1 ms at realistic size: %.1f µs, %s%n",
          analysisMicros, analysisMicros < ANALYSIS_TARGET_MICROS ? "met" : "not met"));
    }
    return sb.toString();
  }

  private static String target(String what, List<Measured> rows, java.util.function.Predicate<Measured> met,
      java.util.function.Function<Measured, String> figure) {
    List<Measured> yes = rows.stream().filter(met).toList();
    List<Measured> no = rows.stream().filter(met.negate()).toList();
    StringBuilder sb = new StringBuilder("- ").append(what).append(": ");
    if (no.isEmpty()) {
      return sb.append("met by all ").append(rows.size()).append(" inputs\n").toString();
    }
    sb.append("met by ").append(yes.size()).append(" of ").append(rows.size()).append(" inputs");
    boolean listMet = !yes.isEmpty() && yes.size() <= no.size();
    sb.append(listMet ? "; met by " : "; not met by ");
    List<String> named = new ArrayList<>();
    for (Measured m : listMet ? yes : no) {
      named.add(m.input() + " (" + figure.apply(m) + ")");
    }
    return sb.append(String.join(", ", named)).append('\n').toString();
  }

  /** The µs per full analysis of the realistic case, or NaN if it is not among {@code results}. */
  static double realAnalysisMicros(Collection<RunResult> results) {
    for (RunResult r : results) {
      if ("real".equals(r.getParams().getParam("size"))) {
        return r.getPrimaryResult().getScore();
      }
    }
    return Double.NaN;
  }
}
