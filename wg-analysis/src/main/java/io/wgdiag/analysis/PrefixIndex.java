package io.wgdiag.analysis;

import io.wgdiag.model.wireguard.IpPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prefixes indexed by their network, for "which prefixes contain this one" in a few hash probes
 * (one per prefix length present) instead of a scan: AllowedIPs of 10^5 peers checked pairwise
 * would be 10^10 comparisons.
 */
final class PrefixIndex<T> {

  /**
   * A network: the address masked to {@code length} bits, as two longs. Its equals and hashCode
   * are written out: a record's are linked by invokedynamic on first use, some 20 ms of interpreted
   * method-handle set-up in a command-line run's start-up (the only record used as a key there).
   */
  private record Net(boolean v6, int length, long hi, long lo) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Net n && n.v6 == v6 && n.length == length && n.hi == hi && n.lo == lo;
    }

    @Override
    public int hashCode() {
      return ((Boolean.hashCode(v6) * 31 + length) * 31 + Long.hashCode(hi)) * 31 + Long.hashCode(lo);
    }
  }

  private final Map<Net, List<T>> byNet = new HashMap<>();
  private final TreeSet<Integer> v4Lengths = new TreeSet<>();
  private final TreeSet<Integer> v6Lengths = new TreeSet<>();

  void add(IpPrefix p, T value) {
    byNet.computeIfAbsent(net(p.isIpv6(), p.toBytes(), p.length()), k -> new ArrayList<>(1)).add(value);
    (p.isIpv6() ? v6Lengths : v4Lengths).add(p.length());
  }

  /** The values of every indexed prefix that contains {@code p} (equal included), shortest prefix first. */
  List<T> containing(IpPrefix p) {
    List<T> out = new ArrayList<>(0);
    byte[] address = p.toBytes(); // once, masked anew for each length present
    for (int len : (p.isIpv6() ? v6Lengths : v4Lengths).headSet(p.length(), true)) {
      List<T> hit = byNet.get(net(p.isIpv6(), address, len));
      if (hit != null) {
        out.addAll(hit);
      }
    }
    return out;
  }

  private static Net net(boolean v6, byte[] b, int length) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, length - 8 * i));
      int v = b[i] & (0xff00 >>> keep) & 0xff;
      if (i < 8) {
        hi = (hi << 8) | v;
      } else {
        lo = (lo << 8) | v;
      }
    }
    return new Net(v6, length, hi, lo);
  }
}
