/** The {@code wgdiag} command line. */
@NullMarked
package io.wgdiag.examples.cli;

import org.jspecify.annotations.NullMarked;
