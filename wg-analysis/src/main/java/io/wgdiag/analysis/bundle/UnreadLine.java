package io.wgdiag.analysis.bundle;

/**
 * A line of the evidence that no parser could read, kept with where it is.
 *
 * @param source {@code file:line}
 * @param message what was wrong
 * @param text the line (secrets masked), cut to 200 characters
 */
public record UnreadLine(String source, String message, String text) {}
