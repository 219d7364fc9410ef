package io.wgdiag.bench;

import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The inputs and the in-process half of the side-by-side with {@code jc} (see {@code
 * wg-bench/jc-compare.sh}): {@code write DIR} writes a 10 MB generated file per tool both read;
 * {@code time TOOL FILE} parses it in this JVM after warm-up and prints the best MB/s of 10 runs.
 */
public final class JcComparison {
  private JcComparison() {}

  /** Tools jc reads too, with the generator sized by a count. */
  static final String[] TOOLS = {"ping", "mpstat", "proc-interrupts", "sysctl"};

  static IntFunction<String> generator(String tool) {
    return switch (tool) {
      case "ping" -> n -> Generators.ping(n, 7);
      case "mpstat" -> n -> Generators.mpstatAll(64, n, 7);
      case "proc-interrupts" -> n -> Generators.procInterrupts(64, n, 7);
      case "sysctl" -> JcComparison::sysctlAll;
      default -> throw new IllegalArgumentException(tool);
    };
  }

  /** {@code sysctl -a} of a host with {@code links} interfaces: per-interface IPv4 and IPv6 settings. */
  static String sysctlAll(int links) {
    String[] v4 = {"accept_local", "accept_redirects", "arp_filter", "forwarding", "mc_forwarding", "rp_filter", "send_redirects"};
    String[] v6 = {"accept_ra", "autoconf", "disable_ipv6", "forwarding", "hop_limit", "mtu"};
    StringBuilder sb = new StringBuilder(links * 400);
    for (int i = 0; i < links; i++) {
      for (String k : v4) {
        sb.append("net.ipv4.conf.veth").append(i).append('.').append(k).append(" = ").append((i + k.length()) % 3).append('\n');
      }
      for (String k : v6) {
        sb.append("net.ipv6.conf.veth").append(i).append('.').append(k).append(" = ")
            .append(k.equals("mtu") ? 1420 : k.equals("hop_limit") ? 64 : i % 2).append('\n');
      }
    }
    return sb.toString();
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("write")) {
      Path dir = Path.of(args[1]);
      Files.createDirectories(dir);
      for (String tool : TOOLS) {
        IntFunction<String> g = generator(tool);
        int probe = 100;
        int n = (int) Math.max(1, (long) probe * 10_000_000L / g.apply(probe).length());
        String text = g.apply(n);
        Files.writeString(dir.resolve(tool + ".txt"), text, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s %d bytes%n", tool, text.length());
      }
    } else if (args.length == 3 && args[0].equals("time")) {
      String text = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
      Parser<?> p = ParserRegistry.standard().parser(args[1]);
      // Warm up for at least 10 parses and 3 s: C2 has compiled the parse by then, and the young
      // generation has been collected and reused at least once (run with -XX:+AlwaysPreTouch too),
      // so the best of the next 10 measures the parse, not the first touch of fresh heap pages.
      long warm = System.nanoTime() + 3_000_000_000L;
      for (int i = 0; i < 10 || System.nanoTime() < warm; i++) {
        p.parse(text);
      }
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 10; i++) {
        long t0 = System.nanoTime();
        p.parse(text);
        best = Math.min(best, System.nanoTime() - t0);
      }
      System.out.printf(Locale.ROOT, "%.1f%n", text.length() / (best / 1e9) / 1e6);
    } else {
      throw new IOException("usage: JcComparison write DIR | time TOOL FILE");
    }
  }
}
