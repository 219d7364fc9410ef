/** Kernel settings from {@code sysctl}. */
@NullMarked
@WgStyle
package io.wgdiag.model.sysctl;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
