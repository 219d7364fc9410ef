/**
 * Evidence as users bring it: a capture bundle directory or {@code .tar.gz}, a transcript file,
 * or an unpacked sosreport, read into a {@link io.wgdiag.analysis.Case}.
 */
@NullMarked
package io.wgdiag.analysis.bundle;

import org.jspecify.annotations.NullMarked;
