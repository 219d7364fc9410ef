package io.wgdiag.parsers.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.link.Links;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/** The wrappers around pasted output are taken off, and each removal is named on its block. */
class WrappersTest {
  private final TranscriptParser parser = TranscriptParser.standard();

  private static final String ROUTE = "default via 192.0.2.1 dev eth0 proto static metric 100\n"
      + "10.60.0.0/24 dev wg0 proto kernel scope link src 10.60.0.1\n";

  @Test
  void watchHeaderIsRemovedAndNamed() throws ParseException {
    ParsedTranscript t = parser.parse("$ watch -n 2 ip route\nEvery 2.0s: ip route    gw1: Mon Dec  7 20:17:24 2026\n\n" + ROUTE, true);
    ParsedBlock b = t.blocks().get(0);
    assertThat(b.toolId()).contains("ip-route");
    assertThat(b.model(RouteTable.class).orElseThrow().routes()).hasSize(2);
    assertThat(b.notes()).singleElement().asString().startsWith("removed the watch header 'Every 2.0s: ip route");
  }

  @Test
  void aWatchScreenWithoutItsPromptOpensItsBlockAtTheHeader() throws ParseException {
    ParsedTranscript t = parser.parse("Every 2.0s: ip route    gw1: Mon Dec  7 20:17:24 2026\n\n" + ROUTE, true);
    ParsedBlock b = t.blocks().get(0);
    assertThat(b.command()).isEqualTo("watch ip route");
    assertThat(b.toolId()).contains("ip-route");
    assertThat(b.model(RouteTable.class).orElseThrow().routes()).hasSize(2);
    assertThat(b.notes()).singleElement().asString().startsWith("removed the watch header 'Every 2.0s: ip route");
    // text before it is still text before the first prompt
    assertThat(parser.parse("my routes:\nEvery 2.0s: ip route    gw1: Mon Dec  7 20:17:24 2026\n" + ROUTE, false)
        .allDiagnostics()).isNotEmpty();
  }

  @Test
  void realPastesQuotedByMailOneAndTwoLevelsDeep() throws ParseException {
    // intel-wired-lan: a reply quoting a patch that quotes ip -s link with an SR-IOV VF (">> ")
    ParsedBlock vf = parser.parse(io.wgdiag.parsers.Fixtures.read(
        "pastes/transcript/quoted-2-levels-sriov-i40e-intel-wired-lan.txt"), true).blocks().get(0);
    assertThat(vf.toolId()).contains("ip-link-stats");
    assertThat(vf.notes()).anyMatch(n -> n.startsWith("stripped 2 levels of mail quoting"));
    io.wgdiag.model.link.Link pf = vf.model(Links.class).orElseThrow().link("enp2s0f0").orElseThrow();
    assertThat(pf.virtualFunctions()).singleElement().satisfies(f -> {
      assertThat(f.number()).isZero();
      assertThat(f.txDropped()).hasValue(2);
      assertThat(f.rxDropped()).hasValue(0);
    });
    // netdev: one level ("> ") around a plain ip -s link
    ParsedBlock eth = parser.parse(io.wgdiag.parsers.Fixtures.read(
        "pastes/transcript/quoted-ip-s-link-bnxt-netdev-2024.txt"), true).blocks().get(0);
    assertThat(eth.notes()).anyMatch(n -> n.startsWith("stripped mail quoting '> '"));
    assertThat(eth.model(Links.class).orElseThrow().link("eth0").orElseThrow().stats().orElseThrow().rxBytes())
        .isEqualTo(282519546L);
  }

  @Test
  void sudoPromptIsRemovedAndNamed() throws ParseException {
    ParsedTranscript t = parser.parse("alice@gw1:~$ sudo ip route\n[sudo] password for alice: \n" + ROUTE, true);
    assertThat(t.blocks().get(0).model(RouteTable.class).orElseThrow().routes()).hasSize(2);
    assertThat(t.blocks().get(0).notes()).containsExactly("removed 1 sudo password prompt ('[sudo] password for ...:')");
  }

  @Test
  void mailQuotingAndFencesAreRemovedAndNamed() throws ParseException {
    String quoted = "> ```\n> $ ip route\n> default via 192.0.2.1 dev eth0 proto static metric 100\n"
        + "> 10.60.0.0/24 dev wg0 proto kernel scope link src 10.60.0.1\n> ```\n";
    ParsedTranscript t = parser.parse(quoted, true);
    ParsedBlock b = t.blocks().get(0);
    assertThat(b.line()).isEqualTo(2);
    assertThat(b.model(RouteTable.class).orElseThrow().routes().get(1).line()).isEqualTo(2); // of the block's output
    assertThat(b.notes()).contains("removed 2 markdown code fence lines", "stripped mail quoting '> ' from 5 lines");
  }

