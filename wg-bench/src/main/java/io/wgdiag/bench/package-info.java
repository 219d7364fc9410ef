/** JMH benchmarks of parsing and analysis, each beside a line-splitting baseline. */
@NullMarked
package io.wgdiag.bench;

import org.jspecify.annotations.NullMarked;
