package io.wgdiag.parsers.streaming;

import java.io.Reader;
import java.util.function.LongFunction;

/**
 * Text made on the fly, line after line, up to a byte budget: a gigabyte of tool output without a
 * gigabyte anywhere. {@code header} comes first, then {@code line.apply(0)}, {@code line.apply(1)}, ...
 */
final class GeneratedReader extends Reader {
  private final LongFunction<String> line;
  private final long budget;
  private String current;
  private int at;
  private long index;
  private long produced;

  GeneratedReader(String header, LongFunction<String> line, long budgetBytes) {
    this.line = line;
    this.budget = budgetBytes;
    this.current = header;
  }

  /** Lines produced so far, the header not counted. */
  long lines() {
    return index;
  }

  /** Characters produced so far. */
  long produced() {
    return produced;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    int n = 0;
    while (n < len) {
      if (at == current.length()) {
        if (produced >= budget) {
          break;
        }
        current = line.apply(index++);
        at = 0;
      }
      int k = Math.min(len - n, current.length() - at);
      current.getChars(at, at + k, buf, off + n);
      at += k;
      n += k;
      produced += k;
    }
    return n == 0 && len > 0 ? -1 : n;
  }

  @Override
  public void close() {}

  /** ping replies: {@code 64 bytes from 10.60.0.10: icmp_seq=N ttl=64 time=T ms}. */
  static GeneratedReader ping(long bytes) {
    return new GeneratedReader("PING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n",
        i -> "64 bytes from 10.60.0.10: icmp_seq=" + (i + 1) + " ttl=64 time=" + (i % 97) + "." + (i % 10) + " ms\n", bytes);
  }

  /** A BGP-sized {@code ip route}: {@code 10.a.b.0/24 via 192.0.2.1 dev eth0 proto bgp metric 20}. */
  static GeneratedReader ipRoute(long bytes) {
    return new GeneratedReader("default via 192.0.2.1 dev eth0 proto static\n",
        i -> (1 + (i >> 16) % 223) + "." + ((i >> 8) & 255) + "." + (i & 255) + ".0/24 via 192.0.2." + (1 + i % 200)
            + " dev eth" + (i % 4) + " proto bgp metric 20\n", bytes);
  }

  /** {@code ss -tin}: one socket line and its info line per socket. */
  static GeneratedReader ss(long bytes) {
    return new GeneratedReader("State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n",
        i -> "ESTAB 0 0 10.60.0.1:" + (1024 + i % 60000) + " 10.60.0.10:5201\n"
            + "\t cubic wscale:7,7 rto:204 rtt:" + (i % 50) + ".25/0.5 mss:1368 pmtu:1420 rcvmss:536 advmss:1368 cwnd:"
            + (10 + i % 90) + " bytes_sent:" + i * 1448 + " bytes_acked:" + i * 1448 + " segs_out:" + i + " segs_in:" + i / 2
            + " send 1.9Gbps lastsnd:4 pacing_rate 2.2Gbps delivery_rate 1.1Gbps retrans:0/" + (i % 7) + " rcv_space:14600 minrtt:0.05\n",
        bytes);
  }
}
