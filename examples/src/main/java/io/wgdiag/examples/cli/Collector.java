package io.wgdiag.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs the field guide's commands as argument arrays (never through a shell), with a timeout and
 * {@code LC_ALL=C}, and writes each output as a one-command transcript into a bundle folder.
 */
final class Collector {
  /** The most output kept from one command, in bytes. */
  static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

  private final Path root;
  private final UnaryOperator<String> filter;
  private final List<String> notes = new ArrayList<>();
  private final long timeoutMillis;

  Collector(Path root, UnaryOperator<String> filter, long timeoutMillis) {
    this.root = root;
    this.filter = filter;
    this.timeoutMillis = timeoutMillis;
  }

  List<String> notes() {
    return notes;
  }

  /** A started command whose output is written when it ends. */
  final class Running {
    final Process process;
    final String file;
    final List<String> argv;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Thread pump;

    Running(Process process, String file, List<String> argv) {
      this.process = process;
      this.file = file;
      this.argv = argv;
      this.pump = new Thread(() -> pump(process.getInputStream(), out), "collect-" + argv.get(0));
      pump.setDaemon(true);
      pump.start();
    }

    /** Waits (bounded) for the command and writes its transcript. */
    void finish(long waitMillis) throws IOException, InterruptedException {
      boolean done = process.waitFor(waitMillis, TimeUnit.MILLISECONDS);
      if (!done) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        notes.add(String.join(" ", argv) + ": timed out after " + waitMillis + " ms; output kept as far as it got");
      }
      pump.join(2000);
      write(file, argv, out.toString(StandardCharsets.UTF_8));
    }
  }

  /** Whether {@code program} is on the PATH. */
  static boolean available(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code argv} to completion (bounded) and writes it to {@code file}; false if skipped. */
  boolean run(String file, String... argv) throws IOException, InterruptedException {
    Running r = start(file, argv);
    if (r == null) {
      return false;
    }
    r.finish(timeoutMillis);
    return true;
  }

  /** Starts {@code argv} in the background; null (with a note) when the tool is missing. */
  @Nullable Running start(String file, String... argv) throws IOException {
    List<String> cmd = List.of(argv);
    if (!available(argv[0])) {
      notes.add(String.join(" ", cmd) + ": skipped, " + argv[0] + " is not installed");
      return null;
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("LC_ALL", "C");
    env.remove("WG_HIDE_KEYS"); // keys print as (hidden) by default; never ask for them
    env.put("WG_COLOR_MODE", "never");
    env.put("S_COLORS", "never");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new Running(pb.start(), file, cmd);
  }

  void write(String file, List<String> argv, String output) throws IOException {
    Path p = root.resolve(file);
    Files.createDirectories(p.getParent());
    String text = "$ " + String.join(" ", argv) + "\n" + filter.apply(output);
    if (!text.endsWith("\n")) {
      text += "\n";
    }
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static void pump(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() < MAX_OUTPUT_BYTES) {
          out.write(buf, 0, Math.min(n, MAX_OUTPUT_BYTES - out.size()));
        }
      }
    } catch (IOException e) {
      // the process ended or was killed: keep what was read
    }
  }
}
