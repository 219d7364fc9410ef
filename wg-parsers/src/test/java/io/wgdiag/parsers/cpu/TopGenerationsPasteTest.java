package io.wgdiag.parsers.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.cpu.TopIteration;
import io.wgdiag.model.cpu.TopReport;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** top of procps 3.2, procps-ng 3.3 and 4.x, and a comma locale, read strictly from real pastes. */
class TopGenerationsPasteTest {

  private final TopParser parser = new TopParser();

  private TopIteration top(String name) throws ParseException {
    TopReport r = parser.parse(Fixtures.read("pastes/top/" + name + ".txt"));
    assertThat(r.iterations()).hasSize(1);
    return r.iterations().get(0);
  }

  @Test
  void procps32CpuWithPercentSignsAndMemoryInK() throws ParseException {
    ParsedTranscript t = TranscriptParser.standard()
        .parse(Fixtures.read("pastes/transcript/top-procps-3.2-baidu-zhangyachen-64.txt"), true);
    TopIteration it = t.blocks().get(0).model(TopReport.class).orElseThrow().iterations().get(0);
    assertThat(it.load15()).hasValue(4.16);
    assertThat(it.tasks()).containsEntry("total", 738L).containsEntry("zombie", 1L);
    assertThat(it.allCpu("us")).hasValue(21.7);
    assertThat(it.allCpu("si")).hasValue(1.3);
    assertThat(it.allCpu("id")).hasValue(69.4);
    assertThat(it.memoryUnit()).hasValue("KiB");
    assertThat(it.memory()).containsEntry("Mem total", 65968872.0).containsEntry("Mem buffers", 1144832.0)
        .containsEntry("Swap cached", 39128520.0);
  }

  @Test
  void procps328PercentGluedToTheKey() throws ParseException {
    TopIteration it = top("procps-3.2.8-openwrtinvasion-116");
    assertThat(it.allCpu("us")).hasValue(1.3);
    assertThat(it.allCpu("sy")).hasValue(2.2);
    assertThat(it.allCpu("id")).hasValue(96.0);
    assertThat(it.allCpu("st")).hasValue(0.0);
    assertThat(it.memory()).containsEntry("Mem total", 124728.0).containsEntry("Mem used", 63416.0)
        .containsEntry("Swap cached", 13344.0);
    TopIteration ec2 = top("procps-3.2.8-page-dowdandassociates");
    assertThat(ec2.allCpu("id")).hasValue(99.9);
    assertThat(ec2.memory()).containsEntry("Mem buffers", 652.0).containsEntry("Mem free", 30469980.0);
    assertThat(ec2.load5()).hasValue(0.01);
  }

  @Test
  void procpsNg33MibMemory() throws ParseException {
    TopIteration it = top("procps-ng-3.3-toybox-352");
    assertThat(it.tasks()).containsEntry("total", 1048L);
    assertThat(it.allCpu("id")).hasValue(99.8);
    assertThat(it.memoryUnit()).hasValue("MiB");
    assertThat(it.memory()).containsEntry("Mem total", 515961.4).containsEntry("Swap used", 105.5)
        .containsEntry("avail Mem", 506242.9);
  }

  @Test
  void procpsNg4SleepAndDSleep() throws ParseException {
    TopIteration it = top("procps-ng-4-cinnamon-1623");
    assertThat(it.tasks()).containsEntry("sleep", 309L).containsEntry("d-sleep", 0L).containsEntry("zombie", 103L);
    assertThat(it.allCpu("sy")).hasValue(9.3);
    assertThat(it.memory()).containsEntry("Mem buff/cache", 5929.8);
    assertThat(it.processes()).hasSize(6);
    assertThat(it.processes().get(0).pid()).isEqualTo(3575567);
    assertThat(it.processes().get(0).cpuPercent()).hasValue(17.7);
    assertThat(it.processes().get(5).command()).isEqualTo("kworker/R-rcu_gp");
  }

  @Test
  void commaLocaleCpuLineAlone() throws ParseException {
    TopIteration it = top("comma-locale-ru-opennebula-56");
    assertThat(it.allCpu("us")).hasValue(1.3);
    assertThat(it.allCpu("sy")).hasValue(0.5);
    assertThat(it.allCpu("id")).hasValue(98.1);
    assertThat(it.load1()).isEmpty();
  }

  @Test
  void commaLocaleSummaryAndJoinedMemoryLines() throws ParseException {
    TopIteration it = parser.parse("""
        top - 10:00:01 up 1 day,  2:03,  1 user,  load average: 0,15, 0,20, 0,18
        %Cpu(s):  0,7 us,  0,3 sy,  0,0 ni, 99,0 id,  0,0 wa,  0,0 hi,  0,0 si,  0,0 st
        MiB Mem :   7812,5 total,   1234,5 free,   2000,0 used,   4578,0 buff/cacheMiB Swap:   2048,0 total,   2048,0 free,      0,0 used.   5500,1 avail Mem
        """).iterations().get(0);
    assertThat(it.load1()).hasValue(0.15);
    assertThat(it.load15()).hasValue(0.18);
    assertThat(it.allCpu("us")).hasValue(0.7);
    assertThat(it.allCpu("id")).hasValue(99.0);
    assertThat(it.memory()).containsEntry("Mem total", 7812.5).containsEntry("Mem buff/cache", 4578.0)
        .containsEntry("Swap total", 2048.0).containsEntry("avail Mem", 5500.1);
  }

  @Test
  void germanLocaleLabelsAndCommaDecimals() throws ParseException {
    // de_DE: "Tasks: 279 gesamt, 1 laufend", "%CPU(s):", "MiB Spch :", "avail Spch", "ZEIT+ BEFEHL"
    TopIteration it = top("de-locale-mint-cinnamon-1348");
    assertThat(it.load1()).hasValue(1.03);
    assertThat(it.tasks()).containsEntry("total", 279L).containsEntry("running", 1L)
        .containsEntry("sleeping", 278L).containsEntry("stopped", 0L).containsEntry("zombie", 0L);
    assertThat(it.allCpu("us")).hasValue(7.0);
    assertThat(it.allCpu("id")).hasValue(90.7);
    assertThat(it.memoryUnit()).hasValue("MiB");
    assertThat(it.memory()).containsEntry("Mem total", 15937.3).containsEntry("Mem buff/cache", 2176.4)
        .containsEntry("Swap total", 1952.0).containsEntry("avail Mem", 13104.4);
    assertThat(it.processes()).singleElement().satisfies(p -> {
      assertThat(p.pid()).isEqualTo(3293);
      assertThat(p.cpuPercent()).hasValue(9.1);
      assertThat(p.memPercent()).hasValue(2.0);
      assertThat(p.command()).isEqualTo("cinnamon");
    });
  }

  @Test
  void aMemoryFigureTooWideForItsColumnEndsInPlus() throws ParseException {
    // procps-ng's scale_num cuts a figure that does not fit and marks it "+": a lower bound
    TopIteration it = top("procps-ng-2tb-plus-truncated-nextdenovo-226");
    assertThat(it.memory()).containsEntry("Mem total", 2063191.0).containsEntry("Mem free", 2036989.0)
        .containsEntry("Mem used", 14993.0).containsEntry("avail Mem", 2039659.0).containsEntry("Swap total", 4096.0);
    assertThat(it.processes()).hasSize(10);
    assertThat(it.processes().get(0).command()).isEqualTo("node_exporter");
  }
}
