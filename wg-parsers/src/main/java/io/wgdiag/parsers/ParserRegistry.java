package io.wgdiag.parsers;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.parsers.capture.TcpdumpParser;
import io.wgdiag.parsers.capture.TracepathParser;
import io.wgdiag.parsers.counters.NetstatStatsParser;
import io.wgdiag.parsers.counters.NstatParser;
import io.wgdiag.parsers.counters.ProcNetSnmpParser;
import io.wgdiag.parsers.cpu.MpstatParser;
import io.wgdiag.parsers.cpu.ProcInterruptsParser;
import io.wgdiag.parsers.cpu.SoftnetStatParser;
import io.wgdiag.parsers.cpu.TopParser;
import io.wgdiag.parsers.iperf.Iperf3JsonParser;
import io.wgdiag.parsers.iperf.Iperf3Parser;
import io.wgdiag.parsers.link.IfconfigParser;
import io.wgdiag.parsers.link.IpLinkParser;
import io.wgdiag.parsers.link.IpLinkStatsParser;
import io.wgdiag.parsers.netfilter.ConntrackStatsParser;
import io.wgdiag.parsers.netfilter.IptablesRulesParser;
import io.wgdiag.parsers.netfilter.NftRulesetParser;
import io.wgdiag.parsers.nic.EthtoolFeaturesParser;
import io.wgdiag.parsers.ping.PingParser;
import io.wgdiag.parsers.qdisc.TcQdiscParser;
import io.wgdiag.parsers.route.IpRouteGetParser;
import io.wgdiag.parsers.route.IpRouteParser;
import io.wgdiag.parsers.route.IpRuleParser;
import io.wgdiag.parsers.route.RouteParser;
import io.wgdiag.parsers.sysctl.SysctlParser;
import io.wgdiag.parsers.tcp.SsTcpInfoParser;
import io.wgdiag.parsers.wireguard.WgShowDumpParser;
import io.wgdiag.parsers.wireguard.WgShowParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsers wgdiag knows, by stable tool id, and the detection of a tool from a command line.
 *
 * <pre>{@code
 * ParserRegistry registry = ParserRegistry.standard();
 * Parser<PingResult> ping = registry.parser("ping", PingResult.class);
 * Optional<Detection> d = registry.detect("sudo ip -s -s link show eth0"); // ip-link-stats
 * }</pre>
 *
 * <p>A registry is immutable and thread-safe. Platform teams add their own parsers with {@link
 * #toBuilder()}.
 */
public final class ParserRegistry {
  private static final ParserRegistry STANDARD =
      builder()
          .add(new WgShowParser(), "WireGuard interfaces and peers, human form", "wg", "wg show", "wg show wg0", "wg show all")
          .add(new WgShowDumpParser(), "WireGuard interfaces and peers, tab-separated dump", "wg show wg0 dump", "wg show all dump")
          .add(new IpRouteGetParser(), "the route the kernel picks for one address", "ip route get 10.60.0.10", "ip -6 route get 2001:db8::1")
          .add(new IpRouteParser(), "routing table entries, text or JSON", "ip route show", "ip route show table all", "ip route show table 100", "ip -j route")
          .add(new IpRuleParser(), "policy routing rules, text or JSON", "ip rule show", "ip -6 rule", "ip -j rule")
          .add(new IpLinkParser(), "links: flags, MTU, qdisc, state", "ip link show", "ip link show wg0", "ip -d link", "ip -j link")
          .add(new IpLinkStatsParser(), "links with RX/TX counters", "ip -s link", "ip -s -s link show eth0", "ip -j -s -s link")
          .add(new RouteParser(), "routing table as net-tools and busybox print it, read as ip route's", "route -n", "route -ee", "netstat -rn", "route -A inet6 -n", "busybox route -n")
          .add(new IfconfigParser(), "links with counters as ifconfig prints them (net-tools old and new, busybox), read as ip -s link's", "ifconfig", "ifconfig -a", "ifconfig eth0", "busybox ifconfig")
          .add(new SysctlParser(), "kernel settings", "sysctl net.core.rmem_max", "sysctl -a", "sysctl -w net.core.rmem_max=8388608")
          .add(new PingParser(), "ICMP echo replies, errors and summary (iputils, busybox)", "ping -c 5 203.0.113.44", "ping -M do -s 1372 -c 3 10.60.0.10", "ping6 -c 3 2001:db8::1", "busybox ping -c 3 10.0.0.1")
          .add(new SsTcpInfoParser(), "TCP sockets with tcp_info", "ss -ti", "ss -tin", "ss -tinH dst 10.60.0.10")
          .add(new Iperf3Parser(), "iperf3 client or server text output", "iperf3 -c 10.60.0.10 -t 15", "iperf3 -c 10.60.0.10 -P 8", "iperf3 -c 10.60.0.10 -u -b 100M", "iperf3 -s")
          .add(new Iperf3JsonParser(), "iperf3 JSON output", "iperf3 -c 10.60.0.10 -J")
          .add(new MpstatParser(), "per-CPU utilisation (sysstat), text or JSON", "mpstat -P ALL 1 5", "mpstat -A", "mpstat -o JSON -P ALL 1 1")
          .add(new TopParser(), "top batch output: summary and process table", "top -b -n 1", "top -b -n 3 | head -n 15")
          .add(new ProcInterruptsParser(), "per-CPU interrupt counts", "cat /proc/interrupts")
          .add(new SoftnetStatParser(), "per-CPU softnet counters", "cat /proc/net/softnet_stat")
          .add(new NetstatStatsParser(), "protocol counters from netstat -s", "netstat -s", "netstat -su")
          .add(new ProcNetSnmpParser(), "protocol counters from /proc/net/snmp and /proc/net/netstat", "cat /proc/net/snmp", "cat /proc/net/netstat")
          .add(new NstatParser(), "protocol counters from nstat", "nstat -az", "nstat -zas")
          .add(new TcQdiscParser(), "queue disciplines and their statistics, text or JSON", "tc qdisc show dev eth0", "tc -s qdisc show", "tc -j -s qdisc")
          .add(new ConntrackStatsParser(), "connection tracking statistics and counts", "conntrack -S", "conntrack -C", "cat /proc/sys/net/netfilter/nf_conntrack_count")
          .add(new EthtoolFeaturesParser(), "NIC offload features", "ethtool -k eth0", "ethtool -k eth0 | egrep 'gro|gso|tso'", "ethtool -K eth0 gro off")
          .add(new IptablesRulesParser(), "iptables rules (-S or iptables-save)", "iptables -S", "iptables -t mangle -S", "iptables-save")
          .add(new NftRulesetParser(), "nftables ruleset", "nft list ruleset")
          .add(new TcpdumpParser(), "tcpdump -n packet lines and summary", "tcpdump -ni eth0 udp port 51820 -c 5")
          .add(new TracepathParser(), "tracepath hops and path MTU", "tracepath -n 10.60.0.10")
          .add(
              new ChangeCommandParser(),
              "a state-changing command: prints nothing on success, messages on failure",
              "ip link set dev wg0 mtu 1380",
              "iptables -t mangle -A FORWARD -o wg0 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu",
              "tc qdisc replace dev eth0 root fq_codel")
          .build();

  private final ImmutableMap<String, Parser<?>> parsers;
  private final ImmutableMap<String, Tool> tools;

  private ParserRegistry(Map<String, Parser<?>> parsers, Map<String, Tool> tools) {
    this.parsers = ImmutableMap.copyOf(parsers);
    this.tools = ImmutableMap.copyOf(tools);
  }

  /** The registry of every parser in wgdiag. */
  public static ParserRegistry standard() {
    return STANDARD;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts with this registry's parsers. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.parsers.putAll(parsers);
    b.tools.putAll(tools);
    return b;
  }

  /** The parser for {@code toolId}, if known. */
  public Optional<Parser<?>> find(String toolId) {
    return Optional.ofNullable(parsers.get(toolId));
  }

  /**
   * The parser for {@code toolId}.
   *
   * @throws IllegalArgumentException if no parser has that id
   */
  public Parser<?> parser(String toolId) {
    Parser<?> p = parsers.get(toolId);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown tool id '" + toolId + "'; known: " + String.join(", ", parsers.keySet()));
    }
    return p;
  }

  /**
   * The parser for {@code toolId}, typed.
   *
   * @throws IllegalArgumentException if no parser has that id or it returns another type
   */
  @SuppressWarnings("unchecked") // checked against modelType()
  public <T> Parser<T> parser(String toolId, Class<T> modelType) {
    Parser<?> p = parser(toolId);
    if (!modelType.isAssignableFrom(p.modelType())) {
      throw new IllegalArgumentException(
          "tool '" + toolId + "' returns " + p.modelType().getName() + ", not " + modelType.getName());
    }
    return (Parser<T>) p;
  }

  /**
   * The streaming parser for {@code toolId}, whose items are {@code itemType}: {@code ping}
   * ({@code PingReply}), {@code ip-route} ({@code Route}) and {@code ss-tcp-info} ({@code TcpSocket}).
   *
   * @throws IllegalArgumentException if no parser has that id, or it does not stream those items
   */
  @SuppressWarnings("unchecked") // checked against itemType()
  public <I> StreamingParser<?, I> streaming(String toolId, Class<I> itemType) {
    Parser<?> p = parser(toolId);
    if (!(p instanceof StreamingParser<?, ?> s) || !itemType.isAssignableFrom(s.itemType())) {
      throw new IllegalArgumentException("tool '" + toolId + "' does not stream " + itemType.getName() + " items");
    }
    return (StreamingParser<?, I>) s;
  }

  /** Every tool, in a stable order. */
  public ImmutableList<Tool> tools() {
    return tools.values().asList();
  }

  /** The tool whose output {@code commandLine} prints, if this registry has its parser. */
  public Optional<Detection> detect(String commandLine) {
    return CommandDetector.detect(commandLine).filter(d -> parsers.containsKey(d.toolId()));
  }

  /** Builds a {@link ParserRegistry}. */
  public static final class Builder {
    private final Map<String, Parser<?>> parsers = new LinkedHashMap<>();
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    private Builder() {}

    /** Adds (or replaces) the parser for its tool id. */
    public Builder add(Parser<?> parser, String summary, String... commands) {
      parsers.put(parser.toolId(), parser);
      tools.put(parser.toolId(), new Tool(parser.toolId(), summary, ImmutableList.copyOf(commands)));
      return this;
    }

    /** The registry. */
    public ParserRegistry build() {
      return new ParserRegistry(parsers, tools);
    }
  }
}
