package io.wgdiag.parsers.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.cpu.IrqRow;
import io.wgdiag.model.cpu.ProcInterrupts;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The named rows of {@code /proc/interrupts} ({@code NMI}, {@code LOC}, ...), whose label and
 * description {@link IrqNames} keeps once: the model is the same as reading them as new strings,
 * and two parses share them.
 */
class ProcInterruptsNamedRowsTest {

  /** Labels the table lists, near misses of them, and labels it does not list. */
  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.of("NMI", "LOC", "SPU", "PMI", "IWI", "RTR", "PLT", "RES", "CAL", "TLB", "TRM", "THR",
        "DFR", "MCE", "MCP", "HYP", "HRE", "HVS", "PIN", "NPI", "PIW", "PMN",
        "NM", "NMIX", "nmi", "LOD", "IPI0", "Err", "X", "ABCD");
  }

  /**
   * Descriptions: each one the table lists, and the same texts cut short, lengthened, with a
   * character changed, or with blanks inside; any of them may go with any label.
   */
  @Provide
  Arbitrary<String> descriptions() {
    Arbitrary<String> listed = Arbitraries.of("Non-maskable interrupts", "Local timer interrupts",
        "Function call interrupts", "TLB shootdowns", "Posted-interrupt wakeup event", "Platform interrupts",
        "Hyper-V stimer0 interrupts", "Machine check polls");
    return Arbitraries.oneOf(
        listed,
        listed.map(d -> d.substring(0, d.length() - 1)),
        listed.map(d -> d + "s"),
        listed.map(d -> "x" + d.substring(1)),
        listed.map(d -> d.substring(0, d.length() / 2) + "?" + d.substring(d.length() / 2 + 1)),
        listed.map(d -> d.replace(" ", "  ")),
        Arbitraries.of("IO-APIC    2-edge      timer", "x", ""));
  }

  /**
   * Whatever label and description a row has, its label is the text before ':' and its description
   * the rest after the counts, trimmed, as for any row; only which strings hold them differs.
   */
  @Property(tries = 1000)
  void namedRowsReadAsPrinted(@ForAll("labels") String label, @ForAll("descriptions") String description,
      @ForAll @IntRange(min = 0, max = 3) int indent, @ForAll @IntRange(min = 0, max = 3) int trailing,
      @ForAll @IntRange(min = 1, max = 3) int cpus) throws ParseException {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < cpus; c++) {
      text.append("       CPU").append(c);
    }
    text.append('\n').append(" ".repeat(indent)).append(label).append(':');
    for (int c = 0; c < cpus; c++) {
      text.append("    ").append(c * 1000 + 7);
    }
    text.append("   ").append(description).append(" ".repeat(trailing)).append('\n');

    ProcInterrupts irq = new ProcInterruptsParser().parse(text);

    IrqRow row = irq.rows().get(0);
    assertThat(row.irq()).as("%s", text).isEqualTo(label);
    assertThat(row.description()).as("%s", text).isEqualTo(description.strip());
    assertThat(row.counts().length()).isEqualTo(cpus);
    assertThat(row.counts().get(cpus - 1)).isEqualTo((cpus - 1) * 1000 + 7);
  }

  /** A row the table lists with no description ({@code ERR}, {@code MIS}) still takes the text printed after its count. */
  @Test
  void aRowListedWithoutDescriptionKeepsWhatIsPrinted() throws ParseException {
    ProcInterrupts irq = new ProcInterruptsParser().parse(
        "           CPU0       CPU1\n ERR:          0\n MIS:          3   odd text\n");
    assertThat(irq.rows()).extracting(IrqRow::irq).containsExactly("ERR", "MIS");
    assertThat(irq.rows()).extracting(IrqRow::description).containsExactly("", "odd text");
    assertThat(irq.rows().get(1).counts().asList()).containsExactly(3L);
  }

  /**
   * This machine's recorded {@code /proc/interrupts}: its 14 named rows with a description come
   * back as the same strings from two parses, and every description equals its line's text; the
   * numbered rows' descriptions are new strings each time.
   */
  @Test
  void twoParsesShareTheNamedRows() throws ParseException {
    String text = Fixtures.read("fixtures/proc-interrupts/host-interrupts.txt");
    ProcInterrupts a = new ProcInterruptsParser().parse(text);
    ProcInterrupts b = new ProcInterruptsParser().parse(text);
    assertThat(a).isEqualTo(b);
    List<String> lines = text.lines().toList();
    int shared = 0;
    for (int i = 0; i < a.rows().size(); i++) {
      IrqRow x = a.rows().get(i);
      IrqRow y = b.rows().get(i);
      assertThat(lines.get(x.line() - 1).strip()).endsWith(x.description());
      boolean named = !Character.isDigit(x.irq().charAt(0));
      if (named) {
        assertThat(x.irq()).isSameAs(y.irq());
      }
      if (named && !x.description().isEmpty()) {
        assertThat(x.description()).as(x.irq()).isSameAs(y.description());
        shared++;
      } else if (!x.description().isEmpty()) {
        assertThat(x.description()).as(x.irq()).isNotSameAs(y.description());
      }
    }
    assertThat(shared).isEqualTo(14);
  }

  /** Every listed label is found where it stands in a longer text, and nothing else is. */
  @Test
  void theTableFindsItsLabelsOnly() {
    String text = " NMI: LOC:HVS: PMN:NMIX:NM: Err:";
    assertThat(IrqNames.label(IrqNames.find(text, 1, 4))).isEqualTo("NMI");
    assertThat(IrqNames.label(IrqNames.find(text, 6, 9))).isEqualTo("LOC");
    assertThat(IrqNames.label(IrqNames.find(text, 10, 13))).isEqualTo("HVS");
    assertThat(IrqNames.label(IrqNames.find(text, 15, 18))).isEqualTo("PMN");
    assertThat(IrqNames.find(text, 19, 23)).isEqualTo(-1);
    assertThat(IrqNames.find(text, 24, 26)).isEqualTo(-1);
    assertThat(IrqNames.find(text, 28, 31)).isEqualTo(-1);
    assertThat(IrqNames.size()).isEqualTo(24);
  }
}
