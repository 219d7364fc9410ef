package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The field guide's own cases, from its recorded output: each task, the three mini-stories, the
 * common-mistakes symptoms. Each names the finding that must rank first (or none) and the false
 * alarms that must stay absent.
 */
class FieldGuideCasesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // task, expected top (null: no warning or critical at all), codes that must be absent
        Arguments.of("seed/task01.txt", null, List.of(Codes.ROUTE_NOT_VIA_TUNNEL)),
        Arguments.of("seed/task02.txt", null, List.of(Codes.PEER_NO_HANDSHAKE, Codes.PEER_STALE_HANDSHAKE, Codes.PEER_KEEPALIVE_MISSING)),
        Arguments.of("seed/task03.txt", Codes.UNDERLAY_JITTER, List.of(Codes.UNDERLAY_LOSS)),
        Arguments.of("seed/task04.txt", Codes.TCP_RETRANSMITS, List.of(Codes.PATH_LOSS, Codes.TCP_SINGLE_FLOW_LIMITED)),
        Arguments.of("seed/task05.txt", null, List.of(Codes.TCP_SINGLE_FLOW_LIMITED)),
        Arguments.of("cases/seed-task04-05-single-vs-parallel.txt", Codes.TCP_SINGLE_FLOW_LIMITED, List.of()),
        Arguments.of("seed/task06.txt", null, List.of(Codes.MTU_MISMATCH)),
        Arguments.of("seed/task07.txt", Codes.MTU_LOCAL_LIMIT, List.of(Codes.MTU_BLACKHOLE)),
        Arguments.of("seed/task08.txt", Codes.NIC_RX_DROPS, List.of()),
        Arguments.of("seed/task09.txt", Codes.TCP_RETRANSMITS, List.of(Codes.MTU_BLACKHOLE)),
        Arguments.of("seed/task10.txt", Codes.CPU_PINNED, List.of(Codes.CPU_SATURATED)),
        Arguments.of("seed/task11.txt", Codes.UDP_BUFFER_ERRORS, List.of()),
        Arguments.of("seed/task12.txt", null, List.of(Codes.QUEUE_FIFO)),
        Arguments.of("seed/task13.txt", null, List.of(Codes.ROUTE_ASYMMETRIC, Codes.ROUTE_RP_FILTER_STRICT)),
        Arguments.of("seed/task14.txt", null, List.of(Codes.CONNTRACK_PRESSURE)),
        Arguments.of("seed/task15.txt", null, List.of(Codes.NIC_OFFLOAD_SUSPECT)),
        Arguments.of("seed/task16.txt", Codes.CPU_PINNED, List.of(Codes.PEER_ONE_WAY, Codes.ROUTE_RP_FILTER_STRICT)),
        Arguments.of("seed/qdisc-stats.txt", Codes.QUEUE_QDISC_DROPS, List.of()),
        Arguments.of("seed/socket-buffers.txt", null, List.of(Codes.UDP_BUFFER_ERRORS)),
        Arguments.of("seed/offload-experiment.txt", null, List.of(Codes.NIC_OFFLOAD_SUSPECT)),
        // mini-stories
        Arguments.of("cases/story-cloud-mtu-blackhole.txt", Codes.MTU_BLACKHOLE, List.of(Codes.MTU_LOCAL_LIMIT, Codes.ROUTE_NOT_VIA_TUNNEL)),
        Arguments.of("cases/story-fifo-queueing", Codes.QUEUE_BUFFERBLOAT, List.of(Codes.UNDERLAY_LOSS)),
        Arguments.of("cases/story-boring-measurement.txt", Codes.UNDERLAY_JITTER, List.of(Codes.CPU_PINNED, Codes.CPU_SATURATED,
            Codes.ROUTE_NOT_VIA_TUNNEL, Codes.MTU_BLACKHOLE)),
        // common mistakes (1: the blackhole story; 2: single vs parallel; 8: the FIFO story)
        Arguments.of("cases/mistake3-one-site-underlay-loss.txt", Codes.UNDERLAY_LOSS, List.of(Codes.UNDERLAY_JITTER)),
        Arguments.of("cases/mistake4-nat-no-keepalive.txt", Codes.PEER_STALE_HANDSHAKE, List.of(Codes.PEER_NO_HANDSHAKE)),
        Arguments.of("cases/mistake5-asymmetric-policy-routing.txt", Codes.ROUTE_ASYMMETRIC, List.of(Codes.ROUTE_NOT_VIA_TUNNEL)),
        Arguments.of("cases/mistake6-offloads-after-update.txt", Codes.CPU_PINNED, List.of(Codes.CPU_SATURATED)),
        Arguments.of("cases/mistake7-firewall-gateway-conntrack", Codes.CONNTRACK_PRESSURE, List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void ranksAsTheFieldGuideSays(String resource, String top, List<String> absent) throws Exception {
    Report r = Cases.analyze(resource);
    if (top == null) {
      assertThat(r.findings()).as(resource).noneMatch(f -> f.severity().atLeast(Severity.WARNING));
    } else {
      assertThat(r.top()).as(resource + ": " + r.findings()).isPresent();
      assertThat(r.top().get().code()).as(resource + ": " + codes(r)).isEqualTo(top);
      assertThat(r.top().get().evidence()).as("evidence with sources").isNotEmpty()
          .allSatisfy(e -> assertThat(e.source()).isNotBlank());
    }
    for (String code : absent) {
      assertThat(r.has(code)).as(resource + " must not raise " + code + ": " + codes(r)).isFalse();
    }
  }

  private static List<String> codes(Report r) {
    return r.findings().stream().map(f -> f.code() + "/" + f.severity()).toList();
  }
}
