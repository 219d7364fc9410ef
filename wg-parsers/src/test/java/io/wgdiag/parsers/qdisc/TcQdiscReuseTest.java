package io.wgdiag.parsers.qdisc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import java.util.ArrayList;
import java.util.List;
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
