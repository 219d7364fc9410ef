package io.wgdiag.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic generators of tool output at gateway scale, printing exactly what the real tools
 * print (formats from the tools' sources: wireguard-tools {@code show.c}, iproute2, sysstat,
 * iputils, conntrack-tools, the kernel's {@code /proc} files). The same seed gives the same text.
 */
public final class Generators {
  private Generators() {}

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private static String key(SplittableRandom r) {
    StringBuilder sb = new StringBuilder(44);
    for (int i = 0; i < 42; i++) {
      sb.append(B64.charAt(r.nextInt(64)));
    }
    sb.append(B64.charAt(r.nextInt(16) * 4)).append('=');
    return sb.toString();
  }

  /** {@code wg show all dump} of one interface {@code wg0} with {@code peers} peers. */
  public static String wgShowAllDump(int peers, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(peers * 180);
    sb.append("wg0\t").append(key(r)).append('\t').append(key(r)).append("\t51820\toff\n");
    for (int i = 0; i < peers; i++) {
      sb.append("wg0\t").append(key(r)).append('\t').append(i % 10 == 0 ? key(r) : "(none)").append('\t');
      if (i % 17 == 0) {
        sb.append("(none)");
      } else {
        sb.append("198.51.").append((i >> 8) & 255).append('.').append(i & 255).append(':').append(1024 + r.nextInt(60000));
      }
      sb.append("\t10.").append((i >> 16) & 255).append('.').append((i >> 8) & 255).append('.').append(i & 255).append("/32");
      if (i % 5 == 0) {
        sb.append(",fd00::").append(Integer.toHexString(i >> 16)).append(':').append(Integer.toHexString(i & 0xffff)).append("/128");
      }
      sb.append('\t').append(i % 13 == 0 ? 0 : 1795500000L + r.nextInt(100000));
      sb.append('\t').append(r.nextLong(1L << 40)).append('\t').append(r.nextLong(1L << 40));
      sb.append('\t').append(i % 3 == 0 ? "25" : "off").append('\n');
    }
    return sb.toString();
  }

  /** {@code /proc/interrupts} of a host with {@code cpus} CPUs and {@code irqs} device rows. */
  public static String procInterrupts(int cpus, int irqs, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    sb.append("     ");
    for (int c = 0; c < cpus; c++) {
      sb.append(String.format(Locale.ROOT, "%-11s", "CPU" + c));
    }
    sb.append('\n');
    for (int i = 0; i < irqs; i++) {
      sb.append(String.format(Locale.ROOT, "%4d:", 24 + i));
      for (int c = 0; c < cpus; c++) {
        sb.append(String.format(Locale.ROOT, " %10d", r.nextInt(4) == 0 ? r.nextLong(100_000_000L) : 0));
      }
      sb.append("  IR-PCI-MSI ").append(524288 + i).append("-edge      eth0-TxRx-").append(i).append('\n');
    }
    for (String name : new String[] {"NMI", "LOC", "RES", "CAL", "TLB"}) {
      sb.append(String.format(Locale.ROOT, "%4s:", name));
      for (int c = 0; c < cpus; c++) {
        sb.append(String.format(Locale.ROOT, " %10d", r.nextLong(10_000_000L)));
      }
      sb.append("   ").append(name.equals("LOC") ? "Local timer interrupts" : name + " interrupts").append('\n');
    }
    sb.append(" ERR:          0\n MIS:          0\n");
    return sb.toString();
  }

  /** {@code mpstat -P ALL 1 N} (24-hour clock) with {@code cpus} CPUs and {@code samples} samples. */
  public static String mpstatAll(int cpus, int samples, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    sb.append("Linux 6.1.0-18-amd64 (gw-1) \t11/24/2026 \t_x86_64_\t(").append(cpus).append(" CPU)\n");
    String header = "CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle";
    for (int s = 0; s < samples; s++) {
      String time = String.format(Locale.ROOT, "12:%02d:%02d", s / 60 % 60, s % 60);
      sb.append('\n').append(time).append("     ").append(header).append('\n');
      for (int c = -1; c < cpus; c++) {
        row(sb, time, c < 0 ? "all" : Integer.toString(c), r);
      }
    }
    sb.append("\nAverage:     ").append(header).append('\n');
    for (int c = -1; c < cpus; c++) {
      row(sb, "Average:", c < 0 ? "all" : Integer.toString(c), r);
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String time, String cpu, SplittableRandom r) {
    double usr = r.nextInt(4000) / 100.0;
    double sys = r.nextInt(2000) / 100.0;
    double soft = r.nextInt(3000) / 100.0;
    double idle = Math.max(0, 100 - usr - sys - soft);
    sb.append(String.format(Locale.ROOT, "%-8s %7s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f%n",
        time, cpu, usr, 0.0, sys, 0.0, 0.0, soft, 0.0, 0.0, 0.0, idle));
  }

  /** {@code ss -tin} with {@code sockets} established sockets and their tcp_info lines. */
  public static String ssTcpInfo(int sockets, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(sockets * 520);
    sb.append("State      Recv-Q      Send-Q           Local Address:Port            Peer Address:Port      Process\n");
    for (int i = 0; i < sockets; i++) {
      sb.append(String.format(Locale.ROOT, "ESTAB      0           %-6d           10.60.%d.%d:%d          10.60.0.10:5201\n",
          r.nextInt(100000), (i >> 8) & 255, i & 255, 30000 + (i % 30000)));
      double rtt = 1 + r.nextInt(5000) / 100.0;
      int cwnd = 10 + r.nextInt(500);
      long acked = r.nextLong(1L << 34);
      sb.append(String.format(Locale.ROOT,
          "\t cubic wscale:7,7 rto:%d rtt:%.3f/%.3f ato:40 mss:1368 pmtu:1420 rcvmss:536 advmss:1368 cwnd:%d ssthresh:%d"
              + " bytes_sent:%d bytes_retrans:%d bytes_acked:%d segs_out:%d segs_in:%d data_segs_out:%d"
              + " send %dbps lastsnd:%d lastrcv:%d lastack:%d pacing_rate %dbps delivery_rate %dbps delivered:%d"
              + " busy:%dms unacked:%d retrans:0/%d rcv_space:14600 rcv_ssthresh:64076 minrtt:%.3f snd_wnd:%d\n",
          200 + (int) rtt, rtt, rtt / 2, cwnd, cwnd / 2 + 2, acked + 1000, r.nextInt(100000), acked,
          acked / 1368, acked / 2736, acked / 1368, (long) (cwnd * 1368 * 8 / (rtt / 1000)),
          r.nextInt(1000), r.nextInt(1000), r.nextInt(1000), (long) (cwnd * 1368 * 16 / (rtt / 1000)),
          r.nextLong(1_000_000_000L), acked / 1368, r.nextInt(100000), r.nextInt(100), r.nextInt(2000),
          rtt * 0.8, 65536 + r.nextInt(1 << 20)));
    }
    return sb.toString();
  }

  /** {@code ip route} with {@code routes} routes (a BGP-sized table at 10^6). */
  public static String ipRoute(int routes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(routes * 60);
    sb.append("default via 192.0.2.1 dev eth0 proto static metric 100\n");
    for (int i = 0; i < routes - 1; i++) {
      int len = 16 + r.nextInt(9);
      int a = 1 + r.nextInt(223);
      sb.append(a).append('.').append(r.nextInt(256)).append('.').append(len >= 24 ? r.nextInt(256) : 0).append(".0/").append(len);
      switch (i % 4) {
        case 0 -> sb.append(" via 192.0.2.").append(1 + r.nextInt(250)).append(" dev eth0 proto bgp metric 20\n");
        case 1 -> sb.append(" dev wg0 proto static scope link\n");
        case 2 -> sb.append(" via 198.51.100.").append(1 + r.nextInt(250)).append(" dev eth1 proto bgp metric 20 mtu 1400\n");
        default -> sb.append(" nhid ").append(100 + r.nextInt(50)).append(" proto bgp metric 20\n");
      }
    }
    return sb.toString();
  }

  /**
   * {@code ip -batch} of {@code route get} lookups, one per peer endpoint of a gateway, as iproute2's
   * {@code print_route} prints each ({@code ip route get 203.0.113.9} recorded in the lab: {@code
   * 203.0.113.9 via 198.51.100.2 dev vr2 src 198.51.100.1 uid 0 }, then an indented {@code cache}
   * line), with the forms a lookup takes: through a gateway, on link, with a cached PMTU and its
   * expiry, and to a local address.
   */
  public static String ipRouteGet(int lookups, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(lookups * 90);
    for (int i = 0; i < lookups; i++) {
      int a = 1 + r.nextInt(223);
      String dst = a + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
      switch (i % 4) {
        case 0 -> sb.append(dst).append(" via 198.51.100.").append(1 + r.nextInt(250))
            .append(" dev eth0 src 198.51.100.1 uid 0 \n    cache \n");
        case 1 -> sb.append(dst).append(" dev wg0 src 10.60.0.1 uid 0 \n    cache \n");
        case 2 -> sb.append(dst).append(" via 192.0.2.").append(1 + r.nextInt(250))
            .append(" dev eth1 src 192.0.2.7 uid 0 \n    cache expires ").append(1 + r.nextInt(600))
            .append("sec mtu ").append(1280 + r.nextInt(220)).append(" \n");
        default -> sb.append("local 10.60.0.1 dev lo table local src 10.60.0.1 uid 0 \n    cache <local> \n");
      }
    }
    return sb.toString();
  }

  /**
   * {@code ip rule show} of a policy-routing gateway with a rule per tenant, as iproute2's {@code
   * print_rule} prints it ({@code ip rule} recorded in the lab): the three default rules and, between
   * them, rules by source prefix, input interface, fwmark with its mask, destination and uid range.
   */
  public static String ipRule(int rules, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(rules * 48);
    sb.append("0:\tfrom all lookup local\n");
    for (int i = 0; i < rules - 3; i++) {
      int table = 100 + i % 5000;
      sb.append(1000 + i).append(":\t");
      switch (i % 5) {
        case 0 -> sb.append("from 10.").append(r.nextInt(256)).append('.').append(r.nextInt(256)).append(".0/24 lookup ").append(table);
        case 1 -> sb.append("from all iif wg").append(i % 64).append(" lookup ").append(table);
        case 2 -> sb.append("from all fwmark 0x").append(Integer.toHexString(1 + r.nextInt(0xffff))).append("/0xffff lookup ").append(table);
        case 3 -> sb.append("from all to 172.").append(16 + r.nextInt(16)).append('.').append(r.nextInt(256)).append(".0/24 lookup ").append(table);
        default -> sb.append("from all uidrange ").append(1000 * (1 + i % 50)).append('-').append(1000 * (1 + i % 50) + 999)
            .append(" lookup ").append(table);
      }
      sb.append('\n');
    }
    sb.append("32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n");
    return sb.toString();
  }

  /** {@code conntrack -S} on a host with {@code cpus} CPUs (conntrack-tools 1.4.7 layout). */
  public static String conntrackStats(int cpus, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(cpus * 160);
    for (int c = 0; c < cpus; c++) {
      sb.append(String.format(Locale.ROOT,
          "cpu=%-8d\tfound=%d invalid=%d insert=0 insert_failed=%d drop=%d early_drop=0 error=%d search_restart=%d clash_resolve=%d chaintoolong=0 %n",
          c, r.nextLong(10_000_000L), r.nextInt(1000), r.nextInt(3), r.nextInt(3), r.nextInt(10), r.nextInt(5000), r.nextInt(100)));
    }
    return sb.toString();
  }

  /** {@code tc -s qdisc show dev eth0}: an mq root with {@code children} fq_codel children. */
  public static String tcMqFqCodel(int children, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    long totalBytes = 0;
    long totalPkts = 0;
    StringBuilder kids = new StringBuilder();
    for (int i = 1; i <= children; i++) {
      long pkts = r.nextLong(100_000_000L);
      long bytes = pkts * (200 + r.nextInt(1300));
      totalBytes += bytes;
      totalPkts += pkts;
      kids.append("qdisc fq_codel 0: parent 1:").append(Integer.toHexString(i))
          .append(" limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64 \n")
          .append(" Sent ").append(bytes).append(" bytes ").append(pkts).append(" pkt (dropped ").append(r.nextInt(100))
          .append(", overlimits 0 requeues ").append(r.nextInt(50)).append(") \n")
          .append(" backlog 0b 0p requeues ").append(r.nextInt(50)).append('\n')
          .append("  maxpacket ").append(1514 + r.nextInt(60000)).append(" drop_overlimit 0 new_flow_count ")
          .append(r.nextInt(100000)).append(" ecn_mark 0\n")
          .append("  new_flows_len 0 old_flows_len ").append(r.nextInt(3)).append('\n');
    }
    sb.append("qdisc mq 1: root \n Sent ").append(totalBytes).append(" bytes ").append(totalPkts)
        .append(" pkt (dropped 0, overlimits 0 requeues 0) \n backlog 0b 0p requeues 0\n");
    sb.append(kids);
    return sb.toString();
  }

  /** iputils {@code ping -c N} output with {@code replies} replies and its summary. */
  public static String ping(int replies, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(replies * 64);
    sb.append("PING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n");
    double min = Double.MAX_VALUE;
    double max = 0;
    double sum = 0;
    for (int i = 1; i <= replies; i++) {
      double t = 19 + r.nextInt(4000) / 100.0;
      min = Math.min(min, t);
      max = Math.max(max, t);
      sum += t;
      sb.append("64 bytes from 10.60.0.10: icmp_seq=").append(i).append(" ttl=64 time=")
          .append(String.format(Locale.ROOT, "%.1f", t)).append(" ms\n");
    }
    sb.append("\n--- 10.60.0.10 ping statistics ---\n");
    sb.append(replies).append(" packets transmitted, ").append(replies).append(" received, 0% packet loss, time ")
        .append((replies - 1) * 1000L + 5).append("ms\n");
    sb.append(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms%n", min, sum / replies, max, 4.2));
    return sb.toString();
  }
}
