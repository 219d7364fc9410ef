package io.wgdiag.analysis.html;

import java.util.List;

/**
 * One chart of the page: its id (the anchor), heading, a caption saying what it shows and how to
 * read it, the chart, and its figures as a table for a reader who cannot see the chart.
 *
 * @param id the element id, unique in the page
 * @param heading the heading
 * @param caption what the chart shows, in a sentence or two
 * @param chart draws the SVG
 * @param table the figures: a header row, then one row per value
 */
record Figure(String id, String heading, String caption, Chart chart, List<List<String>> table) {

  /** Something that writes one {@code <svg>} element. */
  interface Chart {
    /** Writes the SVG whose ids start with {@code id}, labelled by {@code title}. */
    void write(Markup m, String id, String title);
  }
}
