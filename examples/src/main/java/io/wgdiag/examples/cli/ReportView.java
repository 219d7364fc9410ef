package io.wgdiag.examples.cli;

import io.wgdiag.analysis.Action;
import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.NotAssessed;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.analysis.bundle.UnreadLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link Report}: as the documented JSON (schema {@code docs/report.schema.json},
 * version {@link Report#SCHEMA_VERSION}) or as text for a person.
 */
public final class ReportView {
  private ReportView() {}

  /**
   * The report as JSON text, as {@code wgdiag analyze --format json} prints it (schema {@code
   * docs/report.schema.json}).
   */
  public static String json(Report report, LoadedEvidence evidence) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      Output.json(tree(report, evidence), w, false, KeyGuard.of(evidence.kase()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The JSON tree of the report (see docs/report.schema.json). */
  static Map<String, @Nullable Object> tree(Report report, LoadedEvidence evidence) {
    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", (long) Report.SCHEMA_VERSION);
    List<Object> findings = new ArrayList<>();
    int rank = 1;
    for (Finding f : report.findings()) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      m.put("rank", (long) rank++);
      m.put("code", f.code());
      m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
      m.put("confidence", f.confidence());
      m.put("category", f.category().name().toLowerCase(Locale.ROOT));
      m.put("title", f.title());
      m.put("explanation", f.explanation());
      m.put("decision", f.decision());
      m.put("host", f.host().label());
      List<Object> ev = new ArrayList<>();
      for (Evidence e : f.evidence()) {
        Map<String, @Nullable Object> x = new LinkedHashMap<>();
        x.put("source", e.source());
        x.put("fact", e.fact());
        ev.add(x);
      }
      m.put("evidence", ev);
      List<Object> actions = new ArrayList<>();
      for (Action a : f.actions()) {
        Map<String, @Nullable Object> x = new LinkedHashMap<>();
        x.put("description", a.description());
        x.put("apply", new ArrayList<Object>(a.apply()));
        x.put("verify", new ArrayList<Object>(a.verify()));
        x.put("rollback", new ArrayList<Object>(a.rollback()));
        actions.add(x);
      }
      m.put("actions", actions);
      m.put("linkedSymptoms", new ArrayList<Object>(f.linkedSymptoms()));
      findings.add(m);
    }
    root.put("findings", findings);
    List<Object> na = new ArrayList<>();
    for (NotAssessed n : report.notAssessed()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("check", n.check());
      x.put("reason", n.reason());
      x.put("collect", new ArrayList<Object>(n.collect()));
      na.add(x);
    }
    root.put("notAssessed", na);
    Map<String, @Nullable Object> input = new LinkedHashMap<>();
    input.put("kind", evidence.kind());
    List<Object> unread = new ArrayList<>();
    for (UnreadLine u : evidence.unread()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("source", u.source());
      x.put("message", u.message());
      x.put("text", u.text());
      unread.add(x);
    }
    input.put("unreadLines", unread);
    input.put("notes", new ArrayList<Object>(evidence.notes()));
    root.put("input", input);
    return root;
  }

  /** The report as text for a person; ANSI colour when {@code color}. */
  static String text(Report report, LoadedEvidence evidence, boolean color) {
    StringBuilder sb = new StringBuilder();
    if (report.findings().isEmpty()) {
      sb.append(c(color, "32", "No findings.")).append(" Nothing in the evidence points at a bottleneck.\n");
    }
    int rank = 1;
    for (Finding f : report.findings()) {
      String sev = f.severity().name();
      String code = switch (f.severity()) {
        case CRITICAL -> "1;31";
        case WARNING -> "33";
        case INFO -> "36";
      };
      sb.append(String.format(Locale.ROOT, "%d. %s %s (%s, confidence %.2f)%n",
          rank++, c(color, code, "[" + sev + "]"), c(color, "1", f.title()), f.code() + " @" + f.host().label(),
          f.confidence()));
      wrap(sb, "   ", f.explanation());
      wrap(sb, "   Decision: ", f.decision());
      if (!f.evidence().isEmpty()) {
        sb.append("   Evidence:\n");
        for (Evidence e : f.evidence()) {
          sb.append("     - ").append(e.source()).append(": ").append(e.fact()).append('\n');
        }
      }
      for (Action a : f.actions()) {
        sb.append("   Fix: ").append(a.description()).append('\n');
        list(sb, "     apply:    ", a.apply());
        list(sb, "     verify:   ", a.verify());
        list(sb, "     rollback: ", a.rollback());
      }
      if (!f.linkedSymptoms().isEmpty()) {
        sb.append("   Explains: ").append(String.join(", ", f.linkedSymptoms())).append('\n');
      }
      sb.append('\n');
    }
    if (!report.notAssessed().isEmpty()) {
      sb.append(c(color, "1", "Not assessed")).append('\n');
      for (NotAssessed n : report.notAssessed()) {
        sb.append("  - ").append(n.check()).append(": ").append(n.reason()).append('\n');
        list(sb, "      collect: ", n.collect());
      }
    }
    if (!evidence.unread().isEmpty()) {
      sb.append(c(color, "1", "Unread lines")).append(" (kept, not understood by any parser)\n");
      for (UnreadLine u : evidence.unread()) {
        sb.append("  - ").append(u.source()).append(": ").append(u.message());
        if (!u.text().isEmpty()) {
          sb.append(": ").append(u.text());
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void list(StringBuilder sb, String label, List<String> commands) {
    String pad = " ".repeat(label.length());
    boolean first = true;
    for (String cmd : commands) {
      sb.append(first ? label : pad).append("$ ").append(cmd).append('\n');
      first = false;
    }
  }

  private static void wrap(StringBuilder sb, String prefix, String text) {
    if (text.isEmpty()) {
      return;
    }
    String pad = " ".repeat(prefix.length());
    int width = 100 - prefix.length();
    String cur = prefix;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        sb.append(cur).append(line).append('\n');
        cur = pad;
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      sb.append(cur).append(line).append('\n');
    }
  }

  private static String c(boolean color, String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
