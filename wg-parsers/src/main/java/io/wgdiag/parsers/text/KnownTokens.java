package io.wgdiag.parsers.text;

import org.jspecify.annotations.Nullable;

/**
 * The words the supported tools print over and over (keywords, units, states, flags: {@code dev},
 * {@code proto}, {@code ms}, {@code ESTAB}, {@code qdisc}, ...), each held once for the whole JVM: a
 * token equal to one of them is handed back as that string instead of a new substring, from the
 * first line of the smallest input. Equal strings either way; only allocation changes.
 *
 * <p>The list is every token of two or more characters without digits that occurs at least four
 * times in the recorded fixtures of {@code wg-parsers} (collected once; a word missing here only
 * costs a substring), the qdisc kinds {@code tc} prints, and the words of {@code iptables-save}
 * rules (options, matches, targets), which start with a dash or are a single character; and the
 * numbers 0 to 255.
 */
final class KnownTokens {
  private KnownTokens() {}

  private static final String[] WORDS = {
      "%CPU", "%Cpu", "%MEM", "%gnice", "%guest", "%idle", "%iowait", "%irq", "%nice", "%soft",
      "%steal", "%sys", "%usr", "ACCEPT", "AM", "APIC", "Address", "ArpFilter", "Average",
      "BLOCK/s", "BLOCK_IOPOLL/s", "Bitrate", "CAL/s", "COMMAND", "COMMIT", "CPU", "Can",
      "Completed", "Connecting", "Cwnd", "DEFAULT", "DFR/s", "DOWN", "DROP", "DSSNotMatching",
      "Datagrams", "DelayedACKLocked", "DelayedACKLost", "DelayedACKs", "Done.", "ERR/s", "ESTAB",
      "EmbryonicRsts", "FORWARD", "Features", "From", "Function", "GBytes", "Gbits/sec",
      "Generated", "GiB", "HI/s", "HRTIMER/s", "HYP/s", "ICMP", "ICR", "INPUT", "INVALID",
      "IO-APIC", "IP", "IRQ", "IRQ_POLL/s", "IWI/s", "IcmpMsg", "IgnoredMulti", "InBcastOctets",
      "InBcastPkts", "InCEPkts", "InCsumErrors", "InDatagrams", "InErrors", "InMcastOctets",
      "InMcastPkts", "InNoECTPkts", "InNoRoutes", "InOctets", "InTruncatedPkts", "InfiniteMapRx",
      "Interval", "IpExt", "KBytes", "KiB", "LOC/s", "Linux", "ListenDrops", "ListenOverflows",
      "Local", "LockDroppedIcmps", "MBytes", "MCE/s", "MCP/s", "MIS/s", "MPCapableACKRX",
      "MPCapableSYNRX", "MPJoinAckRx", "MPJoinSynAckRx", "MPJoinSynRx", "MPTCPRetrans", "MPTcpExt",
      "MULTICAST", "Machine", "Mbits/sec", "Mem", "MemErrors", "MiB", "NET_RX/s", "NET_TX/s", "NI",
      "NMI/s", "NOARP", "NODE", "NONE", "NPI/s", "Nested", "NetworkManager", "NoPorts",
      "Non-maskable", "Nov", "OUTPUT", "OfoPruned", "OutBcastOctets", "OutBcastPkts",
      "OutDatagrams", "OutMcastOctets", "OutMcastPkts", "OutOctets", "OutOfWindowIcmps", "PATTERN",
      "PAWSActive", "PAWSEstab", "PCI-MSI", "PCIe", "PFMemallocDrop", "PID", "PIN/s", "PING",
      "PIW/s", "PM", "PME", "PMI/s", "POSTROUTING", "PR", "Peer", "Performance", "Port",
      "Posted-interrupt", "Process", "PruneCalled", "RCU/s", "REJECT", "RES", "RES/s", "RST",
      "RTNETLINK", "RTR/s", "RX", "RcvPruned", "RcvbufErrors", "ReasmOverlaps", "Recv-Q",
      "Rescheduling", "Retr", "SCHED/s", "SHR", "SPU/s", "SYN", "Send-Q", "Sent", "SndbufErrors",
      "Spurious", "State", "Swap", "SyncookiesFailed", "SyncookiesRecv", "SyncookiesSent",
      "TASKLET/s", "TCPACKSkippedSeq", "TCPAbortFailed", "TCPAbortOnClose", "TCPAbortOnData",
      "TCPAbortOnLinger", "TCPAbortOnMemory", "TCPAckCompressed", "TCPAutoCorking",
      "TCPBacklogDrop", "TCPChallengeACK", "TCPDSACKOfoRecv", "TCPDSACKOfoSent", "TCPDSACKOldSent",
      "TCPDSACKRecv", "TCPDSACKUndo", "TCPDelivered", "TCPDeliveredCE", "TCPFastRetrans",
      "TCPFullUndo", "TCPHPAcks", "TCPHPHits", "TCPKeepAlive", "TCPLossFailures", "TCPLossProbes",
      "TCPLossUndo", "TCPMSS", "TCPMTUPFail", "TCPMTUPSuccess", "TCPMinTTLDrop", "TCPOFODrop",
      "TCPOFOMerge", "TCPOFOQueue", "TCPOrigDataSent", "TCPPartialUndo", "TCPPureAcks",
      "TCPRcvCoalesce", "TCPRcvCollapsed", "TCPRcvQDrop", "TCPRenoFailures", "TCPRenoRecovery",
      "TCPRenoReorder", "TCPReqQFullDrop", "TCPRetransFail", "TCPSACKDiscard", "TCPSACKReneging",
      "TCPSACKReorder", "TCPSYNChallenge", "TCPSackFailures", "TCPSackMerged", "TCPSackRecovery",
      "TCPSackShifted", "TCPSpuriousRTOs", "TCPSynRetrans", "TCPTSReorder", "TCPTimeouts",
      "TCPWinProbe", "TCPWqueueTooBig", "THR/s", "TIMER/s", "TLB", "TLB/s", "TRM/s", "TW",
      "TWKilled", "TWRecycled", "TX", "Tasks", "TcpExt", "TcpTimeoutRehash", "Thermal", "Transfer",
      "Tue", "UDP", "UNKNOWN", "UP", "USER", "Udp", "UdpLite", "VIRT", "Warning", "aborted",
      "accept", "acknowledgments", "addrgenmode", "advmss", "ageing_time", "agetty", "ago", "all",
      "allmulti", "allowed", "anacron", "answer", "app_limited", "ata_piix", "ata_sff", "ato",
      "auditd", "avail", "average", "back", "backlog", "bands", "bash", "bbr", "bcast_flood",
      "bfifo", "bioset", "blackhole", "bluetoothd", "brd", "bridge", "bridge_id", "bridge_slave",
      "broadcast", "buff/cache", "buffer", "burst", "busy", "bw", "by", "bytes", "bytes_acked",
      "bytes_received", "bytes_sent", "cache", "call", "captured", "carrier", "ce", "cgroup",
      "chain", "change", "check", "chrony", "chronyd", "clsact", "collsns", "comment",
      "config_pending", "connected", "connection", "connections", "conntrack", "cost", "counter",
      "cpu", "crc", "crond", "crypto", "ct", "cubic", "cwnd", "cwnd_gain", "da", "data", "data.",
      "data_segs_in", "data_segs_out", "dbus", "dbus-daemon", "decode", "default", "deferwq",
      "delivered", "delivery_rate", "designated_cost", "designated_port", "designated_root", "dev",
      "dev.cdrom.info", "device", "devices", "dhclient", "direct_qlen", "do", "do_wait",
      "docker-containe", "dockerd-current", "dport", "drive", "drop", "dropped", "ea", "early_drop",
      "echo", "ecn", "edac-poller", "egrep", "endpoint", "ep_poll", "errno", "error", "errors",
      "ethtool", "event", "every", "failed", "fastleave", "fd", "fe", "feae", "ff", "ffff", "fifo",
      "filter", "firewalld", "flags", "flood", "flows", "for", "forward", "forward_delay",
      "forwarding", "found", "fq_codel", "frame", "free", "from", "full", "fwmark", "gc_timer",
      "get", "gro", "gro_max_size", "group", "group_address", "group_fwd_mask", "gso_max_segs",
      "gso_max_size", "guard", "hairpin", "handshake", "head", "heartbt", "hello_time",
      "hello_timer", "hi", "hidden", "hold_timer", "hook", "hops", "host", "htb", "hwrng", "icmp",
      "icmp_seq", "id", "ifb", "incoming", "ingress", "initcwnd", "ino", "input", "insert",
      "insert_failed", "interface", "interrupts", "interval", "intr/s", "invalid", "ip", "iperf",
      "ips", "iptables", "iptables-nft", "iptables-save", "is", "isolated", "kaluad", "kauditd",
      "kblockd", "kdevtmpfs", "kdmflush", "keepalive", "kernel", "key", "khugepaged",
      "khungtaskd", "kill", "kintegrityd", "kmpath_rdacd", "kpsmoused", "ksmd", "kthreadd",
      "kthrotld", "lastack", "lastrcv", "lastsnd", "lat", "latest", "learning", "length", "limit",
      "link", "link-netns", "link-type", "link/ether", "link/loopback", "link/none", "listening",
      "lo", "load", "local", "localhost", "lock", "locked", "login", "long", "lookup", "loss",
      "lru-add-drain", "lvmetad", "main", "managed", "mangle", "master", "match", "max_age",
      "maxmtu", "maxseg", "mcast", "mcast_fast_leave", "mcast_flood", "mcast_hash_max",
      "mcast_querier", "mcast_router", "mcast_snooping", "mcast_to_unicast", "md", "medium",
      "memfd", "memory_limit", "message", "messages", "meta", "metric", "min/avg/max/mdev",
      "minburst", "minmtu", "minrtt", "missed", "mode", "monitoring", "mq", "mrtt", "ms", "mss",
      "mtu", "multicast", "n_tty_read", "name", "neigh_suppress", "neighbor", "netns", "nexthop",
      "nf_call_iptables", "nfit", "ni", "no", "none", "noop", "noqueue", "not", "notification",
      "numrxqueues", "numtxqueues", "of", "off", "oifname", "on", "oom_reaper", "openings",
      "option", "out", "output", "overlimits", "overrun", "pacing_gain", "pacing_rate", "packet",
      "packet-too-big", "packets", "parent", "pciehp", "peakrate", "peer", "persist", "persistent",
      "pfifo", "pfifo_fast", "pi", "pickup", "pid", "ping", "pipe", "pkt", "pmtu", "policy",
      "polkitd", "port", "port_id", "port_no", "posted-interrupt", "postfix", "postrouting",
      "predicted", "pref", "preshared", "priomap", "priority", "private", "prohibit", "promiscuity",
      "proto", "protocol", "proxy_arp", "proxy_arp_wifi", "public", "qdisc", "qlen", "qmgr",
      "quantum", "random", "rate", "rcu_bh", "rcu_sched", "rcv_rtt", "rcv_space", "rcv_ssthresh",
      "rcvmss", "reached", "read", "receive", "received", "receiver", "refcnt", "reject", "reno",
      "reordering", "requeues", "reset", "resets", "retries", "root", "root_block",
      "root_path_cost", "root_port", "route", "rst", "rsyslogd", "rt", "rto", "rtt", "running",
      "rx-checksumming", "rx-gro-hw", "rx-gro-list", "sack", "scope", "search_restart", "sec",
      "seconds", "segments", "segs_in", "segs_out", "send", "sender", "sent", "seq", "set",
      "shootdowns", "show", "si", "size", "sk", "skmem", "sleeping", "smartd", "snapshot",
      "snd_wnd", "src", "sshd", "ssthresh", "st", "state", "static", "statistics", "stopped",
      "stp_state", "strange", "sudo", "sy", "syn", "sysctl", "systemd", "systemd-journal",
      "systemd-logind", "systemd-udevd", "table", "target", "tbf", "tc", "tcn_timer", "tcp",
      "tcp-reset", "tcpdump", "time", "timeout", "timer", "to", "too", "top", "topology_change",
      "total", "trace", "transfer", "transmitted", "transns", "trap", "ts", "tso_max_segs",
      "tso_max_size", "ttl", "ttm_swap", "tun", "tuned", "tx-checksumming", "tx-gso-list",
      "tx-gso-partial", "tx-gso-robust", "type", "udp", "uid", "unknown", "unreachable", "up", "us",
      "use", "used", "used.", "user", "users", "verbose", "veth", "via", "vlan_filtering",
      "vlan_tunnel", "vmw_vmci", "vnet_hdr", "wa", "wakeup", "watchdogd", "weight", "weird",
      "wgd-lk-b", "wheel", "window", "with", "work", "write", "writeback", "wscale", "www.cnn.com",
      "xfs-eofblocks/d", "xfs-eofblocks/s", "xfs-reclaim/dm-", "xfs-reclaim/sda", "xfs_mru_cache",
      "xfsaild", "xfsalloc", "xt", "yet", "zombie",
      // tc: the qdisc kinds and htb's options not in the fixtures often enough
      "cake", "codel", "direct_packets_stat", "fq", "fq_pie", "netem", "pie", "prio", "r2q", "sfq",
      // iptables-save
      "!", "-A", "-D", "-I", "-N", "-P", "-R", "-X", "-d", "-g", "-i", "-j", "-m", "-o", "-p", "-s",
      "--clamp-mss-to-pmtu", "--comment", "--ctstate", "--dport", "--dports", "--icmp-type",
      "--icmpv6-type", "--log-prefix", "--reject-with", "--set-mss", "--sport", "--sports",
      "--state", "--tcp-flags", "--to-destination", "--to-source", "DNAT", "ESTABLISHED", "LOG",
      "MASQUERADE", "NEW", "PREROUTING", "RELATED", "RELATED,ESTABLISHED", "RETURN", "SNAT",
      "SYN,RST", "FIN,SYN,RST,ACK", "icmp-port-unreachable", "icmp6-port-unreachable", "icmpv6",
      "ipv6-icmp", "multiport", "nat", "raw", "security",
  };

