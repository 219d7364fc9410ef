package io.wgdiag.analysis.html;

import static io.wgdiag.analysis.html.BarChart.f;

import java.util.List;

/**
 * A line chart of series over time: each series with its own ink, dash and point shape (circles,
 * squares, diamonds), so the lines differ without colour; every point carries its value as a
 * tooltip and the figure's table holds them all.
 */
final class LineChart implements Figure.Chart {
  /** A point: {@code x} on the time axis, {@code y} in the value unit. */
  record Point(double x, double y, String text) {}

  /** A series. */
  record Series(String label, Ink ink, List<Point> points) {}

  private static final int WIDTH = 820;
  private static final int HEIGHT = 300;
  private static final String[] DASH = {"", "7 4", "2 3"};

  private final String description;
  private final String xLabel;
  private final String yLabel;
  private final double xMax;
  private final double yMax;
  private final List<Series> series;

  LineChart(String description, String xLabel, String yLabel, double xMax, double yMax, List<Series> series) {
    this.description = description;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.xMax = xMax > 0 ? xMax : 1;
    this.yMax = yMax > 0 ? yMax : 1;
    this.series = List.copyOf(series);
  }

  @Override
  public void write(Markup m, String id, String title) {
    int x0 = 70;
    int x1 = WIDTH - 30;
    int top = 40;
    int bottom = HEIGHT - 44;
    m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart", "role", "img", "width", String.valueOf(WIDTH),
        "height", String.valueOf(HEIGHT), "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "aria-labelledby", id + "-t " + id + "-d");
    m.element("title", title, "id", id + "-t");
    m.element("desc", description, "id", id + "-d");
    // legend: a short stroke with its point shape, then the label
    int lx = 4;
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      m.empty("line", "x1", String.valueOf(lx), "y1", "13", "x2", String.valueOf(lx + 28), "y2", "13", "stroke", s.ink().color,
          "stroke-width", "2.5", "stroke-dasharray", DASH[i % DASH.length].isEmpty() ? "none" : DASH[i % DASH.length]);
      point(m, i, lx + 14, 13, s.ink().color, s.label());
      m.element("text", s.label(), "x", String.valueOf(lx + 34), "y", "17", "font-size", "12");
      lx += 34 + (int) (s.label().length() * 12 * 0.56) + 24;
    }
    double ystep = BarChart.niceStep(yMax / 5);
    for (double t = 0; t <= yMax + 1e-9; t += ystep) {
      double y = sy(t, top, bottom);
      m.empty("line", "x1", String.valueOf(x0), "y1", f(y), "x2", String.valueOf(x1), "y2", f(y), "class", "grid");
      m.element("text", label(t, ystep), "x", String.valueOf(x0 - 6), "y", f(y + 4), "font-size", "11", "text-anchor", "end");
    }
    double xstep = BarChart.niceStep(xMax / 8);
    for (double t = 0; t <= xMax + 1e-9; t += xstep) {
      double x = sx(t, x0, x1);
      m.empty("line", "x1", f(x), "y1", String.valueOf(bottom), "x2", f(x), "y2", String.valueOf(bottom + 4), "class", "axis");
      m.element("text", label(t, xstep), "x", f(x), "y", String.valueOf(bottom + 16), "font-size", "11", "text-anchor", "middle");
    }
    m.empty("line", "x1", String.valueOf(x0), "y1", String.valueOf(bottom), "x2", String.valueOf(x1), "y2", String.valueOf(bottom),
        "class", "axis");
    m.empty("line", "x1", String.valueOf(x0), "y1", String.valueOf(top), "x2", String.valueOf(x0), "y2", String.valueOf(bottom),
        "class", "axis");
    m.element("text", xLabel, "x", f((x0 + x1) / 2.0), "y", String.valueOf(bottom + 34), "font-size", "12", "text-anchor", "middle");
    m.element("text", yLabel, "x", "14", "y", f((top + bottom) / 2.0), "font-size", "12", "text-anchor", "middle",
        "transform", "rotate(-90 14 " + f((top + bottom) / 2.0) + ")");
    m.nl();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      StringBuilder pts = new StringBuilder();
      for (Point p : s.points()) {
        pts.append(f(sx(p.x(), x0, x1))).append(',').append(f(sy(p.y(), top, bottom))).append(' ');
      }
      m.empty("polyline", "points", pts.toString().strip(), "fill", "none", "stroke", s.ink().color, "stroke-width", "2.5",
          "stroke-dasharray", DASH[i % DASH.length].isEmpty() ? "none" : DASH[i % DASH.length]);
      for (Point p : s.points()) {
        point(m, i, sx(p.x(), x0, x1), sy(p.y(), top, bottom), s.ink().color, s.label() + " at " + label(p.x(), 0.01) + " s: " + p.text());
      }
      m.nl();
    }
    m.close("svg");
  }

  /** A point marker: circle, square or diamond by series index, with a tooltip. */
  private static void point(Markup m, int series, double x, double y, String color, String tip) {
    switch (series % 3) {
      case 0 -> m.open("circle", "cx", f(x), "cy", f(y), "r", "4", "fill", color);
      case 1 -> m.open("rect", "x", f(x - 4), "y", f(y - 4), "width", "8", "height", "8", "fill", "#ffffff", "stroke", color,
          "stroke-width", "2");
      default -> m.open("path", "d", "M" + f(x) + " " + f(y - 5) + " L" + f(x + 5) + " " + f(y) + " L" + f(x) + " " + f(y + 5)
          + " L" + f(x - 5) + " " + f(y) + " Z", "fill", color);
    }
    m.element("title", tip);
    m.close(series % 3 == 0 ? "circle" : series % 3 == 1 ? "rect" : "path");
  }

  private double sx(double v, int x0, int x1) {
    return x0 + Math.max(0, Math.min(xMax, v)) / xMax * (x1 - x0);
  }

  private double sy(double v, int top, int bottom) {
    return bottom - Math.max(0, Math.min(yMax, v)) / yMax * (bottom - top);
  }

  private static String label(double t, double step) {
    if (t == Math.rint(t)) {
      return String.format(java.util.Locale.ROOT, "%.0f", t);
    }
    int decimals = Math.max(1, (int) Math.ceil(-Math.log10(step)));
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", t);
  }
}
