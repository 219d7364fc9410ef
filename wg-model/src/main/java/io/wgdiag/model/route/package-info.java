/** Routes, policy rules and route lookups, from {@code ip route}, {@code ip rule} and {@code ip route get}. */
@NullMarked
@WgStyle
package io.wgdiag.model.route;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
