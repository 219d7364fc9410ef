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
import io.wgdiag.model.wireguard.ImmutableWgInterface;
import io.wgdiag.model.wireguard.ImmutableWgPeer;
import io.wgdiag.model.wireguard.ImmutableWgShow;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * {@code 1e5-peers} is the same case with 10^5 generated healthy peers (handshakes within two
 * minutes) added to the tunnel interface in every local {@code wg show} capture, as on a gateway.
 * Parsing is done in setup: this measures the analysis alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages",
    "-XX:+AlwaysPreTouch"})
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
    // 10^5 more peers on the tunnel's own interface, beside the recorded peer: a gateway's view
    WgShow generated = (WgShow) ParserRegistry.standard().parser("wg-show-dump")
        .parse(Generators.wgShowAllDump(100_000, 20261124L));
    // healthy peers: each with a handshake in the last two minutes before the capture, so the
    // diagnosis stays the recorded one and the analyzers do their full per-peer work
    long captured = real.captureTime().map(t -> java.time.Instant.parse(t).getEpochSecond()).orElse(1_795_564_937L);
    List<WgPeer> extra = new ArrayList<>();
    int n = 0;
    for (WgPeer p : generated.interfaces().get(0).peers()) {
      extra.add(ImmutableWgPeer.copyOf(p).withLatestHandshakeEpochSeconds(captured - (n++ % 120)));
    }
    Case.Builder b = Case.builder();
    real.tunnelInterface().ifPresent(b::tunnelInterface);
    real.peerTunnelAddress().ifPresent(b::peerTunnelAddress);
    real.label().ifPresent(b::label);
    real.captureTime().ifPresent(b::captureTime);
    int enlarged = 0;
    for (Host host : Host.values()) {
      HostSnapshot snap = real.host(host).orElse(null);
      if (snap == null) {
        continue;
      }
      for (Phase phase : Phase.values()) {
        for (Capture c : snap.captures(phase)) {
          if (host == Host.LOCAL && c.model() instanceof WgShow show) {
            ImmutableWgShow.Builder bigger = WgShow.builder();
            for (WgInterface i : show.interfaces()) {
              bigger.addInterfaces(ImmutableWgInterface.copyOf(i).withPeers(
                  com.google.common.collect.ImmutableList.<WgPeer>builder().addAll(i.peers()).addAll(extra).build()));
            }
            c = new Capture(c.toolId(), c.command(), c.qualifier(), c.filtered(), c.source(), bigger.build());
            enlarged++;
          }
          b.add(host, phase, c);
        }
      }
    }
    if (enlarged == 0) {
      throw new IllegalStateException("the recorded case has no wg show capture to enlarge");
    }
    return b.build();
  }

  @Benchmark
  public Report analyze() {
    return analysis.run(kase);
  }
}
