package io.wgdiag.parsers.iperf;

import io.wgdiag.model.iperf.ImmutableIperfInterval;
import io.wgdiag.model.iperf.ImmutableIperfResult;
import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.JsonSupport;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
      if (p.currentToken() != JsonToken.START_OBJECT) {
        JsonSupport.tree(p); // read as a whole, so the error stands where it always has: after the value
        throw JsonSupport.error(p, "an iperf3 JSON object");
      }
      Object[] root = (Object[]) ROOT.read(p);
      ImmutableIperfResult.Builder r = IperfResult.builder();
      @Nullable Object[] start = obj(root[ROOT_START]);
      @Nullable Object[] test = obj(at(start, START_TEST_START));
      if (at(test, TEST_PROTOCOL) instanceof String proto) {
        r.protocol(proto);
      }
      r.reverse(Long.valueOf(1).equals(at(test, TEST_REVERSE)));
      if (at(obj(at(start, START_CONNECTING_TO)), CONNECTING_HOST) instanceof String host) {
        r.server(host);
      }
      List<?> connected = list(at(start, START_CONNECTED));
      for (Object c : connected) {
        Object socket = at(obj(c), CONNECTED_SOCKET);
        if (socket != null) {
          r.addStream(String.valueOf(socket));
        }
      }
      boolean many = connected.size() > 1;
      for (Object iv : list(root[ROOT_INTERVALS])) {
        @Nullable Object[] interval = obj(iv);
        for (Object so : list(at(interval, INTERVAL_STREAMS))) {
          r.addInterval(row(obj(so), String.valueOf(at(obj(so), ROW_SOCKET)), null));
        }
        if (many && at(interval, INTERVAL_SUM) != null) {
          r.addInterval(row(obj(at(interval, INTERVAL_SUM)), "SUM", null));
        }
      }
      @Nullable Object[] end = obj(root[ROOT_END]);
      String id = many || connected.isEmpty() ? "SUM" : String.valueOf(at(obj(connected.get(0)), CONNECTED_SOCKET));
      if (at(end, END_SUM_SENT) != null) {
        r.addSummary(row(obj(at(end, END_SUM_SENT)), id, "sender"));
      }
      if (at(end, END_SUM_RECEIVED) != null) {
        r.addSummary(row(obj(at(end, END_SUM_RECEIVED)), id, "receiver"));
      }
      if (at(end, END_SUM) != null && at(end, END_SUM_SENT) == null) {
        r.addSummary(row(obj(at(end, END_SUM)), id, "receiver")); // one sum only (a UDP test in some versions)
      }
      if (root[ROOT_ERROR] instanceof String err) {
        r.error(err);
      }
      return r.build();
    };
  }

  /*
   * The document is read as far as the model needs it (JsonSupport.tree would make a map of every
   * object): an object becomes an array of the values of the keys its Shape names, in the Shape's
   * order (a key printed twice keeps its first value; null for an absent key); an array becomes a
   * list; the socket as JsonSupport.tree reads it (it is printed with String.valueOf); any other
   * kept value only when it is a scalar. Everything else is skipped unread. A value whose kind is
   * not the one expected (an array for an object, an object for an array or a number) becomes
   * OTHER, which reads as an empty object, an empty list and no number.
   */

  /** A kept value of the wrong kind: present, but an empty object, an empty list, no number. */
  private static final Object OTHER = new Object() {
    @Override
    public String toString() {
      return "other";
    }
  };

  /** What is kept of a JSON value. */
  private abstract static class Shape {
    /** Reads the value the parser stands on, leaving it on the value's last token. */
    abstract @Nullable Object read(JsonParser p) throws IOException, ParseException;
  }

  /** A scalar as {@link JsonSupport#tree} reads it, with floats read without a string; OTHER for an object or array. */
  private static final Shape SCALAR = new Shape() {
    @Override
    @Nullable Object read(JsonParser p) throws IOException, ParseException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        p.skipChildren();
        return OTHER;
      }
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        return NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
      }
      return JsonSupport.tree(p);
    }
  };

  /** The whole value, as {@link JsonSupport#tree} reads it. */
  private static final Shape WHOLE = new Shape() {
    @Override
    Object read(JsonParser p) throws IOException, ParseException {
      return JsonSupport.tree(p);
    }
  };

  /** An object: the values of {@code keys}, each read with its shape, in an array. */
  private static final class ObjectShape extends Shape {
    private final String[] keys;
    private final Shape[] shapes;

    ObjectShape(String[] keys, Shape[] shapes) {
      this.keys = keys;
      this.shapes = shapes;
    }

    @Override
    Object read(JsonParser p) throws IOException, ParseException {
      JsonToken t = p.currentToken();
      if (t != JsonToken.START_OBJECT) {
        SCALAR.read(p); // an array or a scalar where an object belongs
        return OTHER;
      }
      @Nullable Object[] values = new Object[keys.length];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        int k = indexOf(name);
        if (k < 0) {
          if (p.currentToken() == null) {
            throw JsonSupport.error(p, "a JSON value");
          }
          p.skipChildren();
          continue;
        }
        Object v = shapes[k].read(p); // never null: JSON null is JsonSupport.NULL
        if (values[k] == null) { // a repeated name keeps its first value, as JsonSupport.tree does
          values[k] = v;
        }
      }
      return values;
    }

    /** Where member {@code name} stands in the arrays this shape reads. */
    int member(String name) {
      int i = indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("no member " + name);
      }
      return i;
    }

    private int indexOf(String name) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** An array: its elements, each read with {@code element}. */
  private static final class ArrayShape extends Shape {
    private final Shape element;

    ArrayShape(Shape element) {
      this.element = element;
    }

    @Override
    Object read(JsonParser p) throws IOException, ParseException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        SCALAR.read(p);
        return OTHER;
      }
      List<@Nullable Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) {
          throw JsonSupport.error(p, "']'");
        }
        l.add(element.read(p));
      }
      return l;
    }
  }

  private static ObjectShape object(String[] keys, Shape... shapes) {
    return new ObjectShape(keys, shapes);
  }

  /** {@code intervals[].streams[]}, {@code .sum}, {@code end.sum_sent}, ...: a socket and the figures of {@link #row}. */
  private static final ObjectShape ROW = object(
      new String[] {"socket", "start", "end", "bytes", "bits_per_second", "retransmits", "snd_cwnd", "jitter_ms",
          "lost_packets", "packets"},
      WHOLE, SCALAR, SCALAR, SCALAR, SCALAR, SCALAR, SCALAR, SCALAR, SCALAR, SCALAR);

  private static final ObjectShape CONNECTED = object(new String[] {"socket"}, WHOLE);
  private static final ObjectShape TEST_START = object(new String[] {"protocol", "reverse"}, SCALAR, SCALAR);
  private static final ObjectShape CONNECTING_TO = object(new String[] {"host"}, SCALAR);
  private static final ObjectShape START = object(new String[] {"connected", "test_start", "connecting_to"},
      new ArrayShape(CONNECTED), TEST_START, CONNECTING_TO);
  private static final ObjectShape INTERVAL = object(new String[] {"streams", "sum"}, new ArrayShape(ROW), ROW);
  private static final ObjectShape END = object(new String[] {"sum_sent", "sum_received", "sum"}, ROW, ROW, ROW);
  private static final ObjectShape ROOT = object(new String[] {"start", "intervals", "end", "error"},
      START, new ArrayShape(INTERVAL), END, SCALAR);

  // Where each member the model needs stands in its object's array, looked up by name once.
  private static final int ROOT_START = ROOT.member("start");
  private static final int ROOT_INTERVALS = ROOT.member("intervals");
  private static final int ROOT_END = ROOT.member("end");
  private static final int ROOT_ERROR = ROOT.member("error");
  private static final int START_CONNECTED = START.member("connected");
  private static final int START_TEST_START = START.member("test_start");
  private static final int START_CONNECTING_TO = START.member("connecting_to");
  private static final int CONNECTED_SOCKET = CONNECTED.member("socket");
  private static final int TEST_PROTOCOL = TEST_START.member("protocol");
  private static final int TEST_REVERSE = TEST_START.member("reverse");
  private static final int CONNECTING_HOST = CONNECTING_TO.member("host");
  private static final int INTERVAL_STREAMS = INTERVAL.member("streams");
  private static final int INTERVAL_SUM = INTERVAL.member("sum");
  private static final int END_SUM_SENT = END.member("sum_sent");
  private static final int END_SUM_RECEIVED = END.member("sum_received");
  private static final int END_SUM = END.member("sum");
  private static final int ROW_SOCKET = ROW.member("socket");
  private static final int ROW_START = ROW.member("start");
  private static final int ROW_END = ROW.member("end");
  private static final int ROW_BYTES = ROW.member("bytes");
  private static final int ROW_BITS_PER_SECOND = ROW.member("bits_per_second");
  private static final int ROW_RETRANSMITS = ROW.member("retransmits");
  private static final int ROW_SND_CWND = ROW.member("snd_cwnd");
  private static final int ROW_JITTER_MS = ROW.member("jitter_ms");
  private static final int ROW_LOST_PACKETS = ROW.member("lost_packets");
  private static final int ROW_PACKETS = ROW.member("packets");

  private static final Object[] NO_KEYS = new Object[0];

  /** A kept object's values, or none: {@link #at} reads an absent key as null. */
  private static @Nullable Object[] obj(@Nullable Object o) {
    return o instanceof Object[] a ? a : NO_KEYS;
  }

  private static List<?> list(@Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  /** Value {@code i} of a kept object, null when the key was absent or the value no object. */
  private static @Nullable Object at(@Nullable Object[] a, int i) {
    return i < a.length ? a[i] : null;
  }

  private static IperfInterval row(@Nullable Object[] m, String stream, @Nullable String role) {
    ImmutableIperfInterval.Builder b = IperfInterval.builder().stream(stream)
        .startSeconds(num(at(m, ROW_START))).endSeconds(num(at(m, ROW_END))).bytes((long) num(at(m, ROW_BYTES)))
        .bitsPerSecond(num(at(m, ROW_BITS_PER_SECOND)));
    if (at(m, ROW_RETRANSMITS) instanceof Long rt) {
      b.retransmits(rt);
    }
    if (at(m, ROW_SND_CWND) instanceof Long cw) {
      b.cwndBytes(cw);
    }
    if (at(m, ROW_JITTER_MS) != null) {
      b.jitterMillis(num(at(m, ROW_JITTER_MS)));
    }
    if (at(m, ROW_LOST_PACKETS) instanceof Long lost) {
      b.lostDatagrams(lost);
    }
    if (at(m, ROW_PACKETS) instanceof Long packets) {
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
