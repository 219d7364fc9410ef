package io.wgdiag.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A synthetic fleet made from real recorded captures: each capture is a copy of one lab recording
 * (its files unchanged) packed as {@code .tar.gz}, with labels (site, isp, vm-size, kernel) and a
 * time added to its {@code bundle.properties}. Labels are drawn uniformly and independently; a
 * {@link Plant} makes the captures with one label value copy a fault scenario at a planned rate.
 * The other captures copy the healthy recording, except for a small share of background noise
 * spread evenly over every label.
 *
 * <pre>java ... io.wgdiag.fleet.SyntheticFleet LAB_DIR OUT_DIR COUNT [SEED]</pre>
 */
public final class SyntheticFleet {
  private SyntheticFleet() {}

  /** The label names and their values. */
  public static final Map<String, List<String>> LABELS = labels();

  private static Map<String, List<String>> labels() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("site", List.of("fra1", "ams1", "lon1", "par1", "waw1"));
    m.put("isp", List.of("acme", "globex", "initech", "umbrella"));
    m.put("vm-size", List.of("small", "medium", "large"));
    m.put("kernel", List.of("6.1", "6.6", "6.12"));
    return m;
  }

  /**
   * A planted fault: captures whose label {@code name} is {@code value} copy the lab scenario
   * {@code scenario} with probability {@code rate}.
   *
   * @param rate a probability, 0 to 1
   */
  public record Plant(String name, String value, String scenario, double rate) {}

  /** The standard plan: three faults, each carried by one label value. */
  public static final List<Plant> PLAN = List.of(
      new Plant("isp", "globex", "underlay-loss", 0.6),
      new Plant("vm-size", "small", "cpu-pinned", 0.5),
      new Plant("site", "ams1", "bufferbloat", 0.6));

  /** The share of captures that copy a scenario drawn at random among the noise scenarios, whatever their labels. */
  public static final double NOISE = 0.05;

  /** Scenarios used as background noise: faults no plant uses. */
  public static final List<String> NOISE_SCENARIOS = List.of("allowed-ips-gap", "local-qdisc-drops", "not-via-tunnel");

  /** One capture of the fleet: its labels and the scenario it copies. */
  public record Member(String name, Map<String, String> labels, String scenario) {}

  /** Writes {@code count} captures under {@code out}; returns what each one is. */
  public static List<Member> generate(Path lab, Path out, int count, long seed) throws IOException {
    Files.createDirectories(out);
    Map<String, Map<String, byte[]>> scenarios = new TreeMap<>();
    List<Member> members = plan(count, seed);
    for (Member m : members) {
      Map<String, byte[]> files = scenarios.computeIfAbsent(m.scenario(), s -> readScenario(lab.resolve(s)));
      Files.write(out.resolve(m.name() + ".tar.gz"), pack(m, files));
    }
    return members;
  }

  /** The members of a fleet of {@code count}, without writing them. */
  public static List<Member> plan(int count, long seed) {
    Random rnd = new Random(seed);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : LABELS.entrySet()) {
        labels.put(e.getKey(), e.getValue().get(rnd.nextInt(e.getValue().size())));
      }
      labels.put("time", start.plus(rnd.nextInt(14 * 24 * 60), ChronoUnit.MINUTES).toString());
      String scenario = "healthy";
      for (Plant p : PLAN) {
        if (p.value().equals(labels.get(p.name())) && rnd.nextDouble() < p.rate()) {
          scenario = p.scenario();
          break;
        }
      }
      if (scenario.equals("healthy") && rnd.nextDouble() < NOISE) {
        scenario = NOISE_SCENARIOS.get(rnd.nextInt(NOISE_SCENARIOS.size()));
      }
      out.add(new Member(String.format("gw-%05d", i), labels, scenario));
    }
    return out;
  }

  private static Map<String, byte[]> readScenario(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no recorded capture there");
    }
    return files;
  }

  /** The capture as a .tar.gz: the scenario's files, its bundle.properties with the labels added. */
  static byte[] pack(Member m, Map<String, byte[]> files) throws IOException {
    Properties props = new Properties();
    byte[] orig = files.get("bundle.properties");
    if (orig != null) {
      props.load(new StringReader(new String(orig, StandardCharsets.UTF_8)));
    }
    StringBuilder p = new StringBuilder();
    for (String k : new TreeMap<>(Map.copyOf(toMap(props))).keySet()) {
      if (!m.labels().containsKey(k)) {
        p.append(k).append('=').append(props.getProperty(k)).append('\n');
      }
    }
    m.labels().forEach((k, v) -> p.append(k).append('=').append(v).append('\n'));
    p.append("host=").append(m.name()).append('\n');
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
      entry(gz, m.name() + "/bundle.properties", p.toString().getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        if (!f.getKey().equals("bundle.properties")) {
          entry(gz, m.name() + "/" + f.getKey(), f.getValue());
        }
      }
      gz.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }

  private static Map<String, String> toMap(Properties p) {
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return m;
  }

  /** One ustar entry (names under 100 bytes, as the lab's are). */
  private static void entry(OutputStream out, String name, byte[] data) throws IOException {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      throw new IOException(name + ": name longer than 100 bytes");
    }
    System.arraycopy(n, 0, h, 0, n.length);
    put(h, 100, String.format("%07o", 0644));
    put(h, 108, String.format("%07o", 0));
    put(h, 116, String.format("%07o", 0));
    put(h, 124, String.format("%011o", data.length));
    put(h, 136, String.format("%011o", 1_764_547_200L));
    h[156] = '0';
    put(h, 257, "ustar");
    h[262] = 0;
    put(h, 263, "00");
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    out.write(h);
    out.write(data);
    out.write(new byte[(512 - data.length % 512) % 512]);
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  /** Writes a fleet: {@code LAB_DIR OUT_DIR COUNT [SEED]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: SyntheticFleet LAB_DIR OUT_DIR COUNT [SEED]");
      System.exit(2);
    }
    List<Member> m = generate(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]),
        args.length > 3 ? Long.parseLong(args[3]) : 1L);
    Map<String, Integer> by = new TreeMap<>();
    m.forEach(x -> by.merge(x.scenario(), 1, Integer::sum));
    System.out.println("wrote " + m.size() + " captures to " + args[1] + ": " + by);
  }
}
