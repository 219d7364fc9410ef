package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The device an interrupt row belongs to, from the /proc/interrupts description column. */
class CpuAnalyzerDeviceTest {

  @Test
  void lastWordUpToItsFirstSeparator() {
    assertThat(CpuAnalyzer.deviceOf("PCI-MSI 327680-edge      virtio0-input.0")).isEqualTo("virtio0");
    assertThat(CpuAnalyzer.deviceOf("IR-PCI-MSI 524289-edge      eth0-TxRx-0  ")).isEqualTo("eth0");
    assertThat(CpuAnalyzer.deviceOf("IO-APIC   1-edge      i8042")).isEqualTo("i8042");
    assertThat(CpuAnalyzer.deviceOf("Local timer interrupts")).isEqualTo("interrupts");
    assertThat(CpuAnalyzer.deviceOf("mlx5_comp0@pci:0000:3b:00.0")).isEqualTo("mlx5_comp0");
    assertThat(CpuAnalyzer.deviceOf("")).isEmpty();
  }
}
