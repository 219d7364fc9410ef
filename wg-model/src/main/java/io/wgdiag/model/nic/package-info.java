/** NIC offload features from {@code ethtool -k}. */
@NullMarked
@WgStyle
package io.wgdiag.model.nic;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
