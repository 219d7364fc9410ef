package io.wgdiag.parsers.nic;

import io.wgdiag.parsers.text.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The feature names {@code ethtool -k} prints, kept once: the kernel's feature strings
 * ({@code netdev_features_strings} in {@code net/ethtool/common.c}, as of Linux 6.18 and the names
 * older kernels printed) and ethtool's own names for the legacy offloads ({@code off_flag_def}). A
 * line's name is looked up where it stands, so a known name costs no string, and every parse's model
 * shares the same ones; a name not listed is read as a new string.
 */
final class EthtoolFeatureNames {
  private EthtoolFeatureNames() {}

  private static final String[] NAMES = {
    // ethtool's names for the legacy offloads
    "rx-checksumming", "tx-checksumming", "scatter-gather", "tcp-segmentation-offload",
    "udp-fragmentation-offload", "generic-segmentation-offload", "generic-receive-offload",
    "large-receive-offload", "rx-vlan-offload", "tx-vlan-offload", "ntuple-filters", "receive-hashing",
    // the kernel's feature strings
    "tx-scatter-gather", "tx-checksum-ipv4", "tx-checksum-ip-generic", "tx-checksum-ipv6", "highdma",
    "tx-scatter-gather-fraglist", "tx-vlan-hw-insert", "rx-vlan-hw-parse", "rx-vlan-filter",
    "tx-vlan-stag-hw-insert", "rx-vlan-stag-hw-parse", "rx-vlan-stag-filter", "vlan-challenged",
    "tx-generic-segmentation", "tx-lockless", "netns-local", "rx-gro", "rx-gro-hw", "rx-lro",
    "tx-tcp-segmentation", "tx-gso-robust", "tx-tcp-ecn-segmentation", "tx-tcp-mangleid-segmentation",
    "tx-tcp6-segmentation", "tx-tcp-accecn-segmentation", "tx-fcoe-segmentation", "tx-gre-segmentation",
    "tx-gre-csum-segmentation", "tx-ipxip4-segmentation", "tx-ipxip6-segmentation",
    "tx-udp_tnl-segmentation", "tx-udp_tnl-csum-segmentation", "tx-gso-partial",
    "tx-tunnel-remcsum-segmentation", "tx-sctp-segmentation", "tx-esp-segmentation",
    "tx-udp-segmentation", "tx-gso-list", "tx-udp-fragmentation", "tx-mpls-segmentation",
    "tx-ipip-segmentation", "tx-sit-segmentation",
    "tx-checksum-fcoe-crc", "tx-checksum-sctp", "fcoe-mtu", "rx-ntuple-filter", "rx-hashing",
    "rx-checksum", "tx-nocache-copy", "loopback", "rx-fcs", "rx-all", "l2-fwd-offload", "busy-poll",
    "hw-tc-offload", "esp-hw-offload", "esp-tx-csum-hw-offload", "rx-udp_tunnel-port-offload",
    "tls-hw-record", "tls-hw-tx-offload", "tls-hw-rx-offload", "rx-gro-list", "macsec-hw-offload",
    "rx-udp-gro-forwarding", "hsr-tag-ins-offload", "hsr-tag-rm-offload", "hsr-fwd-offload",
    "hsr-dup-offload",
  };

  /**
   * Open addressing at most an eighth full, by {@link #hash}: a name's length and five of its
   * characters. A hash of every character (31 h + c, each step waiting for the one before) took
   * longer than the rest of the line's reading; the match is still checked whole.
   */
  private static final String[] TABLE = new String[Integer.highestOneBit(NAMES.length * 8)];

  private static final int MASK = TABLE.length - 1;

  static {
    for (String n : NAMES) {
      int i = hash(n, 0, n.length()) & MASK;
      while (TABLE[i] != null) {
        if (TABLE[i].equals(n)) {
          throw new ExceptionInInitializerError("feature name listed twice: " + n);
        }
        i = (i + 1) & MASK;
      }
      TABLE[i] = n;
    }
  }

  /** The listed name equal to {@code [from, to)} of {@code text}; null if it is not listed. */
  static @Nullable String lookup(String text, int from, int to) {
    int len = to - from;
    for (int i = hash(text, from, to) & MASK; ; i = (i + 1) & MASK) {
      String n = TABLE[i];
      if (n == null) {
        return null;
      }
      if (n.length() == len && Fields.holds(text, from, n)) {
        return n;
      }
    }
  }

  /** {@link Fields#sampledHash} of {@code [from, to)} of {@code s}, its high bits spread into the low. */
  static int hash(String s, int from, int to) {
    int h = Fields.sampledHash(s, from, to);
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  /** How many names are listed (for tests). */
  static int size() {
    return NAMES.length;
  }
}
