package io.wgdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.parsers.Parser;
import io.wgdiag.parsers.ParserRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelFootprint}: a model's own objects, measured with JOL. */
class ModelFootprintTest {

  /** The inputs recorded from real tools ({@code TOOL/real}), not the generated ones. */
  private static List<String> recordedInputs() {
    return BenchInputs.ALL.keySet().stream().filter(i -> i.endsWith("/real")).toList();
  }

  /**
   * Every object a model owns was made by its parse, so it cannot take more than the parse
   * allocated. Several models reach constants worth more than that (iptables' 852 bytes reach 4.4 KB
   * of objects, a parse allocates 3.3 KB): the check fails if shared objects are counted.
   */
  @Test
  void aModelOwnsNoMoreThanItsParseAllocatedAndSomethingOfIt() throws Exception {
    for (String input : recordedInputs()) {
      Parser<?> parser = ParserRegistry.standard().parser(BenchInputs.toolOf(input));
      ModelFootprint.Measured m = ModelFootprint.measure(parser, BenchInputs.load(input));
      assertThat(m.model().bytes()).as(input).isPositive().isLessThanOrEqualTo(m.allocatedBytes());
      assertThat(m.model().objects()).as(input).isPositive();
    }
  }

  @Test
  void aModelOwnsNothingItSharesWithTheOther() throws Exception {
    Parser<?> parser = ParserRegistry.standard().parser("ip-rule");
    Object model = parser.parse("0:\tfrom all lookup local\n32766:\tfrom all lookup main\n");
    assertThat(ModelFootprint.own(model, model).bytes()).isZero();
    // the same text parsed apart: the rules, the list and the set are its own, "all" and "main" are not
    ModelFootprint.Footprint own =
        ModelFootprint.measure(parser, "0:\tfrom all lookup local\n32766:\tfrom all lookup main\n").model();
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

  /**
   * The model-allocation floor makes what the model owns: as many objects, the same bytes, but for
   * its holder's 4 bytes per 16-byte object and header; checked with JOL on every recorded input.
   */
  @Test
  void theModelAllocationFloorAllocatesTheModelsOwnObjects() throws Exception {
    for (String input : recordedInputs()) {
      Parser<?> parser = ParserRegistry.standard().parser(BenchInputs.toolOf(input));
      String text = BenchInputs.load(input);
      Object model = parser.parse(text);
      Object twin = parser.parse(text);
      ModelFootprint.Footprint f = ModelFootprint.own(model, twin);
      int[] sizes = ModelFootprint.ownObjectSizes(model, twin);
      assertThat(sizes).as(input).hasSize(Math.toIntExact(f.objects()));
      assertThat(java.util.Arrays.stream(sizes).asLongStream().sum()).as(input).isEqualTo(f.bytes());
      int small = ModelAllocationFloor.smallObjects(sizes);
      org.openjdk.jol.info.GraphLayout made = org.openjdk.jol.info.GraphLayout.parseInstance(
          ModelAllocationFloor.allocate(sizes, small));
      long holder = ((16 + 4L * (small + 1)) + 7) / 8 * 8;
      assertThat(made.totalCount()).as(input).isEqualTo(f.objects() + 1);
      assertThat(made.totalSize()).as(input).isEqualTo(f.bytes() + holder);
    }
  }
}
