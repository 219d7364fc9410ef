package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandDetectorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "sudo ip -s -s link show eth0;ip-link-stats;false;eth0",
        "ip link show wg0;ip-link;false;wg0",
        "ip -s link;ip-link-stats;false;",
        "ip route get 10.60.0.10;ip-route-get;false;10.60.0.10",
        "ip route show table 100;ip-route;false;",
        "ip -j route;ip-route;false;",
        "ip rule show;ip-rule;false;",
        "ip -4 ru list;ip-rule;false;",
        "sudo wg show wg0;wg-show;false;wg0",
        "wg;wg-show;false;",
        "wg show all dump;wg-show-dump;false;all",
        "ping -M do -s 1372 -c 3 10.60.0.10;ping;false;10.60.0.10",
        "busybox ping -c 3 10.0.0.1;ping;false;10.0.0.1",
        "sudo ethtool -k eth0 | egrep 'gro|gso|tso';ethtool-features;true;eth0",
        "sudo ethtool -K wg0 gro off;ethtool-features;false;wg0",
        "top -b -n 1 | head -n 15;top;true;",
        "grep -E 'eth0|wg0' /proc/interrupts | head;proc-interrupts;true;",
        "cat /proc/net/softnet_stat;proc-softnet-stat;false;",
        "LC_ALL=C timeout 5 /usr/bin/mpstat -P ALL 1 5;mpstat;false;",
        "ip netns exec private wg;wg-show;false;",
        "sudo ip netns exec ns1 tracepath -n 10.2.0.10;tracepath;false;10.2.0.10",
        "nsenter -t 60545 -n ping  10.89.97.143;ping;false;10.89.97.143",
        "nsenter --target 1 --net -- ip -s link;ip-link-stats;false;",
        "iperf3 -c 10.60.0.10 -J;iperf3-json;false;",
        "iperf3 -c 10.60.0.10 -P 8 -t 15;iperf3;false;",
        "sudo iptables -t mangle -S FORWARD | tail -n 2;iptables-rules;true;",
        "sudo iptables -t mangle -A FORWARD -o wg0 -j TCPMSS --clamp-mss-to-pmtu;change;false;",
        "sudo ip link set dev wg0 mtu 1380;change;false;",
        "tc -s qdisc show dev eth0;tc-qdisc;false;eth0",
        "sudo sysctl -w net.core.rmem_max=8388608;sysctl;false;",
        "sudo conntrack -S;conntrack-stats;false;",
        "netstat -su;netstat-stats;false;",
        "sudo tcpdump -ni eth0 udp port 51820 -c 5;tcpdump;false;",
        "tracepath -n 10.60.0.10;tracepath;false;10.60.0.10",
        // a command cut short names no target (these threw IndexOutOfBoundsException), and a
        // command without a device names none
        "ping -;ping;false;",
        "ping;ping;false;",
        "tracepath -n;tracepath;false;",
        "busybox ping;ping;false;",
        "tc -s qdisc show;tc-qdisc;false;",
        "tc -s qdisc show dev;tc-qdisc;false;",
      })
  void detectsTheToolOfACommand(String command, String tool, boolean filtered, String qualifier) {
    Optional<Detection> d = ParserRegistry.standard().detect(command);
    assertThat(d).isPresent();
    assertThat(d.get().toolId()).isEqualTo(tool);
    assertThat(d.get().filtered()).isEqualTo(filtered);
    assertThat(d.get().qualifier()).isEqualTo(Optional.ofNullable(qualifier));
  }

  @ParameterizedTest
  @CsvSource({"cd /tmp", "ls -l", "echo hello", "sudo", "''",
      // one field of wg show, in its own layout (private-key and preshared-keys print secrets)
      "wg show wg0 private-key", "sudo wg show all preshared-keys", "wg show wg0 transfer", "wg show interfaces"})
  void knowsNoParserForOtherCommands(String command) {
    assertThat(ParserRegistry.standard().detect(command)).isEmpty();
  }

  /** Commands as a prompt line may hold them: program names, options, operands, pipes, cut anywhere. */
  @Provide
  Arbitrary<String> commands() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("sudo", "timeout", "5", "LC_ALL=C", "env", "nice", "ip", "wg", "ping", "ping6", "busybox",
            "tracepath", "tc", "ethtool", "cat", "grep", "head", "tail", "sysctl", "iptables", "nft", "ss",
            "iperf3", "route", "get", "link", "rule", "show", "dump", "all", "qdisc", "dev", "eth0", "-s",
            "-M", "do", "-n", "-", "--", "|", "/proc/interrupts", "/usr/sbin/ip", "10.0.0.1", "set", "-K",
            "-j", "-J", "-A", "list", "ruleset"),
        Arbitraries.strings().withChars("-|/=. abc01").ofMaxLength(4));
    return word.list().ofMaxSize(7).map(w -> String.join(" ", w));
  }

  @Property(tries = 3000)
  void anyCommandIsDetectedOrNotWithoutThrowing(@ForAll("commands") String command) {
    Optional<Detection> d = ParserRegistry.standard().detect(command);
    List<String> known = ParserRegistry.standard().tools().stream().map(t -> t.id()).toList();
    d.ifPresent(x -> assertThat(x.toolId()).isIn(concat(known, "change")));
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.add(b);
    return all;
  }
}