  @Test
  void pdshOutputSplitsIntoOneBlockPerHost() throws ParseException {
    String text = "$ pdsh -w gw1,gw2 ip link show wg0\n"
        + "gw1: 7: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1420 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
        + "gw2: 5: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1380 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
        + "gw1:     link/none \n"
        + "gw2:     link/none \n";
    ParsedTranscript t = parser.parse(text, true);
    assertThat(t.blocks()).hasSize(2);
    assertThat(t.blocks()).allSatisfy(b -> assertThat(b.command()).isEqualTo("ip link show wg0"));
    assertThat(t.blocks().get(0).model(Links.class).orElseThrow().links().get(0).mtuBytes()).isEqualTo(1420);
    assertThat(t.blocks().get(1).model(Links.class).orElseThrow().links().get(0).mtuBytes()).isEqualTo(1380);
    assertThat(t.blocks().get(0).notes()).singleElement().asString().startsWith("stripped pdsh prefix 'gw1: ' from 2 lines");
  }

  @Test
  void oneHostPrefixOnEveryLineWithoutItsPromptIsStrippedToo() throws ParseException {
    String text = "$ wg show\n"
        + "gw1: interface: wg0\n"
        + "gw1:   public key: Ky2zYqrDa7Pn0bqnqDzHxc+TYOUnTb+GNvnLMFXxXGI=\n"
        + "gw1:   private key: (hidden)\n"
        + "gw1:   listening port: 51820\n";
    ParsedTranscript t = parser.parse(text, true);
    assertThat(t.blocks().get(0).model(WgShow.class)).isPresent();
    assertThat(t.blocks().get(0).notes()).containsExactly("stripped pdsh prefix 'gw1: ' from 4 lines");
  }

  @Test
  void outputWhoseLinesAllStartWithAToolWordIsLeftAlone() {
    assertThat(Wrappers.commonPrefix(java.util.List.of("TcpExt: SyncookiesSent", "TcpExt: 0"))).isNull();
    assertThat(Wrappers.commonPrefix(java.util.List.of("rx-checksumming: on", "tx-checksumming: on"))).isNull();
  }

  @Test
  void aTrailingEmptyPromptEndsTheBlock() throws ParseException {
    ParsedTranscript t = parser.parse("root@debdev:/home/ute# ip route\n" + ROUTE + "root@debdev:/home/ute#\n", true);
    assertThat(t.blocks()).hasSize(1);
    assertThat(t.isClean()).isTrue();
  }

  @Test
  void susePromptsAreRecognised() {
    assertThat(TranscriptReader.promptCommand("host:~ # ip route")).contains("ip route");
    assertThat(TranscriptReader.promptCommand(" host:~ #   netstat -r")).contains("netstat -r");
    assertThat(TranscriptReader.promptCommand("alice@linux:~> ip -s link")).contains("ip -s link");
    assertThat(TranscriptReader.promptCommand("peer: abc # def")).isEmpty();
  }

  @Test
  void aCondaOrVirtualenvTagBeforeThePromptIsSkipped() {
    assertThat(TranscriptReader.promptCommand("(base) niuxinli@ubuntu:~$ ss -it")).contains("ss -it");
    assertThat(TranscriptReader.promptCommand("(venv) $ ping -c 3 10.0.0.1")).contains("ping -c 3 10.0.0.1");
    // output that starts with a parenthesis is no prompt
    assertThat(TranscriptReader.promptCommand("(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto UDP (17), length 176)"))
        .isEmpty();
    assertThat(TranscriptReader.promptCommand("(none) 10.0.0.1/32")).isEmpty();
  }

  @Test
  void ohMyZshPromptsAreRecognised() throws ParseException {
    assertThat(TranscriptReader.promptCommand("\u279c  ~  sudo ip -6 route show cache")).contains("sudo ip -6 route show cache");
    assertThat(TranscriptReader.promptCommand("\u279c  wgdiag git:(main) \u2717 ping -c 3 10.0.0.1")).contains("ping -c 3 10.0.0.1");
    assertThat(TranscriptReader.promptCommand("\u279c  ~ ")).isEmpty();
    // real pastes: the IPv6 route cache with a negative expiry, the last prompt empty; ping6 stopped with ^C
    ParsedTranscript t = parser.parse(io.wgdiag.parsers.Fixtures.read(
        "pastes/transcript/ip-6-route-cache-negative-expiry-oh-my-zsh.txt"), true);
    assertThat(t.blocks()).extracting(ParsedBlock::command).containsExactly("sudo ip -6 route show cache");
    assertThat(t.blocks().get(0).model(RouteTable.class).orElseThrow().routes()).hasSize(1);
    ParsedTranscript ping = parser.parse(io.wgdiag.parsers.Fixtures.read(
        "pastes/transcript/ping6-ctrl-c-oh-my-zsh.txt"), true);
    assertThat(ping.blocks()).singleElement().satisfies(b -> {
      assertThat(b.toolId()).contains("ping");
      assertThat(b.model(io.wgdiag.model.ping.PingResult.class).orElseThrow().received()).hasValue(0);
    });
  }
}
