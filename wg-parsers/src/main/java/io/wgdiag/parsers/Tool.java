package io.wgdiag.parsers;

import com.google.common.collect.ImmutableList;

/**
 * A tool output wgdiag reads.
 *
 * @param id the stable tool id, e.g. {@code ip-link-stats}
 * @param summary what the output is, in a few words
 * @param commands example command lines whose output this tool id reads
 */
public record Tool(String id, String summary, ImmutableList<String> commands) {}
