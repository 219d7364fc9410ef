package io.wgdiag.parsers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * One coverage-guided fuzz test per parser of {@link io.wgdiag.parsers.ParserRegistry#standard()}
 * (Jazzer), each checking {@link FuzzChecks#parseAnything} on the fuzzer's bytes read as UTF-8.
 *
 * <p>In a plain build (no {@code JAZZER_FUZZ}) each test replays its seed corpus, {@code
 * ParsersFuzzTestInputs/<method>/} on the test classpath (the tool's recorded fixtures, each cut to
 * its first 16 KB, and every crash found so far), so a fixed crash stays fixed. To fuzz one for a
 * set time: {@code JAZZER_FUZZ=1 ./mvnw -B -o -pl wg-parsers -am test -Dtest='ParsersFuzzTest#ping'
 * -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=10m} (docs/robustness.md). This
 * class is generated, one method per tool id; a test in the package checks that none is missing.
 */
class ParsersFuzzTest {

  @FuzzTest
  void wgShow(byte[] data) {
    FuzzChecks.parseAnything("wg-show", data);
  }

  @FuzzTest
  void wgShowDump(byte[] data) {
    FuzzChecks.parseAnything("wg-show-dump", data);
  }

  @FuzzTest
  void ipRouteGet(byte[] data) {
    FuzzChecks.parseAnything("ip-route-get", data);
  }

  @FuzzTest
  void ipRoute(byte[] data) {
    FuzzChecks.parseAnything("ip-route", data);
  }

  @FuzzTest
  void ipRule(byte[] data) {
    FuzzChecks.parseAnything("ip-rule", data);
  }

  @FuzzTest
  void ipLink(byte[] data) {
    FuzzChecks.parseAnything("ip-link", data);
  }

  @FuzzTest
  void ipLinkStats(byte[] data) {
    FuzzChecks.parseAnything("ip-link-stats", data);
  }

  @FuzzTest
  void sysctl(byte[] data) {
    FuzzChecks.parseAnything("sysctl", data);
  }

  @FuzzTest
  void ping(byte[] data) {
    FuzzChecks.parseAnything("ping", data);
  }

  @FuzzTest
  void ssTcpInfo(byte[] data) {
    FuzzChecks.parseAnything("ss-tcp-info", data);
  }

  @FuzzTest
  void iperf3(byte[] data) {
    FuzzChecks.parseAnything("iperf3", data);
  }

  @FuzzTest
  void iperf3Json(byte[] data) {
    FuzzChecks.parseAnything("iperf3-json", data);
  }

  @FuzzTest
  void mpstat(byte[] data) {
    FuzzChecks.parseAnything("mpstat", data);
  }

  @FuzzTest
  void top(byte[] data) {
    FuzzChecks.parseAnything("top", data);
  }

  @FuzzTest
  void procInterrupts(byte[] data) {
    FuzzChecks.parseAnything("proc-interrupts", data);
  }

  @FuzzTest
  void procSoftnetStat(byte[] data) {
    FuzzChecks.parseAnything("proc-softnet-stat", data);
  }

  @FuzzTest
  void netstatStats(byte[] data) {
    FuzzChecks.parseAnything("netstat-stats", data);
  }

  @FuzzTest
  void procNetSnmp(byte[] data) {
    FuzzChecks.parseAnything("proc-net-snmp", data);
  }

  @FuzzTest
  void nstat(byte[] data) {
    FuzzChecks.parseAnything("nstat", data);
  }

  @FuzzTest
  void tcQdisc(byte[] data) {
    FuzzChecks.parseAnything("tc-qdisc", data);
  }

  @FuzzTest
  void conntrackStats(byte[] data) {
    FuzzChecks.parseAnything("conntrack-stats", data);
  }

  @FuzzTest
  void ethtoolFeatures(byte[] data) {
    FuzzChecks.parseAnything("ethtool-features", data);
  }

  @FuzzTest
  void iptablesRules(byte[] data) {
    FuzzChecks.parseAnything("iptables-rules", data);
  }

  @FuzzTest
  void nftRuleset(byte[] data) {
    FuzzChecks.parseAnything("nft-ruleset", data);
  }

  @FuzzTest
  void tcpdump(byte[] data) {
    FuzzChecks.parseAnything("tcpdump", data);
  }

  @FuzzTest
  void tracepath(byte[] data) {
    FuzzChecks.parseAnything("tracepath", data);
  }

  @FuzzTest
  void change(byte[] data) {
    FuzzChecks.parseAnything("change", data);
  }
}
