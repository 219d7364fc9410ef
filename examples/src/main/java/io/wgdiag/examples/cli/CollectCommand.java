package io.wgdiag.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wgdiag collect}: runs the field guide's commands on this host and writes a capture bundle
 * (docs/bundle-format.md). Commands run as argument arrays with timeouts, never through a shell;
 * missing tools are noted and skipped; no private or preshared key is ever written.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    header = "Run the field guide's commands here and write a capture bundle.",
    description = {
      "Run the field guide's commands on this Linux host and write a capture bundle for 'analyze'.",
      "With --iperf, capture before/during/after phases around an iperf3 load test."
    })
final class CollectCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(names = "--interface", required = true, paramLabel = "IF", description = "The WireGuard interface, e.g. wg0.")
  String iface = "";

  @Option(names = "--peer", required = true, paramLabel = "TUNNEL_IP", description = "The peer's address inside the tunnel.")
  String peer = "";

  @Option(names = "--underlay", paramLabel = "ENDPOINT_IP", description = "The peer's endpoint (underlay) address.")
  @Nullable String underlay;

  @Option(names = "--iperf", paramLabel = "SERVER", description = "An iperf3 server reachable through the tunnel: capture load phases.")
  @Nullable String iperf;

  @Option(names = "--iperf-port", paramLabel = "PORT", defaultValue = "5201", description = "The iperf3 server port (default: ${DEFAULT-VALUE}).")
  int iperfPort = 5201;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "8", description = "Seconds of each iperf3 run (default: ${DEFAULT-VALUE}).")
  int duration = 8;

  @Option(names = "--out", paramLabel = "PATH", defaultValue = "wgdiag-bundle", description = "Where to write the bundle: a directory, or a file ending in .tar.gz (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("wgdiag-bundle");

  @Option(names = "--anonymize", description = "Replace public IP addresses and public keys consistently.")
  boolean anonymize;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "Timeout of each command (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds = 20;

  @Override
  public Integer call() throws Exception {
    CommandSpec s = spec;
    PrintWriter err = s == null ? new PrintWriter(System.err, true) : s.commandLine().getErr();
    PrintWriter stdout = s == null ? new PrintWriter(System.out, true) : s.commandLine().getOut();
    String problem = validate();
    if (problem != null) {
      err.println(Messages.oneLine("wgdiag collect: " + problem));
      return WgDiag.EXIT_BAD_INPUT;
    }
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      err.println("wgdiag collect: runs on Linux only");
      return WgDiag.EXIT_BAD_INPUT;
    }
    boolean tarball = out.getFileName() != null && (out.getFileName().toString().endsWith(".tar.gz") || out.getFileName().toString().endsWith(".tgz"));
    Path dir = tarball ? Files.createTempDirectory("wgdiag-collect") : out;
    if (!tarball && Files.exists(dir) && !isEmptyDir(dir)) {
      err.println("wgdiag collect: " + Messages.path(String.valueOf(dir)) + " exists and is not empty");
      return WgDiag.EXIT_BAD_INPUT;
    }
    Files.createDirectories(dir);
    Redaction redaction = new Redaction(anonymize);
    Collector c = new Collector(dir, redaction::apply, timeoutSeconds * 1000L);

    // Route lookups first: they tell the underlay device.
    c.run("ip-route-get@peer.txt", "ip", "route", "get", peer);
    String underlayDev = null;
    if (underlay != null) {
      c.run("ip-route-get@underlay.txt", "ip", "route", "get", underlay);
      underlayDev = wordAfter(read(dir.resolve("ip-route-get@underlay.txt")), "dev");
    }
    c.run("wg-show.txt", "wg", "show", iface);
    c.run("ip-link.txt", "ip", "-d", "link", "show");
    c.run("ip-route.txt", "ip", "route", "show", "table", "all");
    c.run("ip-rule.txt", "ip", "rule", "show");
    List<String> sysctl = new ArrayList<>(List.of("sysctl", "net.core.rmem_max", "net.core.wmem_max",
        "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_congestion_control", "net.ipv4.tcp_mtu_probing",
        "net.ipv4.ip_forward", "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter",
        "net.ipv4.conf." + iface + ".rp_filter"));
    if (underlayDev != null) {
      sysctl.add("net.ipv4.conf." + underlayDev + ".rp_filter");
    }
    c.run("sysctl.txt", sysctl.toArray(new String[0]));
    c.run("tc-qdisc.txt", "tc", "qdisc", "show");
    if (underlayDev != null) {
      c.run("ethtool-features@" + underlayDev + ".txt", "ethtool", "-k", underlayDev);
    }
    c.run("iptables-rules.txt", "iptables", "-S");
    c.run("iptables-rules@mangle.txt", "iptables", "-t", "mangle", "-S");
    c.run("nft-ruleset.txt", "nft", "list", "ruleset");

    // Probes: the DF-ping ladder through the tunnel, the underlay baseline, tracepath.
    int mtu = mtuOf(read(dir.resolve("ip-link.txt")), iface);
    for (int size : ladder(mtu)) {
      c.run("probe/ping@df-" + size + ".txt", "ping", "-M", "do", "-s", Integer.toString(size), "-c", "3", "-i", "0.2", "-W", "1", peer);
    }
    if (underlay != null) {
      c.run("probe/ping@underlay.txt", "ping", "-c", "10", "-i", "0.2", "-W", "1", underlay);
      c.run("probe/ping@underlay-df-1472.txt", "ping", "-M", "do", "-s", "1472", "-c", "3", "-i", "0.2", "-W", "1", underlay);
      c.run("probe/tracepath@underlay.txt", "tracepath", "-n", "-m", "8", underlay);
    }

    if (iperf == null) {
      counters(c, "", underlayDev);
      c.run("mpstat.txt", "mpstat", "-P", "ALL", "1", "1");
      c.run("top.txt", "top", "-b", "-n", "1");
    } else {
      counters(c, "before/", underlayDev);
      loadPhase(c, "during/", "single", new String[0]);
      loadPhase(c, "during/", "p4", new String[] {"-P", "4"});
      counters(c, "after/", underlayDev);
    }

    List<String> props = new ArrayList<>();
    props.add("interface=" + iface);
    props.add("peer=" + (anonymize ? redaction.apply(peer) : peer));
    if (underlay != null) {
      props.add("underlay=" + (anonymize ? redaction.apply(underlay) : underlay));
    }
    props.add("time=" + Instant.now());
    props.add("label=collected by wgdiag collect");
    Files.writeString(dir.resolve("bundle.properties"), String.join("\n", props) + "\n", StandardCharsets.UTF_8);
    StringBuilder notes = new StringBuilder("# Collection notes\n\n");
    if (c.notes().isEmpty()) {
      notes.append("Every command ran.\n");
    }
    for (String n : c.notes()) {
      notes.append("- ").append(n).append('\n');
    }
    Files.writeString(dir.resolve("NOTES.md"), notes.toString(), StandardCharsets.UTF_8);
    if (tarball) {
      writeTarGz(dir, out);
      deleteTree(dir);
    }
    stdout.println("wrote " + out + (c.notes().isEmpty() ? "" : " (" + c.notes().size() + " notes in NOTES.md)"));
    return WgDiag.EXIT_OK;
  }

  private void counters(Collector c, String phase, @Nullable String underlayDev) throws IOException, InterruptedException {
    c.run(phase + "wg-show-dump.txt", "wg", "show", iface, "dump");
    c.run(phase + "ip-link-stats.txt", "ip", "-s", "-s", "link", "show");
    c.run(phase + "tc-qdisc.txt", "tc", "-s", "qdisc", "show");
    c.run(phase + "netstat-stats.txt", "netstat", "-s");
    c.run(phase + "proc-net-snmp.txt", "cat", "/proc/net/snmp");
    c.run(phase + "conntrack-stats.txt", "conntrack", "-S");
    c.run(phase + "proc-interrupts.txt", "cat", "/proc/interrupts");
    c.run(phase + "proc-softnet-stat.txt", "cat", "/proc/net/softnet_stat");
  }

  private void loadPhase(Collector c, String phase, String name, String[] extra) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("iperf3", "-c", iperf == null ? "" : iperf, "-p", Integer.toString(iperfPort),
        "-t", Integer.toString(duration)));
    argv.addAll(List.of(extra));
    Collector.Running load = c.start(phase + "iperf3@" + name + ".txt", argv.toArray(new String[0]));
    if (load == null) {
      return;
    }
    int samples = Math.max(1, duration - 3);
    Collector.Running mpstat = c.start(phase + "mpstat@" + name + ".txt", "mpstat", "-P", "ALL", "1", Integer.toString(samples));
    Collector.Running ping = c.start(phase + "ping@loaded-" + name + ".txt", "ping", "-c", Integer.toString(samples), "-i", "1", "-W", "2", peer);
    Thread.sleep(Math.min(2000, duration * 300L));
    c.run(phase + "ss-tcp-info@" + name + ".txt", "ss", "-tin", "dst", iperf == null ? "" : iperf);
    c.run(phase + "top@" + name + ".txt", "top", "-b", "-n", "1");
    long wait = (duration + 10) * 1000L;
    load.finish(wait);
    if (mpstat != null) {
      mpstat.finish(wait);
    }
    if (ping != null) {
      ping.finish(wait);
    }
  }

  /** DF ping payloads: one above what the tunnel MTU allows (shows the local limit), then down. */
  static List<Integer> ladder(int tunnelMtu) {
    int top = tunnelMtu - 28;
    List<Integer> sizes = new ArrayList<>();
    sizes.add(top + 20);
    for (int s = top; s >= Math.min(top, 1172) && sizes.size() < 9; s -= s > top - 100 ? 20 : 60) {
      sizes.add(s);
    }
    return sizes;
  }

  private @Nullable String validate() {
    if (!iface.matches("[A-Za-z0-9_.:-]{1,15}") || iface.startsWith("-")) {
      return "--interface must be an interface name (letters, digits, . _ : -; at most 15), not '" + iface + "'";
    }
    for (String[] a : new String[][] {{"--peer", peer}, {"--underlay", underlay}, {"--iperf", iperf}}) {
      if (a[1] != null && !isIpLiteral(a[1])) {
        return a[0] + " must be an IPv4 or IPv6 address, not '" + a[1] + "'";
      }
    }
    if (duration < 2 || duration > 300) {
      return "--duration must be 2 to 300 seconds";
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 600) {
      return "--timeout must be 1 to 600 seconds";
    }
    if (iperfPort < 1 || iperfPort > 65535) {
      return "--iperf-port must be 1 to 65535";
    }
    return null;
  }

  static boolean isIpLiteral(String s) {
    if (s.isEmpty() || s.length() > 45 || s.startsWith("-")) {
      return false;
    }
    boolean v4 = s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.') && s.chars().filter(ch -> ch == '.').count() == 3;
    boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == ':' || ch == '.');
    if (!v4 && !v6) {
      return false;
    }
    try {
      InetAddress.getByName(s); // a literal: no name lookup happens
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  static @Nullable String wordAfter(String text, String key) {
    String[] w = text.split("\\s+");
    for (int i = 0; i + 1 < w.length; i++) {
      if (w[i].equals(key)) {
        return w[i + 1].matches("[A-Za-z0-9_.:@-]{1,15}") ? w[i + 1].replaceAll("@.*", "") : null;
      }
    }
    return null;
  }

  /** The MTU of {@code iface} in {@code ip link} output, or 1420 (wg-quick's default) if not found. */
  static int mtuOf(String ipLink, String iface) {
    for (String line : ipLink.split("\n")) {
      String t = line.strip();
      int colon = t.indexOf(": ");
      if (colon > 0 && t.substring(colon + 2).startsWith(iface) ) {
        String rest = t.substring(colon + 2 + iface.length());
        if (rest.startsWith(":") || rest.startsWith("@")) {
          String m = wordAfter(rest, "mtu");
          if (m != null && m.matches("\\d{3,5}")) {
            return Integer.parseInt(m);
          }
        }
      }
    }
    return 1420;
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Writes {@code dir} as a gzip-compressed ustar archive with one top folder named after the file. */
  static void writeTarGz(Path dir, Path file) throws IOException {
    String top = file.getFileName().toString().replaceAll("\\.(tar\\.gz|tgz)$", "");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (Path p : files) {
        String name = top + "/" + dir.relativize(p).toString().replace('\\', '/');
        byte[] data = Files.readAllBytes(p);
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
          throw new IOException("path too long for tar: " + name);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, data.length);
        octal(h, 136, 12, Instant.now().getEpochSecond());
        h[156] = '0';
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        for (int i = 148; i < 156; i++) {
          h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
          sum += b & 255;
        }
        octal(h, 148, 7, sum);
        os.write(h);
        os.write(data);
        int pad = (512 - data.length % 512) % 512;
        os.write(new byte[pad]);
      }
      os.write(new byte[1024]);
    }
  }

  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
    byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, Math.min(b.length, len - 1));
    h[off + len - 1] = 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
