package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.model.wireguard.WgShow;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The lab's before/after pairs ({@code lab/lab.sh pair}, issue 28): one tunnel recorded before and
 * after one change, each side a full two-ended bundle, with {@code pair.properties} naming the
 * expected verdict and the change. These are the recordings {@code compare} is tested against; this
 * test holds them to their layout (both ends' counters before and after the load, the load itself
 * unless the pair is the one whose after capture misses it) and to the lab's key rule.
 */
class LabPairsTest {

  private static final Set<String> VERDICTS = Set.of("improved", "worse", "no-change", "inconclusive");

  private static List<Path> pairs() throws Exception {
    try (Stream<Path> s = Files.list(Cases.path("lab-pairs"))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void everyVerdictHasAPair() throws Exception {
    Set<String> seen = new TreeSet<>();
    for (Path p : pairs()) {
      seen.add(properties(p).getProperty("expected"));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(VERDICTS);
  }

  @TestFactory
  Stream<DynamicTest> everyPairIsTwoTwoEndedBundlesOfOneTunnel() throws Exception {
    return pairs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Properties p = properties(dir);
      String expected = p.getProperty("expected");
      assertThat(expected).isIn(VERDICTS);
      assertThat(p.getProperty("change")).as("change= names the commands").isNotBlank();
      assertThat(p.getProperty("description")).isNotBlank();
      assertThat(p.getProperty("recorded")).isNotBlank();
      List<String> keys = new java.util.ArrayList<>();
      for (String side : List.of("before", "after")) {
        Path bundle = dir.resolve(side);
        LabReplayTest.noPrivateKey(bundle);
        LoadedEvidence e = Cases.load("lab-pairs/" + dir.getFileName() + "/" + side);
        assertThat(e.unread()).as(side + ": unread lines").isEmpty();
        assertThat(e.kase().remote()).as(side + ": the remote end").isPresent();
        boolean withLoad = !(expected.equals("inconclusive") && side.equals("after"));
        for (HostSnapshot h : List.of(e.kase().local(), e.kase().remote().get())) {
          String where = side + "/" + h.host().label();
          if (withLoad) {
            assertThat(h.facts(WgShow.class, Phase.BEFORE)).as(where + ": wg show dump before the load").isNotEmpty();
            assertThat(h.facts(WgShow.class, Phase.AFTER)).as(where + ": wg show dump after the load").isNotEmpty();
          } else {
            assertThat(h.facts(WgShow.class, Phase.BEFORE)).as(where + ": no counters around a load").isEmpty();
          }
        }
        assertThat(e.kase().local().facts(IperfResult.class, Phase.DURING)).as(side + ": the iperf3 load")
            .hasSize(withLoad ? 2 : 0);
        // one tunnel: the local end's own public key is the same on both sides of the pair
        keys.add(e.kase().local().facts(WgShow.class).get(0).value().interfaces().get(0).publicKey().orElseThrow());
      }
      assertThat(keys.get(1)).as("the same tunnel before and after").isEqualTo(keys.get(0));
    }));
  }

  private static Properties properties(Path dir) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(dir.resolve("pair.properties"))));
    return p;
  }
}
