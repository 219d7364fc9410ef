/** Parsers for: ICMP echo results from iputils and busybox {@code ping}, including DF ladder failures. */
@NullMarked
package io.wgdiag.parsers.ping;

import org.jspecify.annotations.NullMarked;
