/** CPU and interrupt load: {@code mpstat}, {@code top}, {@code /proc/interrupts}, {@code /proc/net/softnet_stat}. */
@NullMarked
@WgStyle
package io.wgdiag.model.cpu;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
