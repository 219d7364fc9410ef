/** Connection tracking statistics and firewall rules: {@code conntrack -S}, {@code iptables -S}, {@code nft list ruleset}. */
@NullMarked
@WgStyle
package io.wgdiag.model.netfilter;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
