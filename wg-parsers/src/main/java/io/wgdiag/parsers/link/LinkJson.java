package io.wgdiag.parsers.link;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.wgdiag.model.link.ImmutableLink;
import io.wgdiag.model.link.ImmutableLinkStats;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.JsonSupport;
import io.wgdiag.parsers.text.LineParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON reader of {@code ip -j [-s [-s]] [-d] link show}: an array of link objects whose keys
 * (iproute2 {@code ip/ipaddress.c}) map to the same model as the text. A detail key the model
 * lacks is kept in {@link Link#otherDetails()}, never fatal, as in the text form; an unknown
 * counter goes to {@link LinkStats#otherCounters()}.
 */
final class LinkJson implements LineParser.JsonForm<Links> {
  static final LinkJson INSTANCE = new LinkJson();

  private LinkJson() {}

  @Override
  public Links read(JsonParser p, List<Diagnostic> diagnostics, boolean strict)
      throws IOException, ParseException {
    JsonSupport.expect(p, JsonToken.START_ARRAY, "'[' opening the list of links");
    List<Link> links = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      Link l = JsonSupport.item(p, diagnostics, strict, () -> link(p)); // lenient: a bad link is a diagnostic
      if (l != null) {
        links.add(l);
      }
    }
    if (t != JsonToken.END_ARRAY) {
      throw JsonSupport.error(p, "a link object or ']'");
    }
    return Links.builder().links(links).build();
  }

  private static Link link(JsonParser p) throws IOException, ParseException {
    ImmutableLink.Builder b = Link.builder().line(p.currentTokenLocation().getLineNr());
    @Nullable String broadcast = null;
    boolean pointToPoint = false;
    boolean index = false;
    boolean name = false;
    boolean mtu = false;
    boolean state = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "ifindex" -> {
          b.index(integer(p, key));
          index = true;
        }
        case "ifname" -> {
          b.name(text(p, key));
          name = true;
        }
        case "link" -> b.parent(v == JsonToken.VALUE_NULL ? "NONE" : text(p, key));
        case "link_index" -> b.parent("if" + integer(p, key));
        case "flags" -> {
          if (v != JsonToken.START_ARRAY) {
            throw JsonSupport.error(p, "an array of flags");
          }
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            b.addFlag(p.getText());
          }
          if (p.currentToken() != JsonToken.END_ARRAY) {
            throw JsonSupport.error(p, "a flag or ']'");
          }
        }
        case "mtu" -> {
          b.mtuBytes(integer(p, key));
          mtu = true;
        }
        case "xdp" -> {
          p.skipChildren();
          b.xdp("xdp");
        }
        case "qdisc" -> b.qdisc(text(p, key));
        case "master" -> b.master(text(p, key));
        case "operstate" -> {
          b.operState(text(p, key));
          state = true;
        }
        case "linkmode" -> b.linkMode(text(p, key));
        case "group" -> b.group(text(p, key));
        case "txqlen" -> b.txQueueLengthPackets(number(p, key));
        case "link_type" -> b.linkType(text(p, key));
        case "address" -> b.address(text(p, key));
        case "broadcast" -> broadcast = text(p, key);
        case "link_pointtopoint" -> pointToPoint = v == JsonToken.VALUE_TRUE;
        case "permaddr" -> b.permanentAddress(text(p, key));
        case "link_netnsid" -> b.linkNetnsId(integer(p, key)).parentInOtherNamespace(true);
        case "proto_down" -> b.protoDown(v == JsonToken.VALUE_TRUE);
        case "promiscuity" -> b.promiscuity(integer(p, key));
        case "allmulti" -> b.allmulti(integer(p, key));
        case "min_mtu" -> b.minMtuBytes(integer(p, key));
        case "max_mtu" -> b.maxMtuBytes(integer(p, key));
        case "linkinfo" -> linkInfo(p, b);
        case "inet6_addr_gen_mode" -> b.addrGenMode(text(p, key));
        case "num_tx_queues" -> b.txQueues(integer(p, key));
        case "num_rx_queues" -> b.rxQueues(integer(p, key));
        case "gso_max_size" -> b.gsoMaxSizeBytes(number(p, key));
        case "gso_max_segs" -> b.gsoMaxSegments(number(p, key));
        case "tso_max_size" -> b.tsoMaxSizeBytes(number(p, key));
        case "tso_max_segs" -> b.tsoMaxSegments(number(p, key));
        case "gro_max_size" -> b.groMaxSizeBytes(number(p, key));
        case "parentbus" -> b.parentBus(text(p, key));
        case "parentdev" -> b.parentDevice(text(p, key));
        case "ifalias" -> b.alias(text(p, key));
        case "altnames" -> {
          if (v != JsonToken.START_ARRAY) {
            throw JsonSupport.error(p, "an array of names");
          }
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            b.addAltName(p.getText());
          }
        }
        case "stats64", "stats" -> b.stats(stats(p));
        default -> b.addOtherDetail(key + " " + flat(p));
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw JsonSupport.error(p, "a key or '}'");
    }
    if (!index || !name || !mtu || !state) {
      throw JsonSupport.error(p, "the keys ifindex, ifname, mtu and operstate in every link");
    }
    if (broadcast != null) {
      if (pointToPoint) {
        b.peerAddress(broadcast);
      } else {
        b.broadcast(broadcast);
      }
    }
    return b.build();
  }

  private static void linkInfo(JsonParser p, ImmutableLink.Builder b)
      throws IOException, ParseException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonSupport.error(p, "an object after 'linkinfo'");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "info_kind" -> b.kind(text(p, key));
        case "info_slave_kind" -> b.slaveKind(text(p, key));
        case "info_data" -> b.addAllKindDetails(tokens(p));
        case "info_slave_data" -> b.addAllSlaveKindDetails(tokens(p));
        default -> b.addOtherDetail(key + " " + flat(p));
      }
    }
  }

  /** An object's members as {@code key value} tokens; a scalar as itself. */
  private static List<String> tokens(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      out.add(flat(p));
      return out;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      out.add(key);
      out.add(flat(p));
    }
    return out;
  }

  /** A scalar's text, or "…" for a skipped structure. */
  private static String flat(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != null && t.isScalarValue()) {
      return p.getText();
    }
    p.skipChildren();
    return "…";
  }

  private static LinkStats stats(JsonParser p) throws IOException, ParseException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonSupport.error(p, "an object of counters");
    }
    EnumMap<Counter, Long> values = new EnumMap<>(Counter.class);
    ImmutableLinkStats.Builder s = LinkStats.builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String dir = p.currentName();
      p.nextToken();
      boolean rx = dir.equals("rx");
      if (!rx && !dir.equals("tx")) {
        p.skipChildren();
        continue;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw JsonSupport.error(p, "an object after '" + dir + "'");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        long v = number(p, key);
        Counter c = Counter.ofJson(rx, key);
        if (c == null) {
          s.putOtherCounter(dir + " " + key, v);
        } else {
          values.put(c, v);
        }
      }
    }
    Counter missing = Counter.firstMissing(values);
    if (missing != null) {
      throw JsonSupport.error(p, "every basic counter in the stats object, " + missing + " is missing");
    }
    Counter.apply(values, s);
    return s.build();
  }

  private static String text(JsonParser p, String key) throws IOException, ParseException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw JsonSupport.error(p, "a string after '" + key + "'");
    }
    return p.getText();
  }

  private static long number(JsonParser p, String key) throws IOException, ParseException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || p.getLongValue() < 0) {
      throw JsonSupport.error(p, "a whole number after '" + key + "'");
    }
    return p.getLongValue();
  }

  private static int integer(JsonParser p, String key) throws IOException, ParseException {
    long v = number(p, key);
    if (v > Integer.MAX_VALUE) {
      throw JsonSupport.error(p, "a number up to " + Integer.MAX_VALUE + " after '" + key + "'");
    }
    return (int) v;
  }
}
