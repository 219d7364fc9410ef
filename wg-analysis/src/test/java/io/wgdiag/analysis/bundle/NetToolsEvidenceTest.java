package io.wgdiag.analysis.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.model.link.Links;
import io.wgdiag.model.route.RouteTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ifconfig} and {@code route -n} (net-tools, busybox) are link and route evidence like
 * {@code ip -s link} and {@code ip route}: in a sosreport, a bundle file and a transcript.
 */
class NetToolsEvidenceTest {
  @TempDir Path dir;

  private static final String IFCONFIG = """
      wg0: flags=209<UP,POINTOPOINT,RUNNING,NOARP>  mtu 1420
              inet 10.9.0.1  netmask 255.255.255.0  destination 10.9.0.1
              unspec 00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00  txqueuelen 1000  (UNSPEC)
              RX packets 539  bytes 97208 (97.2 KB)
              RX errors 9  dropped 84  overruns 0  frame 9
              TX packets 564  bytes 258916 (258.9 KB)
              TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0
      """;

  private static final String ROUTE_N = """
      Kernel IP routing table
      Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
      0.0.0.0         192.168.71.2    0.0.0.0         UG    100    0        0 ens33
      192.168.71.0    0.0.0.0         255.255.255.0   U     100    0        0 ens33
      """;

  private void write(Path root, String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static void hasLinkAndRoutes(HostSnapshot host) {
    assertThat(host.latest(Links.class).orElseThrow().value().link("wg0").orElseThrow().mtuBytes()).isEqualTo(1420);
    assertThat(host.latest(RouteTable.class).orElseThrow().value().defaults()).singleElement()
        .satisfies(r -> assertThat(r.gateway()).contains("192.168.71.2"));
  }

  @Test
  void aSosreportsIfconfigAndRouteFilesAreLinkAndRouteEvidence() throws Exception {
    Path sos = dir.resolve("sosreport-gw1");
    write(sos, "sos_commands/networking/ifconfig_-a", IFCONFIG);
    write(sos, "sos_commands/networking/route_-n", ROUTE_N);
    LoadedEvidence e = EvidenceReader.standard().read(sos);
    assertThat(e.kase().local().all()).extracting(Capture::toolId).containsExactlyInAnyOrder("ifconfig", "route");
    hasLinkAndRoutes(e.kase().local());
    assertThat(e.unread()).isEmpty();
  }

  @Test
  void bundleFilesNamedByToolIdAndATranscriptReadTheSame() throws Exception {
    Path b = dir.resolve("bundle");
    write(b, "ifconfig.txt", IFCONFIG);
    write(b, "route.txt", ROUTE_N);
    hasLinkAndRoutes(EvidenceReader.standard().read(b).kase().local());
    Path t = dir.resolve("paste.txt");
    Files.writeString(t, "$ ifconfig wg0\n" + IFCONFIG + "$ netstat -rn\n" + ROUTE_N);
    hasLinkAndRoutes(EvidenceReader.standard().read(t).kase().local());
  }
}
