package io.wgdiag.parsers.iperf;

import io.wgdiag.model.iperf.ImmutableIperfInterval;
import io.wgdiag.model.iperf.ImmutableIperfResult;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.JsonSupport;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code iperf3 -J} into the same model as the text output: {@code start.connected} (the
 * streams), {@code start.test_start} (protocol, reverse), {@code intervals[].streams[]} and {@code
 * .sum}, {@code end.sum_sent}/{@code end.sum_received} (or {@code end.sum} for UDP), and {@code
 * error}. Text input is not this tool's: each line is reported as unrecognised.
 */
public final class Iperf3JsonParser extends LineParser<IperfResult> {

  /** Creates the parser. */
  public Iperf3JsonParser() {
    super("iperf3-json", IperfResult.class);
  }

  @Override
  protected JsonForm<IperfResult> jsonForm() {
    return (p, diagnostics, strict) -> {
      p.nextToken();
      Object tree = JsonSupport.tree(p);
      if (!(tree instanceof Map<?, ?> root)) {
        throw JsonSupport.error(p, "an iperf3 JSON object");
      }
      ImmutableIperfResult.Builder r = IperfResult.builder();
      Map<?, ?> start = map(root.get("start"));
      Map<?, ?> test = map(start.get("test_start"));
      if (test.get("protocol") instanceof String proto) {
        r.protocol(proto);
      }
      r.reverse(Long.valueOf(1).equals(test.get("reverse")));
      if (map(start.get("connecting_to")).get("host") instanceof String host) {
        r.server(host);
      }
      for (Object c : list(start.get("connected"))) {
        Object socket = map(c).get("socket");
        if (socket != null) {
          r.addStream(String.valueOf(socket));
        }
      }
      boolean many = list(start.get("connected")).size() > 1;
      for (Object iv : list(root.get("intervals"))) {
        Map<?, ?> interval = map(iv);
        for (Object so : list(interval.get("streams"))) {
          r.addInterval(row(map(so), String.valueOf(map(so).get("socket")), null));
        }
        if (many && interval.get("sum") != null) {
          r.addInterval(row(map(interval.get("sum")), "SUM", null));
        }
      }
      Map<?, ?> end = map(root.get("end"));
      String id = many ? "SUM" : list(start.get("connected")).stream().map(c -> String.valueOf(map(c).get("socket"))).findFirst().orElse("SUM");
      if (end.get("sum_sent") != null) {
        r.addSummary(row(map(end.get("sum_sent")), id, "sender"));
      }
      if (end.get("sum_received") != null) {
        r.addSummary(row(map(end.get("sum_received")), id, "receiver"));
      }
      if (end.get("sum") != null && end.get("sum_sent") == null) {
        r.addSummary(row(map(end.get("sum")), id, "receiver"));
      }
      if (root.get("error") instanceof String err) {
        r.error(err);
      }
      return r.build();
    };
  }

  private static IperfInterval row(Map<?, ?> m, String stream, @org.jspecify.annotations.Nullable String role) {
    ImmutableIperfInterval.Builder b = IperfInterval.builder().stream(stream)
        .startSeconds(num(m.get("start"))).endSeconds(num(m.get("end")))
        .bytes((long) num(m.get("bytes"))).bitsPerSecond(num(m.get("bits_per_second")));
    if (m.get("retransmits") instanceof Long rt) {
      b.retransmits(rt);
    }
    if (m.get("snd_cwnd") instanceof Long cw) {
      b.cwndBytes(cw);
    }
    if (m.get("jitter_ms") != null) {
      b.jitterMillis(num(m.get("jitter_ms")));
    }
    if (m.get("lost_packets") instanceof Long lost) {
      b.lostDatagrams(lost);
    }
    if (m.get("packets") instanceof Long packets) {
      b.totalDatagrams(packets);
    }
    if (role != null) {
      b.role(role);
    }
    return b.build();
  }

  private static double num(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static Map<?, ?> map(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  @Override
  protected Session<IperfResult> newSession() {
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) {
        return false; // text output belongs to the iperf3 tool id
      }

      @Override
      public IperfResult finish(int lines, boolean strict) {
        return IperfResult.builder().build();
      }
    };
  }
}
