/** TCP socket state and {@code tcp_info} from {@code ss -ti}. */
@NullMarked
@WgStyle
package io.wgdiag.model.tcp;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
