/** Packet captures and path probes: {@code tcpdump -n} and {@code tracepath}. */
@NullMarked
@WgStyle
package io.wgdiag.model.capture;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
