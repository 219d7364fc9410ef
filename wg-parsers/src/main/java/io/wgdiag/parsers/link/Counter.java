package io.wgdiag.parsers.link;

import io.wgdiag.model.link.ImmutableLinkStats;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A link counter by meaning, and where each layout prints it: the text column label in its block
 * ({@code RX:}, {@code RX errors:}, {@code TX:}, {@code TX errors:}) and the JSON key in {@code
 * rx}/{@code tx}. Package-private: shared by the text and JSON readers.
 */
enum Counter {
  RX_BYTES,
  RX_PACKETS,
  RX_ERRORS,
  RX_DROPPED,
  RX_MULTICAST,
  RX_MISSED,
  RX_OVERRUN,
  RX_COMPRESSED,
  RX_LENGTH,
  RX_CRC,
  RX_FRAME,
  RX_FIFO,
  RX_NOHANDLER,
  RX_OTHERHOST,
  TX_BYTES,
  TX_PACKETS,
  TX_ERRORS,
  TX_DROPPED,
  TX_CARRIER,
  TX_COLLISIONS,
  TX_COMPRESSED,
  TX_ABORTED,
  TX_FIFO,
  TX_WINDOW,
  TX_HEARTBEAT,
  TX_CARRIER_CHANGES;

  /** The counter under {@code label} in a text block, or null if the label is unknown. */
  static @Nullable Counter ofText(String block, String label) {
    switch (block) {
      case "RX:":
        switch (label) {
          case "bytes": return RX_BYTES;
          case "packets": return RX_PACKETS;
          case "errors": return RX_ERRORS;
          case "dropped": return RX_DROPPED;
          case "missed": return RX_MISSED; // 5.10+
          case "overrun": return RX_OVERRUN; // up to 5.9
          case "mcast": return RX_MULTICAST;
          case "compressed": return RX_COMPRESSED;
          default: return null;
        }
      case "RX errors:":
        switch (label) {
          case "length": return RX_LENGTH;
          case "crc": return RX_CRC;
          case "frame": return RX_FRAME;
          case "fifo": return RX_FIFO;
          case "overrun": return RX_OVERRUN; // 5.10+
          case "missed": return RX_MISSED; // up to 5.9
          case "nohandler": return RX_NOHANDLER;
          case "otherhost": return RX_OTHERHOST;
          default: return null;
        }
      case "TX:":
        switch (label) {
          case "bytes": return TX_BYTES;
          case "packets": return TX_PACKETS;
          case "errors": return TX_ERRORS;
          case "dropped": return TX_DROPPED;
          case "carrier": return TX_CARRIER;
          case "collsns": return TX_COLLISIONS;
          case "compressed": return TX_COMPRESSED;
          default: return null;
        }
      case "TX errors:":
        switch (label) {
          case "aborted": return TX_ABORTED;
          case "fifo": return TX_FIFO;
          case "window": return TX_WINDOW;
          case "heartbt": // 5.14+
          case "heartbeat": return TX_HEARTBEAT;
          case "transns": return TX_CARRIER_CHANGES;
          default: return null;
        }
      default:
        return null;
    }
  }

  /** The counter under JSON key {@code key} of the {@code rx} or {@code tx} object, or null. */
  static @Nullable Counter ofJson(boolean rx, String key) {
    if (rx) {
      switch (key) {
        case "bytes": return RX_BYTES;
        case "packets": return RX_PACKETS;
        case "errors": return RX_ERRORS;
        case "dropped": return RX_DROPPED;
        case "over_errors": return RX_OVERRUN;
        case "multicast": return RX_MULTICAST;
        case "compressed": return RX_COMPRESSED;
        case "length_errors": return RX_LENGTH;
        case "crc_errors": return RX_CRC;
        case "frame_errors": return RX_FRAME;
        case "fifo_errors": return RX_FIFO;
        case "missed_errors": return RX_MISSED;
        case "nohandler": return RX_NOHANDLER;
        case "otherhost": return RX_OTHERHOST;
        default: return null;
      }
    }
    switch (key) {
      case "bytes": return TX_BYTES;
      case "packets": return TX_PACKETS;
      case "errors": return TX_ERRORS;
      case "dropped": return TX_DROPPED;
      case "carrier_errors": return TX_CARRIER;
      case "collisions": return TX_COLLISIONS;
      case "compressed": return TX_COMPRESSED;
      case "aborted_errors": return TX_ABORTED;
      case "fifo_errors": return TX_FIFO;
      case "window_errors": return TX_WINDOW;
      case "heartbeat_errors": return TX_HEARTBEAT;
      case "carrier_changes": return TX_CARRIER_CHANGES;
      default: return null;
    }
  }

