package io.wgdiag.bench;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every parser on realistic and gateway-scale inputs, beside a baseline that only splits the same
 * input into lines and touches each (the practical limit) and a floor that reads every character
 * once, as the least a parser must do ({@link LineSplitBaseline#scanCharacters}), and a floor that
 * only allocates the objects the parse's model owns, as the least a parser of that model must do
 * ({@link ModelAllocationFloor}). Throughput in
 * MB/s is ops/s times the input size; allocation per input byte comes from {@code -prof gc} ({@code
 * gc.alloc.rate.norm} divided by the input size). {@link BenchMain} runs the four and writes the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages",
    "-XX:+AlwaysPreTouch"})
public class ParserBenchmark {

  /** The input, {@code <tool-id>/<size>}; see {@link BenchInputs}. */
  @Param({
    "wg-show-dump/real", "wg-show-dump/1e4-peers", "wg-show-dump/1e5-peers",
    "proc-interrupts/real", "proc-interrupts/256-cpus",
    "mpstat/real", "mpstat/256-cpus",
    "ss-tcp-info/real", "ss-tcp-info/1e5-sockets",
    "ip-route/real", "ip-route/1e6-routes",
    "conntrack-stats/real", "conntrack-stats/256-cpus",
    "tc-qdisc/real", "tc-qdisc/mq-64-fq_codel",
    "ping/real", "ping/1e5-replies",
    "ip-route-get/1e4-lookups", "ip-rule/1e4-rules"
  })
  public String input = "";

  private String text = "";
  private Parser<?> parser = ParserRegistry.standard().parser("sysctl");
  /** The sizes of the model's own objects, for {@link #floorModelAllocation} only (JOL takes seconds at scale). */
  private int[] modelObjectSizes = new int[0];
  private int smallObjects;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws ParseException {
    text = BenchInputs.load(input);
    parser = ParserRegistry.standard().parser(BenchInputs.toolOf(input));
    Object model = parser.parse(text); // fail fast on an input the parser does not accept
    if (params.getBenchmark().endsWith(".floorModelAllocation")) {
      modelObjectSizes = ModelFootprint.ownObjectSizes(model, parser.parse(text));
      smallObjects = ModelAllocationFloor.smallObjects(modelObjectSizes);
    }
  }

  @Benchmark
  public Object parse() throws ParseException {
    return parser.parse(text);
  }

  @Benchmark
  public long baselineLineSplit(Blackhole bh) {
    return LineSplitBaseline.touchLines(text, bh);
  }

  @Benchmark
  public long floorCharacterScan() {
    return LineSplitBaseline.scanCharacters(text);
  }

  @Benchmark
  public Object floorModelAllocation() {
    return ModelAllocationFloor.allocate(modelObjectSizes, smallObjects);
  }
}
