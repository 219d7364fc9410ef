package io.wgdiag.parsers.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.link.ImmutableLinkStats;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IpLinkStatsParserTest {
  private final IpLinkStatsParser parser = new IpLinkStatsParser();

  private static final String HEADER =
      "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n"
          + "    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n";

  @Test
  void readsSeedTask08CompactLayout() throws ParseException {
    ParsedTranscript t = TranscriptParser.standard().parse(Fixtures.read("seed/task08.txt"), true);
    Link eth = t.blocks().get(0).model(Links.class).orElseThrow().link("eth0").orElseThrow();
    LinkStats s = eth.stats().orElseThrow();
    assertThat(s.rxBytes()).isEqualTo(9012345678L);
    assertThat(s.rxPackets()).isEqualTo(8123456);
    assertThat(s.rxErrors()).isZero();
    assertThat(s.rxDropped()).isEqualTo(1452);
    assertThat(s.rxMissed()).hasValue(0);
    assertThat(s.rxOverrun()).isEmpty();
    assertThat(s.rxMulticast()).hasValue(120345);
    assertThat(s.txBytes()).isEqualTo(8123456789L);
    assertThat(s.txPackets()).isEqualTo(7012345);
    assertThat(s.txCarrierErrors()).isZero();
    assertThat(s.txCollisions()).isZero();
    assertThat(s.rxCrcErrors()).isEmpty();
    assertThat(s.approximate()).isFalse();
    assertThat(eth.mtuBytes()).isEqualTo(1500);
  }

  @Test
  void readsCapturedCounters() throws ParseException {
    Link vlk0 = parser.parse(Fixtures.read("fixtures/ip-link-stats/ns-ss-link-vlk0.txt")).links().get(0);
    LinkStats s = vlk0.stats().orElseThrow();
    assertThat(s.rxBytes()).isEqualTo(2798);
    assertThat(s.rxPackets()).isEqualTo(23);
    assertThat(s.txBytes()).isEqualTo(2602);
    assertThat(s.txPackets()).isEqualTo(23);
    assertThat(s.rxOverrun()).hasValue(0);
    assertThat(s.rxMissed()).hasValue(0);
    assertThat(s.txHeartbeatErrors()).hasValue(0);
    assertThat(s.txCarrierChanges()).hasValue(2);
    assertThat(s.rxNohandler()).isEmpty();
    Link wg = parser.parse(Fixtures.read("fixtures/ip-link-stats/ns-ss-link-wgl0.txt")).links().get(0);
    assertThat(wg.linkType()).hasValue("none");
    assertThat(wg.stats().orElseThrow().txBytes()).isEqualTo(396);
    assertThat(wg.stats().orElseThrow().txPackets()).isEqualTo(6);
    assertThat(wg.stats().orElseThrow().rxPackets()).isZero();

    Links host = parser.parse(Fixtures.read("fixtures/ip-link-stats/host-ss-d-link.txt"));
    Link eth0 = host.link("eth0").orElseThrow();
    assertThat(eth0.mtuBytes()).isEqualTo(1400);
    assertThat(eth0.parentBus()).hasValue("virtio");
    assertThat(eth0.parentDevice()).hasValue("virtio2");
    assertThat(eth0.stats().orElseThrow().rxBytes()).isEqualTo(167211575);
    assertThat(eth0.stats().orElseThrow().rxPackets()).isEqualTo(3555);
    assertThat(eth0.stats().orElseThrow().txBytes()).isEqualTo(204710);
    assertThat(host.link("ifb0").orElseThrow().kind()).hasValue("ifb");
  }

  @Test
  void textAndJsonAreEqualWithDoubleS() throws ParseException {
    for (String name : new String[] {"ns-ss-link", "ns-ss-link-vlk0", "ns-ss-link-wgl0"}) {
      Links text = parser.parse(Fixtures.read("fixtures/ip-link-stats/" + name + ".txt"));
      Links json = parser.parse(Fixtures.read("fixtures/ip-link-stats/" + name + ".json"));
      assertThat(json).as(name).isEqualTo(text);
      assertThat(text.links()).allSatisfy(l -> assertThat(l.stats()).isPresent());
    }
  }

  /** With one -s the text prints 'missed' and not 'overrun', the JSON the reverse: all else agrees. */
  @Test
  void textAndJsonWithOneSDifferOnlyInMissedAndOverrun() throws ParseException {
    for (String name : new String[] {"ns-s-link", "ns-s-d-link"}) {
      Links text = parser.parse(Fixtures.read("fixtures/ip-link-stats/" + name + ".txt"));
      Links json = parser.parse(Fixtures.read("fixtures/ip-link-stats/" + name + ".json"));
      assertThat(json).isNotEqualTo(text);
      assertThat(text.links().get(0).stats().orElseThrow().rxMissed()).hasValue(0);
      assertThat(json.links().get(0).stats().orElseThrow().rxOverrun()).hasValue(0);
      assertThat(withoutMissedAndOverrun(json)).as(name).isEqualTo(withoutMissedAndOverrun(text));
    }
  }

  private static List<Link> withoutMissedAndOverrun(Links ls) {
    List<Link> out = new ArrayList<>();
    for (Link l : ls.links()) {
      LinkStats s = l.stats().orElseThrow();
      out.add(Link.builder().from(l).stats(
          ImmutableLinkStats.copyOf(s).withRxMissed(OptionalLong.empty()).withRxOverrun(OptionalLong.empty())).build());
    }
    return out;
  }

  @Test
  void humanisedValuesAreApproximate() throws ParseException {
    Links ls = parser.parse(Fixtures.read("fixtures/ip-link-stats/ns-s-h-link.txt"));
    LinkStats vlb = ls.link("vlb").orElseThrow().stats().orElseThrow();
    assertThat(vlb.txBytes()).isEqualTo(1500); // printed 1.50k
    assertThat(vlb.approximate()).isTrue();
    Links big = parser.parse(HEADER + "RX: bytes packets errors dropped missed mcast\n6.04T 67.7M 0 1.2Mi 0 0\n"
        + "TX: bytes packets errors dropped carrier collsns\n999 1 0 0 0 0\n");
    LinkStats s = big.links().get(0).stats().orElseThrow();
    assertThat(s.rxBytes()).isEqualTo(6_040_000_000_000L);
    assertThat(s.rxPackets()).isEqualTo(67_700_000L);
    assertThat(s.rxDropped()).isEqualTo(Math.round(1.2 * 1024 * 1024));
    assertThat(s.txBytes()).isEqualTo(999);
  }

  @Test
  void readsTheOld4xLayoutWithShiftedColumns() throws ParseException {
    // iproute2 <= 5.9: left-aligned fixed widths 10/8/7/7/7/7, overrun in the first RX row,
    // missed in RX errors, 'heartbeat' spelled out; a 10-digit value pushes the columns right.
    String text = HEADER
        + "    RX: bytes  packets  errors  dropped overrun mcast   \n"
        + "    9012345678 8123456  0       1452    3       120345 \n"
        + "    RX errors: length   crc     frame   fifo    missed\n"
        + "               0        1       2       0       7      \n"
        + "    TX: bytes  packets  errors  dropped carrier collsns \n"
        + "    8123456789 7012345  0       0       0       0      \n"
        + "    TX errors: aborted  fifo   window heartbeat transns\n"
        + "               0        0      0      5         4      \n";
    LinkStats s = parser.parse(text).links().get(0).stats().orElseThrow();
    assertThat(s.rxBytes()).isEqualTo(9012345678L);
    assertThat(s.rxDropped()).isEqualTo(1452);
    assertThat(s.rxOverrun()).hasValue(3);
    assertThat(s.rxMulticast()).hasValue(120345);
    assertThat(s.rxCrcErrors()).hasValue(1);
    assertThat(s.rxFrameErrors()).hasValue(2);
    assertThat(s.rxMissed()).hasValue(7);
    assertThat(s.txHeartbeatErrors()).hasValue(5);
    assertThat(s.txCarrierChanges()).hasValue(4);
  }

  @Test
  void readsOptionalColumns() throws ParseException {
    String text = HEADER
        + "    RX:  bytes packets errors dropped  missed   mcast compressed\n"
        + "        100      2      0       0       0       0        9 \n"
        + "    RX errors:  length    crc   frame    fifo overrun nohandler otherhost\n"
        + "                     0      0       0       0       0        11        12\n"
        + "    TX:  bytes packets errors dropped carrier collsns compressed\n"
        + "        200      3      0       0       0       0        8 \n"
        + "    TX errors: aborted   fifo  window heartbt\n"
        + "                     0      0       0       0\n";
    LinkStats s = parser.parse(text).links().get(0).stats().orElseThrow();
    assertThat(s.rxCompressed()).hasValue(9);
    assertThat(s.rxNohandler()).hasValue(11);
    assertThat(s.rxOtherhost()).hasValue(12);
    assertThat(s.txCompressed()).hasValue(8);
    assertThat(s.txCarrierChanges()).isEmpty();
  }

  @Test
  void anUnknownColumnIsKept() throws ParseException {
    String text = HEADER + "RX: bytes packets errors dropped missed mcast newthing\n1 2 3 4 5 6 7\n"
        + "TX: bytes packets errors dropped carrier collsns\n1 2 3 4 5 6\n";
    LinkStats s = parser.parse(text).links().get(0).stats().orElseThrow();
    assertThat(s.otherCounters()).containsEntry("RX: newthing", 7L);
    assertThat(s.rxMulticast()).hasValue(6);
  }

  @Test
  void tooFewValuesFailWithLineAndColumn() throws ParseException {
    String text = HEADER + "RX: bytes packets errors dropped missed mcast\n1 2 3 4 5\n";
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 4, column 10: expected the 'mcast' value under 'RX:' (6 columns: bytes"
            + " packets errors dropped missed mcast), found end of line");
    ParseResult<Links> r = parser.parseLenient(text + "TX: bytes packets errors dropped carrier collsns\n1 2 3 4 5 6\n");
    // the bad row, then at the end the link whose counters went missing with it (issue 31: not silently)
    assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(4, 3);
    assertThat(r.diagnostics().get(1).message()).contains("both the 'RX:' and the 'TX:' rows");
  }

  @Test
  void tooManyOrNonNumericValuesFail() {
    assertThatThrownBy(() -> parser.parse(HEADER + "RX: bytes packets errors dropped missed mcast\n1 2 3 4 5 6 7\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("line 4, column 13: expected the end of the row");
    assertThatThrownBy(() -> parser.parse(HEADER + "RX: bytes packets errors dropped missed mcast\n1 2 x3 4 5 6\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("line 4, column 5: expected the 'errors' value under 'RX:'");
    assertThatThrownBy(() -> parser.parse(HEADER + "RX: packets errors dropped missed mcast\n2 3 4 5 6\n"))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 3, column 1: expected a 'bytes' column under 'RX:'");
    assertThatThrownBy(() -> parser.parse(HEADER + "RX: bytes packets errors dropped missed mcast\n1 2 3 4 5 6\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("'TX:'");
  }

  @Test
  void jsonStats32AndUnknownKeysAreKept() throws ParseException {
    Links ls = parser.parse("""
        [{"ifindex":2,"ifname":"eth0","flags":["UP"],"mtu":1500,"operstate":"UP","newkey":"v",
          "stats":{"rx":{"bytes":10,"packets":1,"errors":0,"dropped":0,"over_errors":0,"multicast":0,"weird":5},
                   "tx":{"bytes":20,"packets":2,"errors":0,"dropped":0,"carrier_errors":0,"collisions":0}}}]
        """);
    Link l = ls.links().get(0);
    assertThat(l.otherDetails()).containsExactly("newkey v");
    assertThat(l.stats().orElseThrow().otherCounters()).containsEntry("rx weird", 5L);
    assertThat(l.stats().orElseThrow().txBytes()).isEqualTo(20);
  }

  // ------------------------------------------------------------------ property

  private static final String[][] NEW_LAYOUT = {
    {"RX:", "bytes", "packets", "errors", "dropped", "missed", "mcast"},
    {"RX errors:", "length", "crc", "frame", "fifo", "overrun"},
    {"TX:", "bytes", "packets", "errors", "dropped", "carrier", "collsns"},
    {"TX errors:", "aborted", "fifo", "window", "heartbt", "transns"},
  };
  private static final String[][] OLD_LAYOUT = {
    {"RX:", "bytes", "packets", "errors", "dropped", "overrun", "mcast"},
    {"RX errors:", "length", "crc", "frame", "fifo", "missed"},
    {"TX:", "bytes", "packets", "errors", "dropped", "carrier", "collsns"},
    {"TX errors:", "aborted", "fifo", "window", "heartbeat", "transns"},
  };

  @Provide
  Arbitrary<long[]> counters() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE).edgeCases(e -> e.add(0L))
        .array(long[].class).ofSize(22);
  }

  /**
   * Generated counters rendered in the 5.14+ layout (right-aligned, dynamic widths), in the 4.x
   * layout (left-aligned fixed widths that shift) and as JSON all read back to the same stats.
   */
  @Property(tries = 200)
  void everyLayoutReadsBackTheSameCounters(@ForAll("counters") long[] c) throws ParseException {
    // by meaning: rx bytes packets errors dropped missed mcast | length crc frame fifo overrun |
    // tx bytes packets errors dropped carrier collsns | aborted fifo window heartbeat transns
    LinkStats expected = LinkStats.builder()
        .rxBytes(c[0]).rxPackets(c[1]).rxErrors(c[2]).rxDropped(c[3]).rxMissed(c[4]).rxMulticast(c[5])
        .rxLengthErrors(c[6]).rxCrcErrors(c[7]).rxFrameErrors(c[8]).rxFifoErrors(c[9]).rxOverrun(c[10])
        .txBytes(c[11]).txPackets(c[12]).txErrors(c[13]).txDropped(c[14]).txCarrierErrors(c[15])
        .txCollisions(c[16]).txAbortedErrors(c[17]).txFifoErrors(c[18]).txWindowErrors(c[19])
        .txHeartbeatErrors(c[20]).txCarrierChanges(c[21]).build();
    long[][] newValues = {
      {c[0], c[1], c[2], c[3], c[4], c[5]}, {c[6], c[7], c[8], c[9], c[10]},
      {c[11], c[12], c[13], c[14], c[15], c[16]}, {c[17], c[18], c[19], c[20], c[21]}};
    long[][] oldValues = {
      {c[0], c[1], c[2], c[3], c[10], c[5]}, {c[6], c[7], c[8], c[9], c[4]},
      newValues[2], newValues[3]};
    StringBuilder modern = new StringBuilder(HEADER);
    StringBuilder old = new StringBuilder(HEADER);
    for (int b = 0; b < 4; b++) {
      modern.append(renderModern(NEW_LAYOUT[b], newValues[b]));
      old.append(renderOld(OLD_LAYOUT[b], oldValues[b]));
    }
    String json = "[{\"ifindex\":2,\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],"
        + "\"mtu\":1500,\"qdisc\":\"fq_codel\",\"operstate\":\"UP\",\"linkmode\":\"DEFAULT\",\"group\":\"default\","
        + "\"txqlen\":1000,\"link_type\":\"ether\",\"address\":\"52:54:00:12:34:56\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\","
        + "\"stats64\":{\"rx\":{\"bytes\":" + c[0] + ",\"packets\":" + c[1] + ",\"errors\":" + c[2]
        + ",\"dropped\":" + c[3] + ",\"over_errors\":" + c[10] + ",\"multicast\":" + c[5]
        + ",\"length_errors\":" + c[6] + ",\"crc_errors\":" + c[7] + ",\"frame_errors\":" + c[8]
        + ",\"fifo_errors\":" + c[9] + ",\"missed_errors\":" + c[4] + "},\"tx\":{\"bytes\":" + c[11]
        + ",\"packets\":" + c[12] + ",\"errors\":" + c[13] + ",\"dropped\":" + c[14]
        + ",\"carrier_errors\":" + c[15] + ",\"collisions\":" + c[16] + ",\"aborted_errors\":" + c[17]
        + ",\"fifo_errors\":" + c[18] + ",\"window_errors\":" + c[19] + ",\"heartbeat_errors\":" + c[20]
        + ",\"carrier_changes\":" + c[21] + "}}}]";
    Links fromModern = parser.parse(modern);
    assertThat(fromModern.links().get(0).stats()).hasValue(expected);
    assertThat(parser.parse(old)).isEqualTo(fromModern);
    assertThat(parser.parse(json)).isEqualTo(fromModern);
  }

  private static String renderModern(String[] header, long[] values) {
    StringBuilder h = new StringBuilder("    ").append(header[0]);
    StringBuilder v = new StringBuilder("    ");
    for (int i = 1; i < header.length; i++) {
      String s = Long.toString(values[i - 1]);
      int w = Math.max(header[i].length(), s.length());
      h.append(' ').append(" ".repeat(w - header[i].length())).append(header[i]);
      v.append(" ".repeat(w - s.length() + (i == 1 ? header[0].length() + 1 : 1))).append(s);
    }
    return h.append("           \n").append(v).append(" \n").toString();
  }

  private static String renderOld(String[] header, long[] values) {
    int[] widths = {10, 8, 7, 7, 7, 7};
    StringBuilder h = new StringBuilder("    ").append(header[0]);
    StringBuilder v = new StringBuilder("    ");
    for (int i = 1; i < header.length; i++) {
      h.append(' ').append(header[i]);
      v.append(String.format("%-" + widths[i - 1] + "s", values[i - 1])).append(' ');
    }
    return h.append('\n').append(v).append('\n').toString();
  }
}