  /** The counters every layout prints; a block without them is malformed. */
  static boolean required(Counter c) {
    return c.ordinal() <= RX_MULTICAST.ordinal()
        || (c.ordinal() >= TX_BYTES.ordinal() && c.ordinal() <= TX_COLLISIONS.ordinal());
  }

  /** Copies {@code values} into {@code b}; the caller has checked the required ones are there. */
  static void apply(Map<Counter, Long> values, ImmutableLinkStats.Builder b) {
    for (Map.Entry<Counter, Long> e : values.entrySet()) {
      apply(e.getKey(), e.getValue(), b);
    }
  }

  private static void apply(Counter c, long v, ImmutableLinkStats.Builder b) {
    switch (c) {
      case RX_BYTES -> b.rxBytes(v);
      case RX_PACKETS -> b.rxPackets(v);
      case RX_ERRORS -> b.rxErrors(v);
      case RX_DROPPED -> b.rxDropped(v);
      case RX_MULTICAST -> b.rxMulticast(v);
      case RX_MISSED -> b.rxMissed(v);
      case RX_OVERRUN -> b.rxOverrun(v);
      case RX_COMPRESSED -> b.rxCompressed(v);
      case RX_LENGTH -> b.rxLengthErrors(v);
      case RX_CRC -> b.rxCrcErrors(v);
      case RX_FRAME -> b.rxFrameErrors(v);
      case RX_FIFO -> b.rxFifoErrors(v);
      case RX_NOHANDLER -> b.rxNohandler(v);
      case RX_OTHERHOST -> b.rxOtherhost(v);
      case TX_BYTES -> b.txBytes(v);
      case TX_PACKETS -> b.txPackets(v);
      case TX_ERRORS -> b.txErrors(v);
      case TX_DROPPED -> b.txDropped(v);
      case TX_CARRIER -> b.txCarrierErrors(v);
      case TX_COLLISIONS -> b.txCollisions(v);
      case TX_COMPRESSED -> b.txCompressed(v);
      case TX_ABORTED -> b.txAbortedErrors(v);
      case TX_FIFO -> b.txFifoErrors(v);
      case TX_WINDOW -> b.txWindowErrors(v);
      case TX_HEARTBEAT -> b.txHeartbeatErrors(v);
      case TX_CARRIER_CHANGES -> b.txCarrierChanges(v);
    }
  }

  private static final Counter[] ALL = values();

  /** How many counters there are: the length of a {@code long[]} of them by ordinal. */
  static final int COUNT = ALL.length;

  /**
   * Copies {@code values} (by ordinal, -1 for a counter not printed) into {@code b}; the caller
   * has checked the required ones are there. The text parser's form of {@link #apply(Map,
   * ImmutableLinkStats.Builder)}: no boxed value per counter.
   */
  static void apply(long[] values, ImmutableLinkStats.Builder b) {
    for (Counter c : ALL) {
      long v = values[c.ordinal()];
      if (v >= 0) {
        apply(c, v, b);
      }
    }
  }

  /** The first required counter missing from {@code values} (by ordinal, -1 missing), or null. */
  static @Nullable Counter firstMissing(long[] values) {
    for (Counter c : ALL) {
      if (required(c) && values[c.ordinal()] < 0) {
        return c;
      }
    }
    return null;
  }

  /** The first required counter missing from {@code values}, or null. */
  static @Nullable Counter firstMissing(EnumMap<Counter, Long> values) {
    for (Counter c : ALL) {
      if (required(c) && !values.containsKey(c)) {
        return c;
      }
    }
    return null;
  }
}
