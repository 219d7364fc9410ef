package io.wgdiag.parsers.qdisc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The text parser reads every qdisc into one draft, cleared at each {@code qdisc} line: a qdisc must
 * see only what it printed itself (its device, parent, reference count and counters), never what
 * the qdisc before it printed.
 */
class TcQdiscReuseTest {

  @Test
  void eachQdiscAmongOthersEqualsItselfParsedAlone() throws ParseException {
    List<String> fixtures = Fixtures.textFiles("tc-qdisc").stream().map(p -> p.getFileName().toString()).toList();
    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(4);
    int compared = 0;
    for (String fixture : fixtures) {
      String text = Fixtures.read("fixtures/tc-qdisc/" + fixture);
      List<Qdisc> together = new TcQdiscParser().parse(text).qdiscs();
      List<String> blocks = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.startsWith("qdisc ") || blocks.isEmpty()) {
          blocks.add(line + "\n");
        } else {
          blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + line + "\n");
        }
      }
      assertThat(together).as(fixture).hasSameSizeAs(blocks);
      for (int i = 0; i < blocks.size(); i++) {
        assertThat(together.get(i)).as(fixture + " qdisc " + i)
            .isEqualTo(new TcQdiscParser().parse(blocks.get(i)).qdiscs().get(0));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(20);
  }

  /**
   * Options texts that are equal, or nearly: one digit changed (same length), a blank more or
   * less, a trailing blank, none at all, and options after a flag read before them.
   */
  private static final List<String> OPTIONS = List.of(
      " limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64 ",
      " limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64",
      " limit 10240p flows 1024 quantum 1515 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64 ",
      " limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn  drop_batch 64 ",
      " offloaded limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64 ",
      " bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1",
      " bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 2",
      " limit 1000p",
      " limit 1000p limit 2000p",
      "",
      " ");

  @Provide
  Arbitrary<List<String>> qdiscBlocks() {
    Arbitrary<String> header = Arbitraries.of("fq_codel 0: parent 1:1", "fq_codel 0: dev eth0 parent 1:2",
        "pfifo_fast 0: dev wg0 root refcnt 2", "noqueue 0: dev lo root refcnt 2");
    Arbitrary<String> options = Arbitraries.of(OPTIONS);
    Arbitrary<String> counters = Arbitraries.of("",
        " Sent 104814620460 bytes 82014570 pkt (dropped 2, overlimits 0 requeues 27) \n backlog 0b 0p requeues 20\n",
        "  maxpacket 9735 drop_overlimit 0 new_flow_count 29715 ecn_mark 0\n  new_flows_len 0 old_flows_len 1\n");
    return Combinators.combine(header, options, counters)
        .as((h, o, c) -> "qdisc " + h + o + "\n" + c)
        .list().ofMinSize(1).ofMaxSize(12);
  }

  /**
   * A qdisc whose options text equals the previous qdisc's takes that qdisc's options map without
   * reading the text again: whatever came before it, it must read as it does alone. Fails when the
   * texts are compared by length only, or when options read after a flag are taken for the text's.
   */
  @Property(tries = 400)
  void optionsTakenFromTheQdiscBeforeAreTheOnesPrinted(@ForAll("qdiscBlocks") List<String> blocks)
      throws ParseException {
    List<Qdisc> together = new TcQdiscParser().parse(String.join("", blocks)).qdiscs();
    assertThat(together).hasSameSizeAs(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(together.get(i)).as(blocks.get(i)).isEqualTo(new TcQdiscParser().parse(blocks.get(i)).qdiscs().get(0));
    }
  }

  @Test
  void childrenWithTheSameOptionsTextShareOneMap() throws ParseException {
    List<Qdisc> qdiscs = new TcQdiscParser().parse("""
        qdisc mq 1: root
        qdisc fq_codel 0: parent 1:1 limit 10240p flows 1024 quantum 1514 ecn
        qdisc fq_codel 0: parent 1:2 limit 10240p flows 1024 quantum 1514 ecn
        qdisc fq_codel 0: parent 1:3 limit 10240p flows 1024 quantum 1515 ecn
        """).qdiscs();
    assertThat(qdiscs.get(1).options()).containsEntry("quantum", "1514").containsEntry("ecn", "");
    assertThat(qdiscs.get(2).options()).isSameAs(qdiscs.get(1).options());
    assertThat(qdiscs.get(3).options()).containsEntry("quantum", "1515").containsEntry("limit", "10240p");
  }

  @Test
  void aQdiscWithoutDeviceOrCountersAfterOneWithThem() throws ParseException {
    Qdisc second = new TcQdiscParser().parse("""
        qdisc fq_codel 8001: dev wg0 parent 1:2 refcnt 2 limit 10240p
         Sent 3006248 bytes 2028 pkt (dropped 8290, overlimits 14325 requeues 7)
         backlog 28310b 19p requeues 7
        qdisc noqueue 0: root
        """).qdiscs().get(1);
    assertThat(second.device()).isEmpty();
    assertThat(second.parent()).isEmpty();
    assertThat(second.refcnt()).isEmpty();
    assertThat(second.sentBytes()).isEmpty();
    assertThat(second.dropped()).isEmpty();
    assertThat(second.backlogBytes()).isEmpty();
    assertThat(second.options()).isEmpty();
  }
}
