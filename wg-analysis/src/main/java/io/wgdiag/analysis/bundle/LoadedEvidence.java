package io.wgdiag.analysis.bundle;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.analysis.Case;

/**
 * Evidence read from disk: the case to analyze, every line that could not be read, and notes
 * about files that were skipped.
 *
 * @param kase the case
 * @param kind what the path was: {@code bundle}, {@code transcript}, {@code tar.gz}, {@code sosreport}, {@code blobs}
 * @param unread the lines no parser could read, with their sources
 * @param notes files skipped and why
 * @param properties every key of the capture's {@code bundle.properties} (its labels: {@code site},
 *     {@code isp}, {@code time}, any other), sorted by key; empty without the file
 */
public record LoadedEvidence(
    Case kase,
    String kind,
    ImmutableList<UnreadLine> unread,
    ImmutableList<String> notes,
    ImmutableMap<String, String> properties) {

  /** Evidence without properties. */
  public LoadedEvidence(Case kase, String kind, ImmutableList<UnreadLine> unread, ImmutableList<String> notes) {
    this(kase, kind, unread, notes, ImmutableMap.of());
  }
}
