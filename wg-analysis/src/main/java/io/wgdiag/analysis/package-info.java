/** Snapshots of one or both tunnel ends, the analyzers, and the ranked report. */
@NullMarked
package io.wgdiag.analysis;

import org.jspecify.annotations.NullMarked;
