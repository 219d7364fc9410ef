/** Parsers for: Protocol counters from {@code netstat -s}, {@code /proc/net/snmp}, {@code /proc/net/netstat} and {@code nstat}. */
@NullMarked
package io.wgdiag.parsers.counters;

import org.jspecify.annotations.NullMarked;
