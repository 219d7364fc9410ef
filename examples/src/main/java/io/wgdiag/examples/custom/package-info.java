/** A platform team's own analyzer, plugged in through {@link java.util.ServiceLoader}. */
@NullMarked
package io.wgdiag.examples.custom;

import org.jspecify.annotations.NullMarked;
