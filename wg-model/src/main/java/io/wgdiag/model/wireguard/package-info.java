/** WireGuard interfaces and peers, from {@code wg show} and {@code wg show dump}. Private and preshared keys are never stored, only whether each is set. */
@NullMarked
@WgStyle
package io.wgdiag.model.wireguard;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
