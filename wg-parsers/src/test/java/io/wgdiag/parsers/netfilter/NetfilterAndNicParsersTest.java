package io.wgdiag.parsers.netfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.model.netfilter.ConntrackCpu;
import io.wgdiag.model.netfilter.ConntrackStats;
import io.wgdiag.model.netfilter.IptablesRule;
import io.wgdiag.model.netfilter.IptablesRules;
import io.wgdiag.model.nic.EthtoolFeature;
import io.wgdiag.model.nic.EthtoolFeatures;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.counters.NetstatStatsParser;
import io.wgdiag.parsers.nic.EthtoolFeaturesParser;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NetfilterAndNicParsersTest {

  @Test
  void seedTask14ConntrackPerCpu() throws ParseException {
    ConntrackStats s = TranscriptParser.standard().parse(Fixtures.read("seed/task14.txt"), true)
        .blocks().get(0).model(ConntrackStats.class).orElseThrow();
    assertThat(s.cpus()).extracting(ConntrackCpu::cpu).containsExactly(0, 1);
    assertThat(s.cpus().get(0).get("found")).isEqualTo(912345);
    assertThat(s.cpus().get(0).get("search_restart")).isEqualTo(120);
    assertThat(s.total("invalid")).isEqualTo(20);
    assertThat(s.total("found")).isEqualTo(912345 + 901234);
    assertThat(s.total("clash_resolve")).isZero();
  }

  @Test
  void realConntrackRowsWithTabsAndTrailingBlanksAndCount() throws ParseException {
    ConntrackStats s = new ConntrackStatsParser().parse(Fixtures.read("fixtures/conntrack-stats/lab-conntrack-S.txt"));
    assertThat(s.cpus().get(1).counters()).containsKeys("clash_resolve", "chaintoolong").hasSize(10);
    assertThat(new ConntrackStatsParser().parse(Fixtures.read("fixtures/conntrack-stats/lab-conntrack-C.txt")).entries()).hasValue(1);
    assertThatThrownBy(() -> new ConntrackStatsParser().parse("cpu=0 found=12 invalid=x\n"))
        .hasMessage("line 1, column 24: expected a number after 'invalid=', found 'x'");
    assertThatThrownBy(() -> new ConntrackStatsParser().parse("cpu=0 found=1 drop=0\ncpu=1 found=2 drop=0 found=3\n"))
        .hasMessage("line 2, column 1: 'found=' twice for one CPU");
    // rows with other counters than the row before keep their own names, in printed order
    ConntrackStats mixed = new ConntrackStatsParser().parse("cpu=0 found=1 drop=0\ncpu=1 drop=5 found=2 error=1\ncpu=2 found=3 drop=0\n");
    assertThat(mixed.cpus().get(1).counters().keySet()).containsExactly("drop", "found", "error");
    assertThat(mixed.cpus().get(2).counters()).containsExactly(java.util.Map.entry("found", 3L), java.util.Map.entry("drop", 0L));
    assertThat(mixed.total("found")).isEqualTo(6);
    assertThat(mixed.cpus().get(1).get("error")).isEqualTo(1);
    assertThat(mixed.cpus().get(0).get("error")).isZero();
  }

  @Property(tries = 300)
  void conntrackRowsTakeThePreviousRowsNamesOnlyWhereTheyAreTheSame(
      @ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 6) List<@IntRange(min = 0, max = 5) Integer>> rows) throws ParseException {
    // names of one length that differ ("drop", "drip", ...): a row reads its own, never the row before's
    java.util.List<String> pool = java.util.List.of("drop", "drip", "dro", "drops", "found", "fount");
    StringBuilder text = new StringBuilder();
    java.util.List<Map<String, Long>> expected = new java.util.ArrayList<>();
    long v = 0;
    for (int r = 0; r < rows.size(); r++) {
      Map<String, Long> row = new LinkedHashMap<>();
      text.append("cpu=").append(r);
      for (int n : new java.util.LinkedHashSet<>(rows.get(r))) {
        row.put(pool.get(n), v);
        text.append(r % 2 == 0 ? " " : "\t ").append(pool.get(n)).append('=').append(v++);
      }
      text.append('\n');
      expected.add(row);
    }
    ConntrackStats s = new ConntrackStatsParser().parse(text);
    for (int r = 0; r < rows.size(); r++) {
      assertThat(s.cpus().get(r).counters()).containsExactlyEntriesOf(expected.get(r));
    }
    java.util.List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add("c" + i);
    }
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(many)).isNull();
    many.add("c7");
    many.add("c3");
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(many)).isEqualTo("c7");
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(java.util.List.of("a", "b", "b", "a"))).isEqualTo("b");
    java.util.List<String> past512 = new java.util.ArrayList<>(); // the set past 512 names
    for (int i = 0; i < 600; i++) {
      past512.add("c" + i);
    }
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(past512)).isNull();
    past512.add("c7");
    past512.add("c3");
    assertThat(io.wgdiag.parsers.text.Names.firstRepeated(past512)).isEqualTo("c7");
  }

  @Provide
  Arbitrary<Map<String, Long>> counters() {
    return Arbitraries.maps(
            Arbitraries.of("found", "invalid", "ignore", "insert", "insert_failed", "drop", "early_drop", "error",
                "search_restart", "clash_resolve", "chaintoolong", "searched", "new", "delete"),
            Arbitraries.longs().between(0, Long.MAX_VALUE))
        .ofMaxSize(14);
  }

  /** Whatever key subset a conntrack-tools version prints, every key=value reads back. */
  @Property(tries = 200)
  void anyCounterSubsetReadsBack(@ForAll("counters") Map<String, Long> counters) throws ParseException {
    StringBuilder sb = new StringBuilder("cpu=3   \t");
    counters.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
    ConntrackCpu c = new ConntrackStatsParser().parse(sb.append('\n')).cpus().get(0);
    assertThat(c.cpu()).isEqualTo(3);
    assertThat(c.counters()).isEqualTo(new LinkedHashMap<>(counters));
  }

  @Test
  void seedTask15AndTheOffloadExperiment() throws ParseException {
    EthtoolFeatures f = TranscriptParser.standard().parse(Fixtures.read("seed/task15.txt"), true)
        .blocks().get(0).model(EthtoolFeatures.class).orElseThrow();
    assertThat(f.device()).isEmpty();
    assertThat(f.isEnabled("gro")).hasValue(true);
    assertThat(f.isEnabled("tso")).hasValue(true);
    assertThat(f.isEnabled("rx-checksumming")).hasValue(true);
    ParsedTranscript exp = TranscriptParser.standard().parse(Fixtures.read("seed/offload-experiment.txt"), true);
    assertThat(exp.blocks().get(0).model(EthtoolFeatures.class).orElseThrow().messages())
        .containsExactly("Cannot get device settings: Operation not supported");
    ParsedTranscript under = TranscriptParser.standard().parse(Fixtures.read("seed/offload-underlay.txt"), true);
    assertThat(under.blocks().get(0).model(EthtoolFeatures.class).orElseThrow().features()).isEmpty();
    assertThat(under.blocks().get(1).model(EthtoolFeatures.class).orElseThrow().isEnabled("gro")).hasValue(false);
  }

  @Test
  void aFeatureLineKeepsNothingOfTheLineBeforeIt() throws ParseException {
    // one builder serves every line: what one line sets must not reach the next
    EthtoolFeatures f = new EthtoolFeaturesParser().parse(
        "tx-checksumming: on [fixed] [requested off]\nrx-gro-hw: off\nhighdma: on [requested on]\nntuple: on\n");
    assertThat(f.features()).containsExactly(
        EthtoolFeature.builder().name("tx-checksumming").enabled(true).fixed(true).requested(false).build(),
        EthtoolFeature.builder().name("rx-gro-hw").enabled(false).build(),
        EthtoolFeature.builder().name("highdma").enabled(true).requested(true).build(),
        EthtoolFeature.builder().name("ntuple").enabled(true).build());
    assertThat(f.features()).extracting(EthtoolFeature::line).containsExactly(1, 2, 3, 4);
  }

  @Test
  void realEthtoolOutputs() throws ParseException {
    EthtoolFeaturesParser p = new EthtoolFeaturesParser();
    EthtoolFeatures lo = p.parse(Fixtures.read("fixtures/ethtool-features/lab-ethtool-k-lo.txt"));
    assertThat(lo.device()).hasValue("lo");
    assertThat(lo.feature("rx-checksumming").orElseThrow().fixed()).isTrue();
    EthtoolFeatures tun = p.parse(Fixtures.read("fixtures/ethtool-features/lab-ethtool-k-wireguard-go.txt"));
    assertThat(tun.feature("tx-checksum-ip-generic").orElseThrow().requested()).hasValue(true);
    assertThat(tun.isEnabled("tso")).hasValue(false);
    EthtoolFeatures failed = p.parse(Fixtures.read("fixtures/ethtool-features/lab-ethtool-K-lo-rx-off.txt"));
    assertThat(failed.messages()).containsExactly("Could not change any device features", "Actual changes:");
    assertThat(failed.feature("rx-checksum").orElseThrow().requested()).hasValue(false);
    assertThatThrownBy(() -> p.parse("generic-receive-offload: maybe\n"))
        .hasMessage("line 1, column 26: expected on or off, found 'maybe'");
  }

  @Test
  void seedTask16MssClampAndRealRules() throws ParseException {
    IptablesRules seed = TranscriptParser.standard().parse(Fixtures.read("seed/task16.txt"), false).blocks().stream()
        .filter(b -> b.toolId().orElse("").equals("iptables-rules")).findFirst().orElseThrow()
        .model(IptablesRules.class).orElseThrow();
    assertThat(seed.mssClamps()).singleElement().satisfies(r -> {
      assertThat(r.chain()).isEqualTo("FORWARD");
      assertThat(r.option("-o")).hasValue("wg0");
      assertThat(r.targetOptions()).containsExactly("--clamp-mss-to-pmtu");
    });
    IptablesRulesParser p = new IptablesRulesParser();
    IptablesRules filter = p.parse(Fixtures.read("fixtures/iptables-rules/lab-iptables-S.txt"));
    assertThat(filter.pmtuIcmpDrops()).singleElement().satisfies(r -> assertThat(r.option("--icmp-type")).hasValue("3/4"));
    IptablesRule comment = filter.rules().get(4);
    assertThat(comment.option("--comment")).hasValue("drop invalid state");
    assertThat(filter.rules().get(6).targetOptions()).containsExactly("--reject-with", "tcp-reset");
    IptablesRules save = p.parse(Fixtures.read("fixtures/iptables-rules/lab-iptables-save.txt"));
    assertThat(save.mssClamps()).hasSize(2).allSatisfy(r -> assertThat(r.table()).isEqualTo("mangle"));
    assertThat(save.mssClamps().get(1).targetOptions()).containsExactly("--set-mss", "1360");
    assertThat(save.pmtuIcmpDrops()).singleElement().satisfies(r -> assertThat(r.table()).isEqualTo("filter"));
    assertThat(p.parse(Fixtures.read("fixtures/iptables-rules/lab-ip6tables-S.txt")).pmtuIcmpDrops()).hasSize(1);
  }

  @Test
  void nftRulesetFindsClampsAndIcmpDrops() throws ParseException {
    io.wgdiag.model.netfilter.NftRuleset r = new NftRulesetParser().parse(
        Fixtures.read("fixtures/nft-ruleset/lab-iptables-nft-ruleset.txt"));
    assertThat(r.mssClamps()).hasSize(2).allSatisfy(x -> {
      assertThat(x.table()).isEqualTo("mangle");
      assertThat(x.family()).isEqualTo("ip");
    });
    assertThat(r.mssClamps().get(0).chain()).isEqualTo("FORWARD");
    assertThat(r.pmtuIcmpDrops()).singleElement().satisfies(x -> assertThat(x.family()).isEqualTo("ip6"));
    assertThat(r.baseChains()).containsEntry("ip filter INPUT", "type filter hook input priority filter; policy accept;");
    assertThatThrownBy(() -> new NftRulesetParser().parse("table inet f {\n  chain c {\n    drop\n  }\n"))
        .hasMessageContaining("expected '}' to close table f");
    assertThatThrownBy(() -> new NftRulesetParser().parse("}\n")).hasMessage("line 1, column 1: a '}' with no open block");
  }

  @Test
  void seedTask11NetstatUdpAndRealHostCounters() throws ParseException {
    ProtocolCounters c = TranscriptParser.standard().parse(Fixtures.read("seed/task11.txt"), true)
        .blocks().get(0).model(ProtocolCounters.class).orElseThrow();
    assertThat(c.udpInDatagrams()).hasValue(2212345);
    assertThat(c.get("Udp", "NoPorts")).hasValue(0);
    assertThat(c.udpOutDatagrams()).hasValue(1832);
    assertThat(c.udpRcvbufErrors()).hasValue(0);
    assertThat(c.udpSndbufErrors()).hasValue(412);
    assertThat(c.get("IpExt", "InNoRoutes")).hasValue(0);
    assertThat(c.sections()).containsKey("UdpLite");
    ProtocolCounters host = new NetstatStatsParser().parse(Fixtures.read("fixtures/netstat-stats/host-netstat-s.txt"));
    assertThat(host.get("Ip", "Forwarding")).hasValue(2);
    assertThat(host.get("Ip", "InReceives")).hasValue(4064);
    assertThat(host.get("IcmpMsg", "InType3")).hasValue(1);
    assertThat(host.get("TcpExt", "Quick ack mode was activated N times")).hasValue(3);
    assertThat(host.get("TcpExt", "TCPTimeouts")).hasValue(2);
    assertThat(host.tcpOutSegs()).isPresent();
  }
}
