/** Parsers for: Connection tracking statistics and firewall rules: {@code conntrack -S}, {@code iptables -S}, {@code nft list ruleset}. */
@NullMarked
package io.wgdiag.parsers.netfilter;

import org.jspecify.annotations.NullMarked;
