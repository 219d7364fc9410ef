/** Queue disciplines and their statistics from {@code tc -s qdisc}. */
@NullMarked
@WgStyle
package io.wgdiag.model.qdisc;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
