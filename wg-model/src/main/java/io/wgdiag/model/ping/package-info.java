/** ICMP echo results from iputils and busybox {@code ping}, including DF ladder failures. */
@NullMarked
@WgStyle
package io.wgdiag.model.ping;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
