package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import io.wgdiag.analysis.Case;

/**
 * Evidence read from disk: the case to analyze, every line that could not be read, and notes
 * about files that were skipped.
 *
 * @param kase the case
 * @param kind what the path was: {@code bundle}, {@code transcript}, {@code tar.gz}, {@code sosreport}
 * @param unread the lines no parser could read, with their sources
 * @param notes files skipped and why
 */
public record LoadedEvidence(
    Case kase, String kind, ImmutableList<UnreadLine> unread, ImmutableList<String> notes) {}
