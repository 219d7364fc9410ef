/** Parsers for: Network links, their MTUs and their counters, from {@code ip link} and {@code ip -s -s link}. */
@NullMarked
package io.wgdiag.parsers.link;

import org.jspecify.annotations.NullMarked;
