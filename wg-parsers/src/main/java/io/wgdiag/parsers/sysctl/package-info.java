/** Parsers for: Kernel settings from {@code sysctl}. */
@NullMarked
package io.wgdiag.parsers.sysctl;

import org.jspecify.annotations.NullMarked;
