package io.wgdiag.parsers.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.cpu.CpuLoad;
import io.wgdiag.model.cpu.IrqRow;
import io.wgdiag.model.cpu.MpstatReport;
import io.wgdiag.model.cpu.ProcInterrupts;
import io.wgdiag.model.cpu.SoftnetStat;
import io.wgdiag.model.cpu.TopIteration;
import io.wgdiag.model.cpu.TopProcess;
import io.wgdiag.model.cpu.TopReport;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CpuParsersTest {

  @Test
  void seedTask10OneCorePinnedInSoftirqTwelveHourClock() throws ParseException {
    MpstatReport r = TranscriptParser.standard().parse(Fixtures.read("seed/task10.txt"), true)
        .blocks().get(0).model(MpstatReport.class).orElseThrow();
    assertThat(r.cpuCount()).hasValue(8);
    assertThat(r.host()).hasValue("server");
    assertThat(r.samples()).singleElement().satisfies(s -> {
      assertThat(s.time()).isEqualTo("12:10:02 AM");
      assertThat(s.all().orElseThrow().softPercent()).hasValue(20.9);
      assertThat(s.perCpu()).hasSize(8);
    });
    CpuLoad cpu0 = r.busiestCpu().orElseThrow();
    assertThat(cpu0.cpu()).isEqualTo("0");
    assertThat(cpu0.softPercent()).hasValue(62.3);
    assertThat(cpu0.idlePercent()).hasValue(15.6);
    assertThat(cpu0.busyPercent()).isCloseTo(84.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(cpu0.guestPercent()).isEmpty();
  }

  @Test
  void realAndJcMpstat() throws ParseException {
    MpstatParser p = new MpstatParser();
    MpstatReport host = p.parse(Fixtures.read("fixtures/mpstat/host-mpstat-P-ALL-1-2.txt"));
    assertThat(host.cpuCount()).hasValue(2);
    assertThat(host.samples()).hasSize(2);
    assertThat(host.averageBlock()).isPresent();
    assertThat(host.averageBlock().orElseThrow().perCpu()).hasSize(2);
    MpstatReport a = p.parse(Fixtures.read("fixtures/mpstat/host-mpstat-A-1-1.txt"));
    assertThat(a.samples().get(0).perCpu()).extracting(c -> c.usrPercent().orElseThrow()).containsExactly(0.99, 99.01);
    assertThat(a.otherTables()).anySatisfy(t -> assertThat(t.columns()).containsExactly("intr/s"));
    assertThat(a.otherTables()).anySatisfy(t -> assertThat(t.columns()).contains("NET_RX/s"));
    MpstatReport jc = p.parse(Fixtures.read("fixtures/mpstat/jc-centos-7.7-mpstat-A-2-5.txt"));
    assertThat(jc.samples()).hasSize(5);
    assertThat(jc.samples().get(0).time()).endsWith("PM");
  }

  @Test
  void mpstatJsonReadsIntoTheSameModel() throws ParseException {
    MpstatReport json = new MpstatParser().parse(Fixtures.read("json-captures/mpstat/host-mpstat-o-JSON-P-ALL-1-1.json"));
    MpstatReport text = new MpstatParser().parse(Fixtures.read("json-captures/mpstat/host-mpstat-P-ALL-1-1.txt"));
    assertThat(json.cpuCount()).isEqualTo(text.cpuCount());
    assertThat(json.host()).isEqualTo(text.host());
    assertThat(json.samples()).hasSameSizeAs(text.samples());
    assertThat(json.samples().get(0).cpus()).extracting(CpuLoad::cpu)
        .containsExactlyElementsOf(text.samples().get(0).cpus().stream().map(CpuLoad::cpu).toList());
    CpuLoad all = json.samples().get(0).all().orElseThrow();
    assertThat(all.usrPercent()).hasValue(0.51);
    assertThat(all.idlePercent()).hasValue(99.49);
    assertThat(all.gnicePercent()).isPresent();
  }

  @Test
  void decimalCommasAndOldColumnNames() throws ParseException {
    MpstatReport r = new MpstatParser().parse("""
        Linux 2.6.32 (old) 	03.11.2012 	_x86_64_	(2 CPU)

        15:04:05     CPU   %user   %nice %system %iowait    %irq   %soft  %steal   %idle
        15:04:06     all    12,50    0,00    3,00    0,00    0,00    1,25    0,00   83,25
        15:04:06       0    25,00    0,00    6,00    0,00    0,00    2,50    0,00   66,50
        """);
    CpuLoad all = r.samples().get(0).all().orElseThrow();
    assertThat(all.usrPercent()).hasValue(12.5);
    assertThat(all.sysPercent()).hasValue(3.0);
    assertThat(all.idlePercent()).hasValue(83.25);
    assertThat(all.gnicePercent()).isEmpty();
    assertThatThrownBy(() -> new MpstatParser().parse("12:00:00 CPU %usr %idle\n12:00:01 all 1.0\n"))
        .hasMessage("line 2, column 1: expected 3 values after the time (CPU and 2 columns), found 2");
  }

  /** Samples rendered with any CPU count read back, row for row. */
  @Property(tries = 150)
  void renderedSamplesReadBack(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 10000) Integer> idle,
      @ForAll boolean twelveHour) throws ParseException {
    String time = twelveHour ? "01:02:03 PM" : "13:02:03";
    StringBuilder sb = new StringBuilder("Linux 6.1.0 (h) \t01/01/2026 \t_x86_64_\t(" + idle.size() + " CPU)\n\n");
    sb.append(time).append("  CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle\n");
    for (int i = 0; i < idle.size(); i++) {
      double id = idle.get(i) / 100.0;
      sb.append(String.format(Locale.ROOT, "%s %5d %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f%n",
          time, i, 100 - id, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, id));
    }
    MpstatReport r = new MpstatParser().parse(sb);
    assertThat(r.cpuCount()).hasValue(idle.size());
    assertThat(r.samples().get(0).perCpu()).hasSize(idle.size());
    for (int i = 0; i < idle.size(); i++) {
      assertThat(r.samples().get(0).perCpu().get(i).idlePercent().orElseThrow()).isEqualTo(idle.get(i) / 100.0);
    }
  }

  @Test
  void seedTask16TopAndInterruptsCutByHeadAndGrep() throws ParseException {
    List<ParsedBlock> blocks = TranscriptParser.standard().parse(Fixtures.read("seed/task16.txt"), false).blocks();
    ParsedBlock topBlock = blocks.stream().filter(b -> b.toolId().orElse("").equals("top")).findFirst().orElseThrow();
    assertThat(topBlock.diagnostics()).isEmpty();
    assertThat(topBlock.filtered()).isTrue();
    TopIteration it = topBlock.model(TopReport.class).orElseThrow().last().orElseThrow();
    assertThat(it.load1()).hasValue(3.21);
    assertThat(it.allCpu("si")).hasValue(54.2);
    assertThat(it.allCpu("sy")).hasValue(27.6);
    assertThat(it.tasks()).containsEntry("total", 213L).containsEntry("running", 2L);
    assertThat(it.memoryUnit()).hasValue("MiB");
    assertThat(it.memory()).containsEntry("Mem total", 16000.0).containsEntry("avail Mem", 11200.0);
    TopProcess first = it.processes().get(0);
    assertThat(first.isKsoftirqd()).isTrue();
    assertThat(first.perCpuThreadCpu()).hasValue(0);
    assertThat(first.cpuPercent()).hasValue(62.0);
    assertThat(it.processes().get(1).perCpuThreadCpu()).hasValue(4);

    ParsedBlock irqBlock = blocks.stream().filter(b -> b.toolId().orElse("").equals("proc-interrupts")).findFirst().orElseThrow();
    assertThat(irqBlock.diagnostics()).isEmpty();
    ProcInterrupts irq = irqBlock.model(ProcInterrupts.class).orElseThrow();
    assertThat(irq.cpuCount()).isEqualTo(8);
    assertThat(irq.rows().get(0).counts().asList()).containsExactly(8123456L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(irq.rows().get(0).description()).isEqualTo("PCI-MSI 327680-edge virtio0-input.0");
    assertThat(irq.rowsMatching("virtio0-output")).extracting(IrqRow::total).containsExactly(7012345L);
  }

  @Property(tries = 200)
  void everyMpstatColumnLandsInItsOwnAccessor(
      @ForAll @Size(value = 10) List<@IntRange(min = 0, max = 10000) Integer> hundredths, @ForAll boolean old) throws ParseException {
    // sysstat 10+ prints ten columns; very old ones print %user/%system and no %steal/%guest/%gnice
    List<String> names = old
        ? List.of("%user", "%nice", "%system", "%iowait", "%irq", "%soft", "%idle")
        : List.of("%usr", "%nice", "%sys", "%iowait", "%irq", "%soft", "%steal", "%guest", "%gnice", "%idle");
    StringBuilder header = new StringBuilder("12:00:01     CPU");
    StringBuilder row = new StringBuilder("12:00:02     all");
    for (int i = 0; i < names.size(); i++) {
      header.append(String.format(Locale.ROOT, " %7s", names.get(i)));
      row.append(String.format(Locale.ROOT, " %7.2f", hundredths.get(i) / 100.0));
    }
    CpuLoad c = new MpstatParser().parse(header + "\n" + row + "\n").samples().get(0).cpus().get(0);
    java.util.Map<String, java.util.OptionalDouble> got = new java.util.LinkedHashMap<>();
    got.put("usr", c.usrPercent());
    got.put("nice", c.nicePercent());
    got.put("sys", c.sysPercent());
    got.put("iowait", c.iowaitPercent());
    got.put("irq", c.irqPercent());
    got.put("soft", c.softPercent());
    got.put("steal", c.stealPercent());
    got.put("guest", c.guestPercent());
    got.put("gnice", c.gnicePercent());
    got.put("idle", c.idlePercent());
    for (int i = 0; i < names.size(); i++) {
      String key = names.get(i).substring(1).replace("user", "usr").replace("system", "sys");
      assertThat(got.remove(key)).as(names.get(i)).hasValue(hundredths.get(i) / 100.0);
    }
    got.values().forEach(v -> assertThat(v).isEmpty()); // the columns this version did not print
    double idle = hundredths.get(names.size() - 1) / 100.0;
    assertThat(c.busyPercent()).isCloseTo(Math.max(0, 100 - idle), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void topRowsKeepTheirOwnValuesUnderTheirHeadersNames() throws ParseException {
    TopReport top = new TopParser().parse(Fixtures.read("fixtures/top/host-top-b-n2.txt"));
    for (TopIteration it : top.iterations()) {
      TopProcess first = it.processes().get(0);
      for (TopProcess p : it.processes()) {
        // the same names in the same order on every row, each row's own values under them
        assertThat(p.fields().keySet()).containsExactlyElementsOf(first.fields().keySet());
        assertThat(p.fields().get("PID")).isEqualTo(String.valueOf(p.pid()));
        assertThat(p.fields().get("USER")).isEqualTo(p.user());
        assertThat(p.fields().get("COMMAND")).isEqualTo(p.command());
        assertThat(Double.parseDouble(p.fields().get("%CPU"))).isEqualTo(p.cpuPercent().orElseThrow());
      }
    }
    assertThat(top.iterations().get(0).processes().stream().map(TopProcess::pid).distinct().count())
        .isEqualTo(top.iterations().get(0).processes().size());
    assertThatThrownBy(() -> TopProcess.of(1, "root", java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), "init",
            List.of("PID", "USER"), List.of("1"), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 column names but 1 values");
  }

  @Property(tries = 200)
  void topRowsSharingValueStringsEachKeepTheirOwnText(
      @ForAll @Size(min = 1, max = 40) List<@Size(value = 4) List<@IntRange(min = 0, max = 8) Integer>> picks)
      throws ParseException {
    // texts of one String.hashCode ("Aa", "BB", "C#" and their pairs) land in one slot of the value cache
    List<String> texts = List.of("Aa", "BB", "C#", "AaBB", "BBAa", "AaAa", "BBBB", "0.0", "00.0");
    StringBuilder sb = new StringBuilder("top - 23:23:30 up  1:03,  0 user,  load average: 0.74, 0.68, 0.44\n");
    sb.append("  PID USER      PR  %CPU     TIME+ COMMAND\n");
    for (int r = 0; r < picks.size(); r++) {
      List<Integer> p = picks.get(r);
      sb.append(String.format(Locale.ROOT, "%5d %-9s %2s %5s %9s %s%n", r + 1, texts.get(p.get(0)), texts.get(p.get(1)),
          p.get(2) % 2 == 0 ? "0.0" : "00.0", texts.get(p.get(3)), texts.get((p.get(0) + p.get(3)) % texts.size())));
    }
    List<TopProcess> rows = new TopParser().parse(sb).last().orElseThrow().processes();
    assertThat(rows).hasSize(picks.size());
    for (int r = 0; r < picks.size(); r++) {
      List<Integer> p = picks.get(r);
      TopProcess row = rows.get(r);
      assertThat(row.user()).isEqualTo(texts.get(p.get(0)));
      assertThat(row.fields()).containsExactly(
          java.util.Map.entry("PID", String.valueOf(r + 1)),
          java.util.Map.entry("USER", texts.get(p.get(0))),
          java.util.Map.entry("PR", texts.get(p.get(1))),
          java.util.Map.entry("%CPU", p.get(2) % 2 == 0 ? "0.0" : "00.0"),
          java.util.Map.entry("TIME+", texts.get(p.get(3))),
          java.util.Map.entry("COMMAND", texts.get((p.get(0) + p.get(3)) % texts.size())));
      assertThat(row.cpuPercent()).hasValue(0.0);
    }
  }

  @Test
  void topColumnNamedTwiceKeepsItsLastValue() throws ParseException {
    // the recorded run with its PR column renamed USER: USER is then printed twice
    String text = Fixtures.read("fixtures/top/host-top-b-1-n1.txt").replace("PID USER      PR", "PID USER    USER");
    TopProcess p = new TopParser().parse(text).last().orElseThrow().processes().get(0);
    String pr = new TopParser().parse(Fixtures.read("fixtures/top/host-top-b-1-n1.txt")).last().orElseThrow()
        .processes().get(0).fields().get("PR");
    assertThat(pr).isNotNull().isNotEqualTo("root");
    assertThat(p.user()).isEqualTo(pr);
    assertThat(p.fields()).containsEntry("USER", pr).doesNotContainKey("PR");
    assertThat(p.command()).isEqualTo("sha256sum");
  }

  @Test
  void realTopInterruptsAndSoftnet() throws ParseException {
    TopReport top = new TopParser().parse(Fixtures.read("fixtures/top/host-top-b-n2.txt"));
    assertThat(top.iterations()).hasSize(2);
    TopReport one = new TopParser().parse(Fixtures.read("fixtures/top/host-top-b-1-n1.txt"));
    TopIteration it = one.last().orElseThrow();
    assertThat(it.cpu().get("0")).containsEntry("sy", 100.0);
    assertThat(it.processes().get(0).command()).isEqualTo("sha256sum");
    assertThat(it.processes().get(0).cpuPercent()).hasValue(93.8);
    TopReport wide = new TopParser().parse(Fixtures.read("fixtures/top/jc-centos-7.7-top-b-n1-gib-allfields-w.txt"));
    assertThat(wide.last().orElseThrow().processes().get(0).fields()).containsEntry("PPID", "1884").containsEntry("RUSER", "kbrazil");
    assertThat(new TopParser().parse(Fixtures.read("fixtures/top/jc-centos-7.7-top-b-n3.txt")).iterations()).hasSize(3);

    ProcInterrupts irq = new ProcInterruptsParser().parse(Fixtures.read("fixtures/proc-interrupts/jc-linux-proc-interrupts.txt"));
    assertThat(irq.cpuCount()).isEqualTo(2);
    IrqRow err = irq.rows().stream().filter(r -> r.irq().equals("ERR")).findFirst().orElseThrow();
    assertThat(err.counts().asList()).containsExactly(0L);
    IrqRow cal = irq.rows().stream().filter(r -> r.irq().equals("CAL")).findFirst().orElseThrow();
    assertThat(cal.counts().asList()).containsExactly(175136L, 130374L);
    assertThat(cal.description()).isEqualTo("Function call interrupts");
    assertThat(irq.rows().get(0).description()).isEqualTo("IO-APIC    2-edge      timer");

    SoftnetStat s = new SoftnetStatParser().parse(Fixtures.read("fixtures/proc-softnet-stat/host-softnet_stat.txt"));
    assertThat(s.rows()).hasSize(2);
    assertThat(s.rows().get(0).processed()).isEqualTo(0x27b);
    assertThat(s.rows().get(1).cpu()).isEqualTo(0); // the 15th column
    assertThat(s.rows().get(1).columns()).hasSize(15);
  }

  @Test
  void softnetOlderLayoutUsesTheRowIndex() throws ParseException {
    SoftnetStat s = new SoftnetStatParser().parse(
        "0000a000 00000002 0000002a 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n"
            + "0000b000 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000005 00000000\n");
    assertThat(s.rows().get(1).cpu()).isEqualTo(1);
    assertThat(s.rows().get(0).dropped()).isEqualTo(2);
    assertThat(s.rows().get(0).timeSqueeze()).isEqualTo(42);
    assertThat(s.rows().get(1).receivedRps()).isEqualTo(5);
    assertThatThrownBy(() -> new SoftnetStatParser().parse("0000a000 0000zz02 0000002a\n"))
        .hasMessage("line 1, column 10: expected a hex column, found '0000zz02'");
  }

  /**
   * The counts of a row end at its first word that is not all digits, whatever that word's
   * characters are ('İ' is U+0130 and 'ذ' U+0630, whose low bytes are '0'; '😀' is a surrogate
   * pair), with or without the CPU header, and the description is kept as printed.
   */
  @Property(tries = 300)
  void interruptCountsEndAtTheFirstNonDigitWhateverItsLowByte(
      @ForAll @IntRange(min = 1, max = 12) int cpus,
      @ForAll @IntRange(min = 1, max = 6) int rows,
      @ForAll long seed,
      @ForAll("irqDescriptions") List<String> descriptions,
      @ForAll boolean header) throws ParseException {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    if (header) {
      for (int c = 0; c < cpus; c++) {
        text.append("       CPU").append(c);
      }
      text.append('\n');
    }
    long[][] counts = new long[rows][cpus];
    for (int i = 0; i < rows; i++) {
      text.append(String.format(Locale.ROOT, "%4d:", 10 + i));
      for (int c = 0; c < cpus; c++) {
        counts[i][c] = r.nextInt(3) == 0 ? 0 : r.nextLong(1_000_000_000_000L);
        text.append(" ".repeat(1 + r.nextInt(12))).append(counts[i][c]);
      }
      text.append(" ".repeat(1 + r.nextInt(3))).append(descriptions.get(i % descriptions.size())).append('\n');
    }
    ProcInterrupts irq = new ProcInterruptsParser().parse(text);
    assertThat(irq.cpuCount()).isEqualTo(cpus);
    assertThat(irq.rows()).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      assertThat(irq.rows().get(i).counts().toArray()).as("row %d of%n%s", i, text).containsExactly(counts[i]);
      assertThat(irq.rows().get(i).description()).isEqualTo(descriptions.get(i % descriptions.size()).strip());
    }
  }

  /**
   * A row's label comes back as printed, whether the parser reads it as a small number (0 to 255,
   * shared strings) or as text: larger numbers, leading zeros, names, digits of other scripts.
   */
  @Property(tries = 400)
  void everyIrqLabelComesBackAsPrinted(@ForAll("irqLabels") String label, @ForAll @IntRange(min = 0, max = 4) int indent)
      throws ParseException {
    String text = "           CPU0       CPU1\n" + " ".repeat(indent) + label + ":   5   7   IO-APIC    2-edge      timer\n"
        + " 300:   1   2   PCI-MSI 327680-edge virtio0-input.0\n";
    ProcInterrupts irq = new ProcInterruptsParser().parse(text);
    assertThat(irq.rows()).extracting(IrqRow::irq).containsExactly(label, "300");
    assertThat(irq.rows().get(0).counts().asList()).containsExactly(5L, 7L);
    assertThat(irq.rows().get(0).description()).isEqualTo("IO-APIC    2-edge      timer");
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> irqLabels() {
    return net.jqwik.api.Arbitraries.oneOf(
        net.jqwik.api.Arbitraries.integers().between(0, 300).map(String::valueOf),
        net.jqwik.api.Arbitraries.integers().between(0, 100_000).map(String::valueOf),
        net.jqwik.api.Arbitraries.integers().between(0, 300).map(i -> String.format(Locale.ROOT, "%03d", i)),
        net.jqwik.api.Arbitraries.of("NMI", "LOC", "PIN", "IWI", "12a", "1.5", "\u0663", "25\u0663", "0x1f"));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<String>> irqDescriptions() {
    net.jqwik.api.Arbitrary<String> first = net.jqwik.api.Arbitraries.of("İ", "ذ", "\u2020", "😀", "ä", "I", "x", "-");
    net.jqwik.api.Arbitrary<String> rest = net.jqwik.api.Arbitraries.strings()
        .withChars("İذ\u2020äIx- 09").withChars("😀").ofMaxLength(12);
    return net.jqwik.api.Combinators.combine(first, rest).as(String::concat).list().ofMinSize(1).ofMaxSize(4);
  }
}
