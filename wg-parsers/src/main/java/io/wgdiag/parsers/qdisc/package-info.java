/** Parsers for: Queue disciplines and their statistics from {@code tc -s qdisc}. */
@NullMarked
package io.wgdiag.parsers.qdisc;

import org.jspecify.annotations.NullMarked;
