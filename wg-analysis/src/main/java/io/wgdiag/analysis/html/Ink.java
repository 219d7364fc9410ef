package io.wgdiag.analysis.html;

/**
 * How a bar or a line is drawn: a colour and a pattern, so two series differ without colour too
 * (solid, hatched, dotted, cross-hatched, outlined). Colours are dark enough for text beside them
 * on white and for a grey printer.
 */
enum Ink {
  /** Passed, or the first series: solid green. */
  PASS("#2e7d32", Pattern.SOLID),
  /** Lost silently: red, hatched. */
  SILENT("#c62828", Pattern.HATCH),
  /** Refused by the sending host: grey, dotted. */
  REFUSED("#546e7a", Pattern.DOTS),
  /** The path reported a smaller MTU: orange, cross-hatched. */
  REPORTED("#e65100", Pattern.CROSS),
  /** No verdict: outlined. */
  UNKNOWN("#616161", Pattern.OUTLINE),
  /** A first series: solid blue. */
  BLUE("#1565c0", Pattern.SOLID),
  /** A second series: orange, hatched. */
  ORANGE("#d84315", Pattern.HATCH),
  /** A third series: purple, dotted. */
  PURPLE("#6a1b9a", Pattern.DOTS);

  /** The fill patterns. */
  enum Pattern { SOLID, HATCH, DOTS, CROSS, OUTLINE }

  final String color;
  final Pattern pattern;

  Ink(String color, Pattern pattern) {
    this.color = color;
    this.pattern = pattern;
  }

  /** The fill attribute inside the chart whose pattern ids start with {@code chartId}. */
  String fill(String chartId) {
    return switch (pattern) {
      case SOLID -> color;
      case OUTLINE -> "#ffffff";
      default -> "url(#" + patternId(chartId) + ")";
    };
  }

  String patternId(String chartId) {
    return chartId + "-" + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The {@code <pattern>} this ink needs in the chart's defs, if any. */
  void define(Markup m, String chartId) {
    if (pattern == Pattern.SOLID || pattern == Pattern.OUTLINE) {
      return;
    }
    m.open("pattern", "id", patternId(chartId), "width", "6", "height", "6", "patternUnits", "userSpaceOnUse",
        "patternTransform", pattern == Pattern.DOTS ? "rotate(0)" : "rotate(45)");
    m.empty("rect", "width", "6", "height", "6", "fill", color);
    switch (pattern) {
      case HATCH -> m.empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", "#ffffff", "stroke-width", "2.5");
      case CROSS -> {
        m.empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", "#ffffff", "stroke-width", "1.5");
        m.empty("line", "x1", "0", "y1", "0", "x2", "6", "y2", "0", "stroke", "#ffffff", "stroke-width", "1.5");
      }
      default -> m.empty("circle", "cx", "3", "cy", "3", "r", "1.4", "fill", "#ffffff");
    }
    m.close("pattern");
  }
}
