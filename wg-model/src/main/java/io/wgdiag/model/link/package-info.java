/** Network links, their MTUs and their counters, from {@code ip link} and {@code ip -s -s link}. */
@NullMarked
@WgStyle
package io.wgdiag.model.link;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
