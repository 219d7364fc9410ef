package io.wgdiag.parsers.streaming;

import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.StreamingParser;
import java.util.Locale;

/**
 * Run in a child JVM by {@link StreamingTest}: streams {@code args[1]} bytes of generated {@code
 * args[0]} output through the parser's Reader path and prints the items seen, the bytes, the time
 * and the heap limit.
 */
public final class StreamingMain {
  private StreamingMain() {}

  public static void main(String[] args) throws Exception {
    String tool = args[0];
    long bytes = Long.parseLong(args[1]);
    GeneratedReader in = switch (tool) {
      case "ping" -> GeneratedReader.ping(bytes);
      case "ip-route" -> GeneratedReader.ipRoute(bytes);
      case "ss-tcp-info" -> GeneratedReader.ss(bytes);
      default -> throw new IllegalArgumentException(tool);
    };
    StreamingParser<?, Object> p = ParserRegistry.standard().streaming(tool, Object.class);
    long[] items = {0};
    long t0 = System.nanoTime();
    p.parseStreaming(in, x -> items[0]++);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "items=%d bytes=%d seconds=%.1f mbps=%.0f maxheap=%d%n", items[0], in.produced(), s,
        in.produced() / s / 1e6, Runtime.getRuntime().maxMemory());
  }
}
