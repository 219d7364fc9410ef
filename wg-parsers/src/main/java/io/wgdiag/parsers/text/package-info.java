/**
 * Internal: not part of the API. Building blocks for parsers: a line cursor with positions, the
 * line-parser base class and unit conversion.
 *
 * <p>The package is exported only because the public parsers extend {@link
 * io.wgdiag.parsers.text.LineParser} and {@link io.wgdiag.parsers.text.StreamingLineParser}, and
 * {@link io.wgdiag.parsers.transcript.TranscriptReader} reads a {@link
 * io.wgdiag.parsers.text.LineSource}. Call parsers through {@link io.wgdiag.parsers.Parser} and
 * {@link io.wgdiag.parsers.StreamingParser}; every other type here may change in any release.
 */
@NullMarked
package io.wgdiag.parsers.text;

import org.jspecify.annotations.NullMarked;
