/** Parsers for: Routes, policy rules and route lookups, from {@code ip route}, {@code ip rule} and {@code ip route get}. */
@NullMarked
package io.wgdiag.parsers.route;

import org.jspecify.annotations.NullMarked;
