/** Terminal transcripts: split at prompt lines into (command, output) blocks and route each block to its parser. */
@NullMarked
package io.wgdiag.parsers.transcript;

import org.jspecify.annotations.NullMarked;
