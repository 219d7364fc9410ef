package io.wgdiag.bench;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.bundle.BundleException;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Every built-in analyzer on a full case: both tunnel ends, before/during/after plus probes. {@code
 * real} is the lab's bufferbloat bundle as recorded (wireguard-go in namespaces, one peer);
 * {@code 1e5-peers} is the same case with a generated {@code wg show all dump} of 10^5 peers in
 * each local phase, as on a gateway. Parsing is done in setup: this measures the analysis alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class AnalysisBenchmark {

  /** {@code real} or {@code 1e5-peers}. */
  @Param({"real", "1e5-peers"})
  public String size = "real";

  private Case kase = Case.builder().build();
  private final Analysis analysis = Analysis.standard();

  @Setup(Level.Trial)
  public void setUp() throws BundleException, ParseException {
    kase = fullCase(size);
  }

  /** The case the benchmark analyses; public so a test can check it is full. */
  public static Case fullCase(String size) throws BundleException, ParseException {
    Path tmp;
    try (InputStream in = AnalysisBenchmark.class.getResourceAsStream("/cases/bufferbloat.tar.gz")) {
      if (in == null) {
        throw new IllegalStateException("missing bundled case cases/bufferbloat.tar.gz");
      }
      tmp = Files.createTempFile("wgdiag-bench-case", ".tar.gz");
      Files.write(tmp, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Case real;
    try {
      real = EvidenceReader.standard().read(tmp).kase();
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
    if (size.equals("real")) {
      return real;
    }
    if (!size.equals("1e5-peers")) {
      throw new IllegalArgumentException("size is real or 1e5-peers, not " + size);
    }
    Object dump = ParserRegistry.standard().parser("wg-show-dump").parse(Generators.wgShowAllDump(100_000, 20261124L));
    Case.Builder b = Case.builder();
    real.tunnelInterface().ifPresent(b::tunnelInterface);
    real.peerTunnelAddress().ifPresent(b::peerTunnelAddress);
    real.label().ifPresent(b::label);
    for (Host host : Host.values()) {
      HostSnapshot snap = real.host(host).orElse(null);
      if (snap == null) {
        continue;
      }
      for (Phase phase : Phase.values()) {
        for (Capture c : snap.captures(phase)) {
          b.add(host, phase, c);
        }
        if (host == Host.LOCAL && (phase == Phase.BEFORE || phase == Phase.DURING || phase == Phase.AFTER)) {
          b.add(host, phase, "wg-show-dump", dump, "generated/wg-show-all-dump-1e5.txt");
        }
      }
    }
    return b.build();
  }

  @Benchmark
  public Report analyze() {
    return analysis.run(kase);
  }
}
