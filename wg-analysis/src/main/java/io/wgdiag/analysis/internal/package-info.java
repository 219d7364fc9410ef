/** Helpers shared by the analysis packages; not exported, not API. */
@NullMarked
package io.wgdiag.analysis.internal;

import org.jspecify.annotations.NullMarked;
