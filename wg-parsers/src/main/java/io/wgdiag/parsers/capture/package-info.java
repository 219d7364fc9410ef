/** Parsers for: Packet captures and path probes: {@code tcpdump -n} and {@code tracepath}. */
@NullMarked
package io.wgdiag.parsers.capture;

import org.jspecify.annotations.NullMarked;
