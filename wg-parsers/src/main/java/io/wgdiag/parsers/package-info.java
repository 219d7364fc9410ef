/** The parse contract: {@link io.wgdiag.parsers.Parser}, {@link io.wgdiag.parsers.ParseException}, lenient {@link io.wgdiag.parsers.ParseResult}s, and the registry of parsers by tool id. */
@NullMarked
package io.wgdiag.parsers;

import org.jspecify.annotations.NullMarked;
