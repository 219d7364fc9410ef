package io.wgdiag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmark inputs by name: {@code <tool-id>/<size>}. {@code real} inputs are recorded output
 * bundled in {@code src/main/resources/inputs/} (sources named beside them); the others come from
 * {@link Generators} at gateway scale.
 */
public final class BenchInputs {
  private BenchInputs() {}

  private static final long SEED = 20261124L;

  /** The tools with a recorded input only (no scaled generator). */
  public static final java.util.List<String> OTHER_TOOLS = java.util.List.of(
      "wg-show", "ip-link", "ip-link-stats", "sysctl", "iperf3", "iperf3-json", "top",
      "proc-softnet-stat", "netstat-stats", "proc-net-snmp", "nstat", "ethtool-features", "iptables-rules",
      "nft-ruleset", "tcpdump", "tracepath");

  /** Every input the parser benchmarks know, by name, with the tool id that reads it. */
  public static final Map<String, Supplier<String>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("wg-show-dump/real", () -> resource("wg-show-dump.txt"));
    ALL.put("wg-show-dump/1e4-peers", () -> Generators.wgShowAllDump(10_000, SEED));
    ALL.put("wg-show-dump/1e5-peers", () -> Generators.wgShowAllDump(100_000, SEED));
    ALL.put("proc-interrupts/real", () -> resource("proc-interrupts.txt"));
    ALL.put("proc-interrupts/256-cpus", () -> Generators.procInterrupts(256, 200, SEED));
    ALL.put("mpstat/real", () -> resource("mpstat.txt"));
    ALL.put("mpstat/256-cpus", () -> Generators.mpstatAll(256, 5, SEED));
    ALL.put("ss-tcp-info/real", () -> resource("ss-tcp-info.txt"));
    ALL.put("ss-tcp-info/1e5-sockets", () -> Generators.ssTcpInfo(100_000, SEED));
    ALL.put("ip-route/real", () -> resource("ip-route.txt"));
    ALL.put("ip-route/1e6-routes", () -> Generators.ipRoute(1_000_000, SEED));
    ALL.put("conntrack-stats/real", () -> resource("conntrack-stats.txt"));
    ALL.put("conntrack-stats/256-cpus", () -> Generators.conntrackStats(256, SEED));
    ALL.put("tc-qdisc/real", () -> resource("tc-qdisc.txt"));
    ALL.put("tc-qdisc/mq-64-fq_codel", () -> Generators.tcMqFqCodel(64, SEED));
    ALL.put("ping/real", () -> resource("ping.txt"));
    ALL.put("ping/1e5-replies", () -> Generators.ping(100_000, SEED));
    // two small recorded outputs, also at scale: their model outweighs 4 bytes per input byte at 96
    // and 417 bytes, and these say what each further lookup or rule costs
    ALL.put("ip-route-get/real", () -> resource("ip-route-get.txt"));
    ALL.put("ip-route-get/1e4-lookups", () -> Generators.ipRouteGet(10_000, SEED));
    ALL.put("ip-rule/real", () -> resource("ip-rule.txt"));
    ALL.put("ip-rule/1e4-rules", () -> Generators.ipRule(10_000, SEED));
    // every other parser on its largest recorded fixture
    for (String tool : OTHER_TOOLS) {
      ALL.put(tool + "/real", () -> resource(tool + ".txt"));
    }
  }

  /** The tool id of an input name. */
  public static String toolOf(String name) {
    return name.substring(0, name.indexOf('/'));
  }

  /** The text of the input {@code name}. */
  public static String load(String name) {
    Supplier<String> s = ALL.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no benchmark input " + name + "; known: " + ALL.keySet());
    }
    return s.get();
  }

  static String resource(String file) {
    try (InputStream in = BenchInputs.class.getResourceAsStream("/inputs/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("missing bundled input inputs/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
