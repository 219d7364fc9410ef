package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.bundle.LoadedEvidence;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every bundle the lab recorded on real wireguard-go tunnels ({@code lab/lab.sh}): the
 * expected finding ranks first, the forbidden codes stay absent, no line is left unread, and no
 * private key reached the bundle.
 */
class LabReplayTest {

  @TestFactory
  Stream<DynamicTest> everyRecordedScenarioRanksAsExpected() throws Exception {
    Path root = Cases.path("lab");
    List<Path> scenarios;
    try (Stream<Path> s = Files.list(root)) {
      scenarios = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
    return scenarios.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Properties expected = new Properties();
      expected.load(new StringReader(Files.readString(dir.resolve("expected.properties"))));
      LoadedEvidence e = Cases.load("lab/" + dir.getFileName());
      assertThat(e.unread()).as("unread lines").isEmpty();
      Report r = Analysis.standard().run(e.kase());
      List<String> codes = r.findings().stream().map(f -> f.code() + "/" + f.severity() + "@" + f.host().label()).toList();
      String top = expected.getProperty("top");
      if (top.equals("none")) {
        assertThat(r.findings()).as(codes.toString()).noneMatch(f -> f.severity().atLeast(Severity.WARNING));
      } else {
        assertThat(r.top()).as(codes.toString()).isPresent();
        assertThat(r.top().get().code()).as(codes.toString()).isEqualTo(top);
      }
      for (String absent : Arrays.stream(expected.getProperty("absent", "").split(",")).filter(x -> !x.isBlank()).toList()) {
        assertThat(r.has(absent)).as(absent + " in " + codes).isFalse();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(x -> x.getFileName().toString().startsWith("wg-show-dump")).toList()) {
          String text = Files.readString(f);
          for (String line : text.split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length == 4 || cols.length == 5) {
              assertThat(cols[cols.length == 5 ? 1 : 0]).as(f + ": a private key field").isIn("(hidden)", "(none)");
            }
          }
        }
      }
    }));
  }

  /**
   * A bundle that names the peer's tunnel address ({@code peer=} in bundle.properties) gets it in
   * every command wgdiag proposes for the local end, so they can be pasted as printed; the remote
   * end's commands, for which no address was given, keep the placeholder.
   */
  @TestFactory
  Stream<DynamicTest> commandsForTheLocalEndNameTheGivenPeer() throws Exception {
    Path root = Cases.path("lab");
    List<Path> scenarios;
    try (Stream<Path> s = Files.list(root)) {
      scenarios = s.filter(d -> Files.isRegularFile(d.resolve("bundle.properties"))).sorted().toList();
    }
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(5);
    return scenarios.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      LoadedEvidence e = Cases.load("lab/" + dir.getFileName());
      String peer = e.kase().peerTunnelAddress().orElseThrow();
      Report r = Analysis.standard().run(e.kase());
      List<String> local = new java.util.ArrayList<>();
      for (Finding f : r.findings()) {
        if (f.host() == Host.LOCAL) {
          for (Action a : f.actions()) {
            local.addAll(a.apply());
            local.addAll(a.verify());
            local.addAll(a.rollback());
          }
        }
      }
      r.notAssessed().forEach(n -> local.addAll(n.collect()));
      assertThat(local).as("commands for the local end").noneMatch(c -> c.contains(AnalysisContext.PEER_PLACEHOLDER));
      assertThat(AnalysisContext.PEER_PLACEHOLDER).doesNotContain(peer);
    }));
  }

  @org.junit.jupiter.api.Test
  void thePeerNamedInTheBundleIsTheOneInTheCommands() throws Exception {
    LoadedEvidence e = Cases.load("lab/pmtu-blackhole");
    Report r = Analysis.standard().run(e.kase());
    Finding blackhole = r.withCode(Codes.MTU_BLACKHOLE).stream().filter(f -> f.host() == Host.LOCAL).findFirst().orElseThrow();
    String peer = e.kase().peerTunnelAddress().orElseThrow();
    assertThat(blackhole.actions().get(0).verify()).allMatch(c -> List.of(c.split(" ")).contains(peer), "names " + peer);
    Finding remote = r.withCode(Codes.MTU_BLACKHOLE).stream().filter(f -> f.host() == Host.REMOTE).findFirst().orElseThrow();
    assertThat(remote.actions().get(0).verify()).noneMatch(c -> List.of(c.split(" ")).contains(peer));
  }
}
