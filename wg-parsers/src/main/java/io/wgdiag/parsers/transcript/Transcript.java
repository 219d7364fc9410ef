package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;

/**
 * A terminal log split at its prompt lines.
 *
 * @param blocks each command and its output, in order
 * @param preamble the non-blank text before the first prompt, or empty
 */
public record Transcript(ImmutableList<TranscriptBlock> blocks, String preamble) {}
