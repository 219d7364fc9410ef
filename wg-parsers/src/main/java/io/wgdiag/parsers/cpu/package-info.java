/** Parsers for: CPU and interrupt load: {@code mpstat}, {@code top}, {@code /proc/interrupts}, {@code /proc/net/softnet_stat}. */
@NullMarked
package io.wgdiag.parsers.cpu;

import org.jspecify.annotations.NullMarked;
