/** Parsers for: Throughput tests from {@code iperf3}, text and JSON. */
@NullMarked
package io.wgdiag.parsers.iperf;

import org.jspecify.annotations.NullMarked;
