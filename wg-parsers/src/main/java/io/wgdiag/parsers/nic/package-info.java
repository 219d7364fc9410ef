/** Parsers for: NIC offload features from {@code ethtool -k}. */
@NullMarked
package io.wgdiag.parsers.nic;

import org.jspecify.annotations.NullMarked;
