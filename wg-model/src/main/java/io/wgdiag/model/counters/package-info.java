/** Protocol counters from {@code netstat -s}, {@code /proc/net/snmp}, {@code /proc/net/netstat} and {@code nstat}. */
@NullMarked
@WgStyle
package io.wgdiag.model.counters;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
