package io.wgdiag.examples.cli;

import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.analysis.compare.Change;
import io.wgdiag.analysis.compare.Comparison;
import io.wgdiag.analysis.compare.FindingChange;
import io.wgdiag.analysis.compare.MeasureChange;
import io.wgdiag.analysis.compare.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link Comparison} as a JSON tree ({@code docs/compare.schema.json}) or as text for a person. */
final class CompareView {
  private CompareView() {}

  /** The comparison as a tree for {@link Output#json}. */
  static Map<String, @Nullable Object> tree(Comparison c, String beforePath, LoadedEvidence before, String afterPath, LoadedEvidence after) {
    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", (long) Comparison.SCHEMA_VERSION);
    root.put("verdict", c.verdict().label());
    root.put("reason", c.reason());
    root.put("improved", new ArrayList<Object>(c.improved()));
    root.put("worse", new ArrayList<Object>(c.worse()));
    root.put("collect", new ArrayList<Object>(c.collect()));
    List<Object> measures = new ArrayList<>();
    for (MeasureChange m : c.measures()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("measure", m.measure().id());
      x.put("label", m.measure().label());
      x.put("unit", m.measure().unit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      x.put("host", m.host().label());
      x.put("decides", m.decides());
      x.put("verdict", m.verdict().label());
      m.before().ifPresent(r -> x.put("before", reading(r)));
      m.after().ifPresent(r -> x.put("after", reading(r)));
      if (m.change().isPresent() && Double.isFinite(m.change().getAsDouble())) {
        x.put("change", m.change().getAsDouble());
      }
      if (m.tolerance().isPresent()) {
        x.put("tolerance", m.tolerance().getAsDouble());
      }
      x.put("note", m.note());
      measures.add(x);
    }
    root.put("measures", measures);
    List<Object> findings = new ArrayList<>();
    for (FindingChange f : c.findings()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("status", f.status().label());
      x.put("code", f.code());
      x.put("host", f.host().label());
      f.before().ifPresent(b -> x.put("before", finding(b)));
      f.after().ifPresent(a -> x.put("after", finding(a)));
      findings.add(x);
    }
    root.put("findings", findings);
    Map<String, @Nullable Object> inputs = new LinkedHashMap<>();
    inputs.put("before", input(beforePath, before));
    inputs.put("after", input(afterPath, after));
    root.put("inputs", inputs);
    return root;
  }

  private static Map<String, @Nullable Object> reading(Reading r) {
    Map<String, @Nullable Object> x = new LinkedHashMap<>();
    if (Double.isFinite(r.value())) {
      x.put("value", r.value());
    }
    x.put("text", r.text());
    if (r.spread().isPresent()) {
      x.put("spread", r.spread().getAsDouble());
    }
    if (r.failedAbove().isPresent()) {
      x.put("failedAbove", r.failedAbove().getAsDouble());
    }
    if (r.isRate()) {
      x.put("events", r.events());
      x.put("trials", r.trials());
    }
    x.put("basis", r.basis());
    x.put("source", r.source());
    return x;
  }

  private static Map<String, @Nullable Object> finding(Finding f) {
    Map<String, @Nullable Object> x = new LinkedHashMap<>();
    x.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
    x.put("title", f.title());
    return x;
  }

  private static Map<String, @Nullable Object> input(String path, LoadedEvidence e) {
    Map<String, @Nullable Object> x = new LinkedHashMap<>();
    x.put("path", path);
    x.put("kind", e.kind());
    x.put("unreadLines", (long) e.unread().size());
    return x;
  }

  /** The comparison as text: the verdict first, then the measures, then the findings. */
  static String text(Comparison c, boolean color) {
    StringBuilder sb = new StringBuilder();
    String code = switch (c.verdict()) {
      case KEEP -> "1;32";
      case ROLL_BACK -> "1;31";
      case INCONCLUSIVE -> "1;33";
    };
    sb.append(paint(color, code, "Verdict: " + c.verdict().label().toUpperCase(Locale.ROOT))).append('\n');
    wrap(sb, "  ", c.reason());
    if (!c.collect().isEmpty()) {
      sb.append("  Collect on both sides, the same way:\n");
      for (String cmd : c.collect()) {
        sb.append("    $ ").append(cmd).append('\n');
      }
    }
    sb.append('\n').append(paint(color, "1", "Measures")).append(" (before → after: change, verdict)\n");
    String host = "";
    for (MeasureChange m : c.measures()) {
      if (!m.host().label().equals(host)) {
        host = m.host().label();
        sb.append("  ").append(host).append('\n');
      }
      if (m.verdict() == Change.NOT_MEASURED) {
        sb.append(String.format(Locale.ROOT, "    %-30s not measured on either side%n", m.measure().label()));
        continue;
      }
      String b = m.before().map(Reading::text).orElse("—");
      String a = m.after().map(Reading::text).orElse("—");
      sb.append(String.format(Locale.ROOT, "    %-30s %s%s%n", m.measure().label(),
          paint(color, verdictColor(m.verdict()), m.verdict().label()), m.decides() ? "" : " (shown, does not decide)"));
      sb.append("      before: ").append(b).append('\n');
      sb.append("      after:  ").append(a).append('\n');
      sb.append("      ").append(m.note()).append('\n');
    }
    sb.append('\n').append(paint(color, "1", "Findings")).append('\n');
    if (c.findings().isEmpty()) {
      sb.append("  none on either side\n");
    }
    for (FindingChange f : c.findings()) {
      Finding latest = f.latest();
      String sev = f.before().map(x -> x.severity().name()).orElse("") + (f.status() == FindingChange.Status.PERSISTING
          && f.before().map(Finding::severity).orElse(null) != latest.severity() ? "→" + latest.severity().name() : "");
      if (sev.isEmpty()) {
        sev = latest.severity().name();
      }
      sb.append(String.format(Locale.ROOT, "  %-10s [%s] %s @%s: %s%n", f.status().label(), sev, f.code(), f.host().label(),
          latest.title()));
    }
    return sb.toString();
  }

  private static String verdictColor(Change c) {
    return switch (c) {
      case IMPROVED -> "32";
      case WORSE -> "31";
      case MISSING_BEFORE, MISSING_AFTER, NOT_COMPARABLE -> "33";
      default -> "0";
    };
  }

  private static void wrap(StringBuilder sb, String prefix, String text) {
    int width = 100 - prefix.length();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        sb.append(prefix).append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      sb.append(prefix).append(line).append('\n');
    }
  }

  private static String paint(boolean color, String code, String s) {
    return color && !code.equals("0") ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
