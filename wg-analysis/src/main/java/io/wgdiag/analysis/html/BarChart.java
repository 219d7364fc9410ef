package io.wgdiag.analysis.html;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A horizontal bar chart: one row per item, one or more bars per row, each bar with its value as
 * text beside it; optional vertical markers (a limit, a threshold) and a min–max whisker.
 */
final class BarChart implements Figure.Chart {
  /** A bar of {@code value} (in the axis unit), drawn in {@code ink}, labelled {@code text}. */
  record Bar(double value, Ink ink, String text) {}

  /**
   * A row.
   *
   * @param label the row's label, left of the bars
   * @param bars the bars, top to bottom
   * @param low the whisker's low end (axis unit), NaN for none
   * @param high the whisker's high end (axis unit), NaN for none
   */
  record Row(String label, List<Bar> bars, double low, double high) {
    Row(String label, List<Bar> bars) {
      this(label, bars, Double.NaN, Double.NaN);
    }
  }

  /** A vertical line at {@code value} labelled {@code label}, dashed when {@code dashed}. */
  record Marker(double value, String label, boolean dashed) {}

  /** A legend entry. */
  record Legend(Ink ink, String label) {}

  private static final int WIDTH = 820;
  private static final int BAR = 16;
  private static final int FONT = 12;

  private final String description;
  private final String axisLabel;
  private final double min;
  private final double max;
  private final List<Row> rows;
  private final List<Marker> markers;
  private final List<Legend> legend;

  BarChart(String description, String axisLabel, double min, double max, List<Row> rows, List<Marker> markers,
      List<Legend> legend) {
    this.description = description;
    this.axisLabel = axisLabel;
    this.min = min;
    this.max = max > min ? max : min + 1;
    this.rows = List.copyOf(rows);
    this.markers = List.copyOf(markers);
    this.legend = List.copyOf(legend);
  }

