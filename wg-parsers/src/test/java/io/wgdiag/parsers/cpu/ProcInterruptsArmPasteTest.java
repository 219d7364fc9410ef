package io.wgdiag.parsers.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.cpu.IrqRow;
import io.wgdiag.model.cpu.ProcInterrupts;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** /proc/interrupts of ARM boards (GIC, arch_timer, IPI rows, FIQ and Err), read strictly from real pastes. */
class ProcInterruptsArmPasteTest {

  private final ProcInterruptsParser parser = new ProcInterruptsParser();

  private static IrqRow row(ProcInterrupts p, String irq) {
    return p.rows().stream().filter(r -> r.irq().equals(irq)).findFirst().orElseThrow();
  }

  @Test
  void arm64GicV3UnderXenWithIpiRowsAndErr() throws ParseException {
    ProcInterrupts p = parser.parse(Fixtures.read("pastes/proc-interrupts/arm64-gicv3-xen-vck190.txt"));
    assertThat(p.rows()).hasSize(38);
    IrqRow timer = row(p, "11");
    assertThat(timer.counts().asList()).containsExactly(4928L, 3938L);
    assertThat(timer.description()).isEqualTo("GICv3  27 Level     arch_timer");
    assertThat(row(p, "39").counts().asList()).containsExactly(0L, 66L);
    assertThat(row(p, "39").description()).endsWith("nvme0q2");
    IrqRow resched = row(p, "IPI0");
    assertThat(resched.counts().asList()).containsExactly(78L, 77L);
    assertThat(resched.description()).isEqualTo("Rescheduling interrupts");
    assertThat(row(p, "IPI1").total()).isEqualTo(5025);
    assertThat(row(p, "IPI3").description()).isEqualTo("CPU stop (for crash dump) interrupts");
    IrqRow err = row(p, "Err");
    assertThat(err.counts().asList()).containsExactly(0L);
    assertThat(err.description()).isEmpty();
  }

  @Test
  void arm32GicWithIpiWakeupFirst() throws ParseException {
    ProcInterrupts p = parser.parse(Fixtures.read("pastes/proc-interrupts/arm32-sigmastar-gic-ipi-vdec-notes.txt"));
    assertThat(row(p, "20").description()).isEqualTo("GIC-0  27 Level     arch_timer");
    assertThat(row(p, "20").total()).isEqualTo(7588);
    assertThat(row(p, "57").description()).isEqualTo("MS_MAIN_INTC  52 Level     mi_disp_isr, fbdev_dispVsync");
    assertThat(row(p, "IPI0").description()).isEqualTo("CPU wakeup interrupts");
    assertThat(row(p, "IPI2").counts().asList()).containsExactly(989L, 4091L);
    assertThat(row(p, "Err").counts().asList()).containsExactly(0L);
  }

  @Test
  void raspberryPiOneCpuWithAFiqRowWithoutCount() throws ParseException {
    ParsedTranscript t = TranscriptParser.standard()
        .parse(Fixtures.read("pastes/transcript/interrupts-arm-rpi1-armctrl-fiq-bosun-647.txt"), true);
    ProcInterrupts p = t.blocks().get(0).model(ProcInterrupts.class).orElseThrow();
    assertThat(row(p, "32").counts().asList()).containsExactly(132561L);
    assertThat(row(p, "32").description()).isEqualTo("ARMCTRL  dwc_otg, dwc_otg_pcd, dwc_otg_hcd:usb1");
    assertThat(row(p, "75").description()).isEqualTo("ARMCTRL");
    IrqRow fiq = row(p, "FIQ");
    assertThat(fiq.counts().asList()).isEmpty();
    assertThat(fiq.description()).isEqualTo("usb_fiq");
    assertThat(row(p, "Err").counts().asList()).containsExactly(0L);
  }
}
