/** Building blocks for parsers: a line cursor with positions, the line-parser base class and unit conversion. */
@NullMarked
package io.wgdiag.parsers.text;

import org.jspecify.annotations.NullMarked;