  /** An axis from 0 to a round number above the largest value (and marker). */
  static double niceMax(double largest) {
    if (!(largest > 0)) {
      return 1;
    }
    double step = niceStep(largest / 5);
    return Math.ceil(largest * 1.02 / step) * step;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    double p = Math.pow(10, Math.floor(Math.log10(rough)));
    double f = rough / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  @Override
  public void write(Markup m, String id, String title) {
    int longest = rows.stream().mapToInt(r -> r.label().length()).max().orElse(4);
    int x0 = Math.max(70, Math.min(260, (int) (longest * FONT * 0.58) + 14));
    int x1 = WIDTH - 200;
    int legendH = legend.isEmpty() ? 0 : 24;
    int markerH = markers.isEmpty() ? 0 : (markers.size() > 1 ? 30 : 18);
    int top = 6 + legendH + markerH;
    List<Integer> rowY = new ArrayList<>();
    int y = top + 6;
    for (Row r : rows) {
      rowY.add(y);
      y += Math.max(1, r.bars().size()) * (BAR + 3) + 9;
    }
    int plotBottom = y;
    int height = plotBottom + 40;
    m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart", "role", "img", "width", String.valueOf(WIDTH),
        "height", String.valueOf(height), "viewBox", "0 0 " + WIDTH + " " + height, "aria-labelledby", id + "-t " + id + "-d");
    m.element("title", title, "id", id + "-t");
    m.element("desc", description, "id", id + "-d");
    Set<Ink> inks = EnumSet.noneOf(Ink.class);
    rows.forEach(r -> r.bars().forEach(b -> inks.add(b.ink())));
    legend.forEach(l -> inks.add(l.ink()));
    m.open("defs");
    inks.forEach(i -> i.define(m, id));
    m.close("defs").nl();
    // legend
    int lx = 4;
    for (Legend l : legend) {
      swatch(m, id, l.ink(), lx, 6, 14, 14);
      m.element("text", l.label(), "x", String.valueOf(lx + 19), "y", "17", "font-size", String.valueOf(FONT));
      lx += 19 + (int) (l.label().length() * FONT * 0.56) + 22;
    }
    // grid and axis
    double step = niceStep((max - min) / 6);
    for (double t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) {
      double x = sx(t, x0, x1);
      m.empty("line", "x1", f(x), "y1", String.valueOf(top), "x2", f(x), "y2", String.valueOf(plotBottom), "class", "grid");
      m.element("text", tick(t, step), "x", f(x), "y", String.valueOf(plotBottom + 15), "font-size", "11",
          "text-anchor", "middle");
    }
    m.empty("line", "x1", String.valueOf(x0), "y1", String.valueOf(plotBottom), "x2", String.valueOf(x1), "y2",
        String.valueOf(plotBottom), "class", "axis");
    m.empty("line", "x1", String.valueOf(x0), "y1", String.valueOf(top), "x2", String.valueOf(x0), "y2",
        String.valueOf(plotBottom), "class", "axis");
    m.element("text", axisLabel, "x", f((x0 + x1) / 2.0), "y", String.valueOf(plotBottom + 32), "font-size",
        String.valueOf(FONT), "text-anchor", "middle");
    m.nl();
    // rows
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int ry = rowY.get(i);
      int rh = Math.max(1, r.bars().size()) * (BAR + 3) - 3;
      m.element("text", r.label(), "x", String.valueOf(x0 - 8), "y", f(ry + rh / 2.0 + 4), "font-size",
          String.valueOf(FONT), "text-anchor", "end");
      int by = ry;
      for (Bar b : r.bars()) {
        double w = Math.max(0, sx(b.value(), x0, x1) - x0);
        m.open("rect", "x", String.valueOf(x0), "y", String.valueOf(by), "width", f(w), "height", String.valueOf(BAR),
            "fill", b.ink().fill(id), "stroke", b.ink().color, "stroke-width", "1");
        m.element("title", r.label() + ": " + b.text());
        m.close("rect");
        double tx = x0 + w + 5;
        if (!Double.isNaN(r.high()) && b == r.bars().get(0)) {
          tx = Math.max(tx, sx(r.high(), x0, x1) + 5);
        }
        m.element("text", b.text(), "x", f(tx), "y", String.valueOf(by + BAR - 4), "font-size", String.valueOf(FONT));
        by += BAR + 3;
      }
      if (!Double.isNaN(r.low()) && !Double.isNaN(r.high())) {
        double wy = ry + BAR / 2.0;
        double a = sx(r.low(), x0, x1);
        double c = sx(r.high(), x0, x1);
        m.empty("line", "x1", f(a), "y1", f(wy), "x2", f(c), "y2", f(wy), "class", "whisker");
        m.empty("line", "x1", f(a), "y1", f(wy - 5), "x2", f(a), "y2", f(wy + 5), "class", "whisker");
        m.empty("line", "x1", f(c), "y1", f(wy - 5), "x2", f(c), "y2", f(wy + 5), "class", "whisker");
      }
    }
    // markers on top
    for (int i = 0; i < markers.size(); i++) {
      Marker k = markers.get(i);
      double x = sx(k.value(), x0, x1);
      int ly = 6 + legendH + (i % 2 == 0 ? 12 : 26) - (markers.size() > 1 ? 0 : 0);
      m.empty("line", "x1", f(x), "y1", String.valueOf(ly + 3), "x2", f(x), "y2", String.valueOf(plotBottom),
          "class", k.dashed() ? "marker dashed" : "marker");
      boolean right = x > (x0 + x1) / 2.0;
      m.element("text", k.label(), "x", f(right ? x - 4 : x + 4), "y", String.valueOf(ly), "font-size", String.valueOf(FONT),
          "font-weight", "bold", "text-anchor", right ? "end" : "start");
    }
    m.close("svg");
  }

  private double sx(double v, int x0, int x1) {
    double c = Math.max(min, Math.min(max, v));
    return x0 + (c - min) / (max - min) * (x1 - x0);
  }

  static void swatch(Markup m, String id, Ink ink, int x, int y, int w, int h) {
    m.empty("rect", "x", String.valueOf(x), "y", String.valueOf(y), "width", String.valueOf(w), "height", String.valueOf(h),
        "fill", ink.fill(id), "stroke", ink.color, "stroke-width", "1");
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String tick(double t, double step) {
    if (step >= 1 || t == Math.rint(t)) {
      return String.format(Locale.ROOT, "%.0f", t);
    }
    int decimals = (int) Math.ceil(-Math.log10(step));
    return String.format(Locale.ROOT, "%." + decimals + "f", t);
  }
}
