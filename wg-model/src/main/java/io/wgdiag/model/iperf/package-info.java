/** Throughput tests from {@code iperf3}, text and JSON. */
@NullMarked
@WgStyle
package io.wgdiag.model.iperf;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
