package io.wgdiag.parsers.link;

import io.wgdiag.model.link.ImmutableVirtualFunction;
import io.wgdiag.model.link.VirtualFunction;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import org.jspecify.annotations.Nullable;

/**
 * The SR-IOV lines of {@code ip link} (iproute2 {@code print_vfinfo}, {@code print_vf_stats64}):
 * {@code vf N MAC|link/ether ADDR [brd ADDR], vlan N, qos N, spoof checking on, link-state auto,
 * trust off, ...} and, under {@code -s}, its two counter blocks.
 */
final class VfText {
  private VfText() {}

  /** The VF counters by block and label. */
  enum VfCounter { RX_BYTES, RX_PACKETS, RX_MCAST, RX_BCAST, RX_DROPPED, TX_BYTES, TX_PACKETS, TX_DROPPED }

  static @Nullable VfCounter counter(String block, String label) {
    boolean rx = block.equals("RX:");
    return switch (label) {
      case "bytes" -> rx ? VfCounter.RX_BYTES : VfCounter.TX_BYTES;
      case "packets" -> rx ? VfCounter.RX_PACKETS : VfCounter.TX_PACKETS;
      case "mcast" -> rx ? VfCounter.RX_MCAST : null;
      case "bcast" -> rx ? VfCounter.RX_BCAST : null;
      case "dropped" -> rx ? VfCounter.RX_DROPPED : VfCounter.TX_DROPPED;
      default -> null;
    };
  }

  static void set(ImmutableVirtualFunction.Builder b, VfCounter c, long v) {
    switch (c) {
      case RX_BYTES -> b.rxBytes(v);
      case RX_PACKETS -> b.rxPackets(v);
      case RX_MCAST -> b.rxMulticast(v);
      case RX_BCAST -> b.rxBroadcast(v);
      case RX_DROPPED -> b.rxDropped(v);
      case TX_BYTES -> b.txBytes(v);
      case TX_PACKETS -> b.txPackets(v);
      case TX_DROPPED -> b.txDropped(v);
    }
  }

  /** Reads a {@code vf N ...} line into a new VF builder. */
  static ImmutableVirtualFunction.Builder read(LineCursor line) throws ParseException {
    line.expect("vf");
    long n = line.number("the VF number after 'vf'");
    ImmutableVirtualFunction.Builder b = VirtualFunction.builder().number((int) Math.min(Integer.MAX_VALUE, n));
    int base = line.restStart() - line.lineStart();
    String rest = line.rest();
    int from = 0;
    boolean first = true;
    while (from <= rest.length()) {
      int comma = rest.indexOf(',', from);
      int end = comma < 0 ? rest.length() : comma;
      String seg = rest.substring(from, end).strip();
      int at = base + from;
      if (!seg.isEmpty()) {
        setting(b, seg, first, line, at);
      } else if (comma >= 0) {
        throw line.errorAt(at, "expected a VF setting between the commas");
      }
      first = false;
      from = end + 1;
    }
    return b;
  }

  private static void setting(ImmutableVirtualFunction.Builder b, String seg, boolean first, LineCursor line, int at)
      throws ParseException {
    String[] w = seg.split("\\s+");
    if (first && (w[0].equals("MAC") || w[0].startsWith("link/"))) {
      // MAC 52:54:00:12:34:56 / link/ether 6e:cc:c3:fe:ad:7f brd ff:ff:ff:ff:ff:ff
      if (w.length < 2) {
        throw line.errorAt(at, "expected the VF's address after '" + w[0] + "'");
      }
      b.address(w[1]);
      if (w.length == 4 && w[2].equals("brd")) {
        return;
      }
      if (w.length != 2) {
        throw line.errorAt(at, "expected 'brd ADDRESS' or a comma after the VF's address, found '" + seg + "'");
      }
      return;
    }
    switch (w[0]) {
      case "vlan" -> {
        if (w.length == 3 && w[1].equals("protocol")) {
          b.vlanProtocol(w[2]);
        } else {
          b.vlan((int) number(w, 1, 2, "the VLAN id after 'vlan'", line, at));
        }
      }
      case "qos" -> b.qos((int) number(w, 1, 2, "the priority after 'qos'", line, at));
      case "tx" -> {
        // tx rate 100 (Mbps)
        if (w.length != 4 || !w[1].equals("rate") || !w[3].equals("(Mbps)")) {
          throw line.errorAt(at, "expected 'tx rate N (Mbps)', found '" + seg + "'");
        }
        b.txRateMbps(number(w, 2, 4, "the rate in Mbit/s", line, at));
      }
      case "max_tx_rate" -> b.maxTxRateMbps(mbps(w, line, at));
      case "min_tx_rate" -> b.minTxRateMbps(mbps(w, line, at));
      case "spoof" -> {
        if (w.length != 3 || !w[1].equals("checking")) {
          throw line.errorAt(at, "expected 'spoof checking on|off', found '" + seg + "'");
        }
        b.spoofChecking(onOff(w[2], line, at));
      }
      case "link-state" -> {
        if (w.length != 2) {
          throw line.errorAt(at, "expected 'link-state auto|enable|disable', found '" + seg + "'");
        }
        b.linkState(w[1]);
      }
      case "trust" -> b.trust(onOff(w.length == 2 ? w[1] : seg, line, at));
      case "query_rss" -> b.queryRss(onOff(w.length == 2 ? w[1] : seg, line, at));
      default -> b.addOtherSetting(seg);
    }
  }

  private static long number(String[] w, int i, int length, String what, LineCursor line, int at) throws ParseException {
    if (w.length != length || w[i].isEmpty() || !io.wgdiag.parsers.text.Fields.onlyDigits(w[i], "") || w[i].length() > 18) {
      throw line.errorAt(at, "expected " + what + ", found '" + String.join(" ", w) + "'");
    }
    return Long.parseLong(w[i]);
  }

  /** {@code max_tx_rate 0Mbps}. */
  private static long mbps(String[] w, LineCursor line, int at) throws ParseException {
    if (w.length != 2 || !w[1].endsWith("Mbps")) {
      throw line.errorAt(at, "expected '" + w[0] + " NMbps', found '" + String.join(" ", w) + "'");
    }
    return number(new String[] {w[0], w[1].substring(0, w[1].length() - 4)}, 1, 2, "the rate in Mbit/s", line, at);
  }

  private static boolean onOff(String v, LineCursor line, int at) throws ParseException {
    return switch (v) {
      case "on" -> true;
      case "off" -> false;
      default -> throw line.errorAt(at, "expected 'on' or 'off', found '" + v + "'");
    };
  }
}
