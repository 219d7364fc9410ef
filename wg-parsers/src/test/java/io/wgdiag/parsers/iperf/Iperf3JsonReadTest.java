package io.wgdiag.parsers.iperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.wgdiag.model.iperf.ImmutableIperfInterval;
import io.wgdiag.model.iperf.ImmutableIperfResult;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.text.JsonSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The JSON form reads only what the model needs, in place ({@link Iperf3JsonParser}); it must give
 * what reading the whole document into maps gives ({@link #reference}, the former reading): with
 * keys in any order, printed twice (the first wins), of unexpected kinds, absent or null.
 */
class Iperf3JsonReadTest {

  private static final String[] KEYS = {"start", "intervals", "end", "error", "connected", "test_start",
      "connecting_to", "socket", "protocol", "reverse", "host", "streams", "sum", "sum_sent", "sum_received", "bytes",
      "bits_per_second", "retransmits", "snd_cwnd", "jitter_ms", "lost_packets", "packets", "other"};

  @Property(tries = 400)
  void readsAsTheWholeDocumentReadIntoMaps(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    String base = Fixtures.read("fixtures/iperf3-json/lab-loopback-tcp.json");
    Object doc;
    try (JsonParser p = new JsonFactory().createParser(base)) {
      p.nextToken();
      doc = java.util.Objects.requireNonNull(entries(JsonSupport.tree(p)));
    }
    if (r.nextBoolean()) {
      // a second stream, so the interval sums and "SUM" are read
      @SuppressWarnings("unchecked")
      List<Object[]> root = (List<Object[]>) doc;
      for (Object[] e : root) {
        if (e[0].equals("start") && e[1] instanceof List<?> start) {
          for (Object o : start) {
            Object[] se = (Object[]) o;
            if (se[0].equals("connected") && se[1] instanceof List<?> c && !c.isEmpty()) {
              @SuppressWarnings("unchecked")
              List<Object> cl = (List<Object>) c;
              cl.add(new Pairs(new ArrayList<>(List.<Object[]>of(new Object[] {"socket", 7L}))));
            }
          }
        }
      }
    }
    Object mutated = mutate(doc, r, 0);
    String text = write(mutated, new StringBuilder()).toString();
    IperfResult expected;
    try (JsonParser p = new JsonFactory().createParser(text)) {
      expected = reference(p);
    }
    assertThat(new Iperf3JsonParser().parse(text)).as(text).isEqualTo(expected);
  }

  @Test
  void aDocumentThatIsNoObjectIsRefusedAfterTheValue() {
    assertThatThrownBy(() -> new Iperf3JsonParser().parse("[1, {\"a\": 2}]"))
        .hasMessage("line 1, column 13: expected an iperf3 JSON object, found ]");
    assertThatThrownBy(() -> new Iperf3JsonParser().parse("{\"start\": {\"connected\": [}}"))
        .hasMessageStartingWith("line 1, column 26: malformed JSON: Unexpected close marker");
  }

  /** Objects as lists of key-value pairs, so a key may be printed twice. */
  private static @Nullable Object entries(@Nullable Object tree) {
    if (tree instanceof Map<?, ?> m) {
      List<Object[]> l = new ArrayList<>();
      m.forEach((k, v) -> l.add(new Object[] {k, entries(v)}));
      return new Pairs(l);
    }
    if (tree instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(entries(v)));
      return out;
    }
    return tree;
  }

  /** An object's pairs, in printed order. */
  private static final class Pairs extends ArrayList<Object[]> {
    Pairs(List<Object[]> l) {
      super(l);
    }
  }

  private static Object odd(Random r) {
    return switch (r.nextInt(11)) {
      case 0 -> JsonSupport.NULL;
      case 1 -> Boolean.TRUE;
      case 2 -> "text";
      case 3 -> 1L;
      case 4 -> 1.5;
      case 5 -> new java.math.BigInteger("123456789012345678901234567890");
      case 6 -> new ArrayList<>();
      case 7 -> new Pairs(new ArrayList<>());
      case 8 -> new ArrayList<>(List.of(1L, new Pairs(new ArrayList<>(List.<Object[]>of(new Object[] {"socket", 9L})))));
      case 9 -> new Pairs(new ArrayList<>(List.<Object[]>of(new Object[] {"socket", "x"}, new Object[] {"bytes", 2.5e3})));
      default -> new Pairs(new ArrayList<>(List.<Object[]>of(new Object[] {KEYS[r.nextInt(KEYS.length)], 3L})));
    };
  }

  private static @Nullable Object mutate(@Nullable Object v, Random r, int depth) {
    if (depth > 0 && r.nextInt(14) == 0) {
      return odd(r);
    }
    if (v instanceof Pairs pairs) {
      List<Object[]> out = new ArrayList<>();
      for (Object[] e : pairs) {
        out.add(new Object[] {e[0], mutate(e[1], r, depth + 1)});
      }
      if (!out.isEmpty() && r.nextInt(5) == 0) {
        Object[] e = out.get(r.nextInt(out.size()));
        out.add(r.nextInt(out.size() + 1), new Object[] {e[0], odd(r)}); // printed twice
      }
      if (r.nextInt(5) == 0) {
        out.add(r.nextInt(out.size() + 1), new Object[] {KEYS[r.nextInt(KEYS.length)], odd(r)});
      }
      if (!out.isEmpty() && r.nextInt(6) == 0) {
        out.remove(r.nextInt(out.size()));
      }
      if (r.nextInt(4) == 0) {
        Collections.shuffle(out, r);
      }
      return new Pairs(out);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(mutate(o, r, depth + 1));
      }
      if (!out.isEmpty() && r.nextInt(5) == 0) {
        out.add(mutate(out.get(r.nextInt(out.size())), r, depth + 1));
      }
      return out;
    }
    return v;
  }

  private static StringBuilder write(@Nullable Object v, StringBuilder b) {
    if (v instanceof Pairs pairs) {
      b.append('{');
      for (int i = 0; i < pairs.size(); i++) {
        b.append(i == 0 ? "" : ", ").append('"').append(pairs.get(i)[0]).append("\": ");
        write(pairs.get(i)[1], b);
      }
      return b.append('}');
    }
    if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        write(l.get(i), b.append(i == 0 ? "" : ", "));
      }
      return b.append(']');
    }
    if (v instanceof String s) {
      return b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append(v == JsonSupport.NULL ? "null" : String.valueOf(v));
  }

  /** The former reading: the whole document into maps and lists ({@link JsonSupport#tree}), then the model from them. */
  static IperfResult reference(JsonParser p) throws Exception {
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
  }

  private static IperfInterval row(Map<?, ?> m, String stream, @Nullable String role) {
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

  private static double num(@Nullable Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(@Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }
}
