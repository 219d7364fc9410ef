/** Parsers for: WireGuard interfaces and peers, from {@code wg show} and {@code wg show dump}. Private and preshared keys are never stored, only whether each is set. */
@NullMarked
package io.wgdiag.parsers.wireguard;

import org.jspecify.annotations.NullMarked;
