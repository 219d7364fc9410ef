/** Parsers for: TCP socket state and {@code tcp_info} from {@code ss -ti}. */
@NullMarked
package io.wgdiag.parsers.tcp;

import org.jspecify.annotations.NullMarked;
