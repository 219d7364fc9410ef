package io.wgdiag.parsers.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.ParseException;
import org.junit.jupiter.api.Test;

/**
 * The text parser keeps the open link's counters in one array reused from link to link: a link
 * must see only its own counters, never those the link before it printed.
 */
class LinkCountersReuseTest {

  private static String header(int index, String name) {
    return index + ": " + name + ": <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT\n"
        + "    link/ether 2e:9d:d1:09:54:ce brd ff:ff:ff:ff:ff:ff\n";
  }

  @Test
  void eachLinkHasOnlyItsOwnCounters() throws ParseException {
    String text = header(1, "a")
        + "    RX:  bytes packets errors dropped  missed   mcast\n"
        + "           656       8      1       2       3       4\n"
        + "    RX errors:  length    crc   frame    fifo overrun\n"
        + "                     5      6       7       8       9\n"
        + "    TX:  bytes packets errors dropped carrier collsns\n"
        + "          1500      18     10      11      12      13\n"
        + "    TX errors: aborted   fifo  window heartbt transns\n"
        + "                    14     15      16      17      18\n"
        + header(2, "b")
        + "    RX:  bytes packets errors dropped overrun mcast\n"
        + "           100       1      0       0       0     0\n"
        + "    TX:  bytes packets errors dropped carrier collsns\n"
        + "           200       2      0       0       0       0\n"
        + header(3, "c");
    Links links = new IpLinkStatsParser().parse(text);
    LinkStats a = links.links().get(0).stats().orElseThrow();
    assertThat(a.rxBytes()).isEqualTo(656);
    assertThat(a.rxMissed()).hasValue(3);
    assertThat(a.rxCrcErrors()).hasValue(6);
    assertThat(a.txHeartbeatErrors()).hasValue(17);
    LinkStats b = links.links().get(1).stats().orElseThrow();
    assertThat(b.rxBytes()).isEqualTo(100);
    assertThat(b.txBytes()).isEqualTo(200);
    assertThat(b.rxMissed()).isEmpty();
    assertThat(b.rxCrcErrors()).isEmpty();
    assertThat(b.txHeartbeatErrors()).isEmpty();
    assertThat(b.txAbortedErrors()).isEmpty();
    Link c = links.links().get(2);
    assertThat(c.stats()).isEmpty();
    assertThat(c.flags()).containsExactly("BROADCAST", "MULTICAST", "UP", "LOWER_UP");
  }

  @Test
  void flagsAreReadInPlaceAsASplitWouldGiveThem() throws ParseException {
    Links links = new IpLinkParser().parse(
        "1: a: < UP,,X ,LOWER_UP,> mtu 1500 state UP\n    link/ether 2e:9d:d1:09:54:ce\n"
            + "2: b: <> mtu 1500 state UP\n    link/none\n");
    assertThat(links.links().get(0).flags()).containsExactly("UP", "X ", "LOWER_UP");
    assertThat(links.links().get(1).flags()).isEmpty();
  }

  /**
   * Every link is read into one builder, cleared at each header: each link of the recorded
   * fixtures, parsed among the others, equals the same link parsed on its own (a fresh builder).
   */
  @Test
  void eachLinkAmongOthersEqualsItselfParsedAlone() throws ParseException {
    for (String fixture : new String[] {"fixtures/ip-link/ns-d-link.txt", "fixtures/ip-link/ns-link.txt", "fixtures/ip-link/ns-o-link.txt"}) {
      String text = io.wgdiag.parsers.Fixtures.read(fixture);
      java.util.List<Link> together = new IpLinkParser().parse(text).links();
      java.util.List<String> blocks = new java.util.ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.startsWith(" ") || blocks.isEmpty()) {
          blocks.add(line + "\n");
        } else {
          blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + line + "\n");
        }
      }
      assertThat(together).as(fixture).hasSize(blocks.size()).hasSizeGreaterThan(1);
      for (int i = 0; i < blocks.size(); i++) {
        Link alone = new IpLinkParser().parse(blocks.get(i)).links().get(0);
        assertThat(together.get(i)).as("%s link %d", fixture, i + 1).isEqualTo(alone);
      }
    }
  }
}