  /**
   * The decimal numbers {@code 0} to {@code 255} are known words too: the labels and indexes the
   * tools print on every row (IRQ numbers in {@code /proc/interrupts}, CPU numbers, routing table
   * numbers), which would otherwise each cost a copy per row.
   */
  private static final String[] NUMBERS = new String[256];

  /** One more than the largest number {@link #number} has. */
  static final int NUMBER_LIMIT = NUMBERS.length;

  private static final String[] TABLE = new String[Integer.highestOneBit((WORDS.length + NUMBER_LIMIT) * 4) * 2];
  private static final int MASK = TABLE.length - 1;

  static {
    for (String w : WORDS) {
      add(w);
    }
    for (int i = 0; i < NUMBER_LIMIT; i++) {
      NUMBERS[i] = Integer.toString(i);
      add(NUMBERS[i]);
    }
  }

  /** The known string of {@code value}, from 0 to {@link #NUMBER_LIMIT} - 1. */
  static String number(int value) {
    return NUMBERS[value];
  }

  private static void add(String w) {
    int slot = mix(w.hashCode()) & MASK;
    while (TABLE[slot] != null && !TABLE[slot].equals(w)) {
      slot = (slot + 1) & MASK;
    }
    TABLE[slot] = w;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  /**
   * The known word equal to {@code [start, start + len)} of {@code text}, whose {@link
   * String#hashCode()} is {@code hash}; null if it is none.
   */
  static @Nullable String lookup(String text, int start, int len, int hash) {
    int slot = mix(hash) & MASK;
    String w;
    while ((w = TABLE[slot]) != null) {
      if (w.length() == len && w.hashCode() == hash && text.startsWith(w, start)) {
        return w;
      }
      slot = (slot + 1) & MASK;
    }
    return null;
  }

  /** How many words the table holds (for tests). */
  static int size() {
    return WORDS.length + NUMBER_LIMIT;
  }
}
