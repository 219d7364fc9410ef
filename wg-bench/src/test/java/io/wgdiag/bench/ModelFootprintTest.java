package io.wgdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelFootprint}: a model's own objects, measured with JOL. */
class ModelFootprintTest {

  /**
   * Every object a model owns was made by its parse, so it cannot take more than the parse
   * allocated. Several models reach constants worth more than that (iptables' 852 bytes reach 4.4 KB
   * of objects, a parse allocates 3.3 KB): the check fails if shared objects are counted.
   */
  @Test
  void aModelOwnsNoMoreThanItsParseAllocatedAndSomethingOfIt() throws Exception {
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (String input : BenchInputs.ALL.keySet()) {
      if (!input.endsWith("/real")) {
        continue;
      }
      String text = BenchInputs.load(input);
      Parser<?> parser = ParserRegistry.standard().parser(BenchInputs.toolOf(input));
      Object twin = parser.parse(text);
      long before = mx.getThreadAllocatedBytes(thread);
      Object model = parser.parse(text);
      long allocated = mx.getThreadAllocatedBytes(thread) - before;
      ModelFootprint.Footprint own = ModelFootprint.own(model, twin);
      assertThat(own.bytes()).as(input).isPositive().isLessThanOrEqualTo(allocated);
      assertThat(own.objects()).as(input).isPositive();
    }
  }

  @Test
  void aModelOwnsNothingItSharesWithTheOther() throws Exception {
    Parser<?> parser = ParserRegistry.standard().parser("ip-rule");
    Object model = parser.parse("0:\tfrom all lookup local\n32766:\tfrom all lookup main\n");
    assertThat(ModelFootprint.own(model, model).bytes()).isZero();
    // the same text parsed apart: the rules, the list and the set are its own, "all" and "main" are not
    ModelFootprint.Footprint own = ModelFootprint.of(parser, "0:\tfrom all lookup local\n32766:\tfrom all lookup main\n");
    assertThat(own.objects()).isBetween(4L, 6L);
  }

  @Test
  void theTableHasARowPerInputWithItsSize() throws Exception {
    String table = ModelFootprint.table(List.of("ip-rule/real", "ping/real"));
    List<String> rows = table.lines().skip(2).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("| ip-rule/real | 417 | ");
    assertThat(rows.get(1)).startsWith("| ping/real | 1650 | ");
    String[] cells = rows.get(0).split("\\|");
    double bytes = Double.parseDouble(cells[3].trim());
    assertThat(Double.parseDouble(cells[5].trim())).isCloseTo(bytes / 417, org.assertj.core.data.Offset.offset(0.01));
  }
}
