package io.wgdiag.bench;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * The memory a parsed model holds: the bytes of every object a parse makes and the model still
 * reaches when the parse is done, measured with JOL (the JVM's own field layout, compressed
 * references as the JVM runs them). Objects the model shares with every other parse (constant
 * strings such as {@code "main"}, Guava's empty collections) are not counted: the model of a
 * second parse of the same text is walked too, and what both reach is left out.
 *
 * <p>This is the least any parser that makes the same model allocates, so beside the bytes a
 * parse allocates ({@code gc.alloc.rate.norm}) it separates the model's cost from the parser's;
 * and it is what a caller keeps in memory per input byte, the figure to set beside {@code jc}'s.
 *
 * <pre>
 * java -cp wg-bench/target/benchmarks.jar io.wgdiag.bench.ModelFootprint [--only REGEX]
 * java -cp wg-bench/target/benchmarks.jar io.wgdiag.bench.ModelFootprint --file TOOL FILE
 * </pre>
 */
public final class ModelFootprint {
  private ModelFootprint() {}

  /**
   * A model's own objects.
   *
   * @param bytes the bytes they take in the heap
   * @param objects how many there are
   */
  public record Footprint(long bytes, long objects) {
    /** {@link #bytes} per byte of the input the model was parsed from, {@code inputBytes} long. */
    public double perInputByte(long inputBytes) {
      return (double) bytes / inputBytes;
    }
  }

  /**
   * One parse measured.
   *
   * @param model the objects its model owns
   * @param allocatedBytes the bytes the parse allocated in all, model included: the most it can
   *     have held at once
   */
  public record Measured(Footprint model, long allocatedBytes) {}

  /**
   * Parses {@code text} twice with {@code parser}: the first parse is the twin (and loads and
   * initialises what the parse needs), the second is measured, its allocation by this thread's
   * counter and its model's own objects against the twin's.
   */
  public static Measured measure(Parser<?> parser, String text) throws ParseException {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    Object twin = parser.parse(text);
    long before = mx.getThreadAllocatedBytes(thread);
    Object model = parser.parse(text);
    long allocated = mx.getThreadAllocatedBytes(thread) - before;
    return new Measured(own(model, twin), allocated);
  }

  /**
   * The objects {@code model} reaches that {@code twin} (a model of the same text, parsed apart)
   * does not: what the parse of {@code model} made.
   */
  static Footprint own(Object model, Object twin) {
    GraphLayout own = ownLayout(model, twin);
    return new Footprint(own.totalSize(), own.totalCount());
  }

  /**
   * The sizes in bytes of the objects {@code model} owns against {@code twin} (as {@link #own}), in
   * the order they lie in the heap: what {@link ModelAllocationFloor} allocates again.
   */
  static int[] ownObjectSizes(Object model, Object twin) {
    GraphLayout own = ownLayout(model, twin);
    return own.addresses().stream().mapToInt(a -> Math.toIntExact(own.record(a).size())).toArray();
  }

  /**
   * JOL's layout of the objects {@code model} reaches and {@code twin} does not. JOL keys each
   * object by its address, so a collection during the walk (the walk allocates) can move two
   * objects onto one key: then the layout holds fewer addresses than it counted objects, and the
   * walk is taken again, up to {@link #WALKS} times.
   */
  private static GraphLayout ownLayout(Object model, Object twin) {
    quietly();
    GraphLayout own = GraphLayout.parseInstance(model).subtract(GraphLayout.parseInstance(twin));
    for (int walk = 1; walk < WALKS && own.addresses().size() != own.totalCount(); walk++) {
      own = GraphLayout.parseInstance(model).subtract(GraphLayout.parseInstance(twin));
    }
    return own;
  }

  /** The most walks {@link #ownLayout} takes of one model. */
  private static final int WALKS = 5;

  private static boolean started;

  /**
   * Starts JOL without the instrumentation agent it would attach to this JVM (sizes then come from
   * the JVM's field offsets and alignment, the same figures here as with the agent), with what it
   * prints on start on stderr, so that stdout carries only the table.
   */
  private static synchronized void quietly() {
    if (started) {
      return;
    }
    started = true;
    if (System.getProperty("jol.skipDynamicAttach") == null) {
      System.setProperty("jol.skipDynamicAttach", "true");
    }
    PrintStream out = System.out;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      VM.current();
    } finally {
      System.setOut(out);
    }
    System.err.print(said.toString(StandardCharsets.UTF_8));
  }

  /** A markdown table of the footprint of each of {@code inputs} (names in {@link BenchInputs#ALL}). */
  static String table(List<String> inputs) throws ParseException {
    StringBuilder sb = new StringBuilder();
    sb.append("| input | size (bytes) | model's own bytes | objects | model bytes per input byte |\n");
    sb.append("|---|---:|---:|---:|---:|\n");
    for (String input : inputs) {
      String text = BenchInputs.load(input); // generated once: the scaled inputs take seconds to make
      long size = text.getBytes(StandardCharsets.UTF_8).length;
      Footprint f = measure(ParserRegistry.standard().parser(BenchInputs.toolOf(input)), text).model();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f |%n", input, size, f.bytes(), f.objects(),
          f.perInputByte(size)));
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IOException | ParseException | IllegalArgumentException e) { // PatternSyntaxException is one
      System.err.println("ModelFootprint: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "")
          + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(String[] args) throws IOException, ParseException {
    boolean onFile = args.length == 3 && args[0].equals("--file");
    boolean onInputs = args.length == 0 || (args.length == 2 && args[0].equals("--only"));
    if (!onFile && !onInputs) {
      throw new IllegalArgumentException("usage: ModelFootprint [--only REGEX] | ModelFootprint --file TOOL FILE");
    }
    if (onFile) {
      // the model's own bytes and objects, those per input byte, and the bytes one parse allocated
      // per input byte (the most it can have held at once; JMH's figure, measured once here)
      String text = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
      long size = text.getBytes(StandardCharsets.UTF_8).length;
      Measured m = measure(ParserRegistry.standard().parser(args[1]), text);
      Footprint f = m.model();
      System.out.printf(Locale.ROOT, "%d %d %.2f %.2f%n", f.bytes(), f.objects(), f.perInputByte(size),
          (double) m.allocatedBytes() / size);
      return;
    }
    Pattern only = Pattern.compile(args.length == 2 ? args[1] : ".*");
    List<String> inputs = new ArrayList<>();
    for (String name : BenchInputs.ALL.keySet()) {
      if (only.matcher(name).matches()) {
        inputs.add(name);
      }
    }
    System.out.print(table(inputs));
  }
}
