package io.wgdiag.examples.cli;

import io.wgdiag.analysis.Absorbed;
import io.wgdiag.analysis.Action;
import io.wgdiag.analysis.Direction;
import io.wgdiag.analysis.DropSite;
import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.LikelyCause;
import io.wgdiag.analysis.LossAttribution;
import io.wgdiag.analysis.NotAssessed;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.RuledOut;
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
      m.put("location", f.where().name().toLowerCase(Locale.ROOT));
      if (!f.subject().isEmpty()) {
        m.put("subject", f.subject());
      }
      f.direction().ifPresent(d -> m.put("direction", direction(d)));
      m.put("evidence", evidence(f.evidence()));
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
      List<Object> absorbed = new ArrayList<>();
      for (Absorbed a : f.absorbed()) {
        Map<String, @Nullable Object> x = new LinkedHashMap<>();
        x.put("code", a.code());
        x.put("host", a.host().label());
        x.put("title", a.title());
        x.put("reason", a.reason());
        x.put("evidence", evidence(a.evidence()));
        absorbed.add(x);
      }
      m.put("absorbed", absorbed);
      List<Object> causes = new ArrayList<>();
      for (LikelyCause c : f.likelyCauses()) {
        Map<String, @Nullable Object> x = new LinkedHashMap<>();
        if (!c.code().isEmpty()) {
          x.put("code", c.code());
        }
        x.put("cause", c.cause());
        x.put("explanation", c.explanation());
        x.put("evidence", evidence(c.evidence()));
        causes.add(x);
      }
      m.put("likelyCauses", causes);
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
    List<Object> ruled = new ArrayList<>();
    for (RuledOut r : report.ruledOut()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("check", r.check());
      x.put("host", r.host().label());
      x.put("evidence", evidence(r.evidence()));
      ruled.add(x);
    }
    root.put("ruledOut", ruled);
    List<Object> losses = new ArrayList<>();
    for (LossAttribution a : report.lossAttributions()) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("direction", direction(a.direction()));
      x.put("window", a.window());
      x.put("sentBytes", a.sentBytes());
      x.put("receivedBytes", a.receivedBytes());
      x.put("gapBytes", a.gapBytes());
      x.put("meanPacketBytes", a.meanPacketBytes());
      x.put("meanPacketSource", a.meanPacketSource());
      x.put("gapPackets", a.gapPackets());
      List<Object> sites = new ArrayList<>();
      for (DropSite d : a.sites()) {
        Map<String, @Nullable Object> y = new LinkedHashMap<>();
        y.put("site", d.site());
        y.put("host", d.host().label());
        y.put("code", d.code());
        y.put("packets", d.packets());
        y.put("attributedPackets", d.attributedPackets());
        y.put("attributedBytes", d.attributedBytes());
        y.put("source", d.source());
        sites.add(y);
      }
      x.put("sites", sites);
      x.put("attributedPackets", a.attributedPackets());
      x.put("residualPackets", a.residualPackets());
      x.put("tolerancePackets", a.tolerancePackets());
      x.put("unexplained", a.unexplained());
      x.put("evidence", evidence(a.evidence()));
      losses.add(x);
    }
    root.put("lossAttributions", losses);
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

  private static List<Object> evidence(List<Evidence> list) {
    List<Object> ev = new ArrayList<>();
    for (Evidence e : list) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("source", e.source());
      x.put("fact", e.fact());
      ev.add(x);
    }
    return ev;
  }

  private static String direction(Direction d) {
    return d == Direction.LOCAL_TO_REMOTE ? "local-to-remote" : "remote-to-local";
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
      sb.append("   Where: ").append(f.where().words()).append(f.direction().map(d -> ", traffic " + d.label()).orElse(""))
          .append('\n');
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
      if (!f.likelyCauses().isEmpty()) {
        sb.append("   Likely causes, most likely first:\n");
        int k = 1;
        for (LikelyCause lc : f.likelyCauses()) {
          wrap(sb, "     " + k++ + ". ", lc.cause() + ": " + lc.explanation());
          for (Evidence e : lc.evidence()) {
            sb.append("        - ").append(e.source()).append(": ").append(e.fact()).append('\n');
          }
        }
      }
      if (!f.absorbed().isEmpty()) {
        sb.append("   Explains (not listed on their own):\n");
        for (Absorbed a : f.absorbed()) {
          wrap(sb, "     - ", a.code() + " @" + a.host().label() + ": " + a.title() + ". Why: " + a.reason());
        }
      }
      sb.append('\n');
    }
    if (!report.lossAttributions().isEmpty()) {
      sb.append(c(color, "1", "Loss between the ends, by drop site")).append('\n');
      for (LossAttribution a : report.lossAttributions()) {
        lossTable(sb, a);
      }
      sb.append('\n');
    }
    if (!report.ruledOut().isEmpty()) {
      sb.append(c(color, "1", "Ruled out")).append(" (checks that ran and found the tunnel fine)\n");
      for (RuledOut r : report.ruledOut()) {
        sb.append("  - ").append(r.check()).append(" @").append(r.host().label()).append('\n');
        for (Evidence e : r.evidence()) {
          sb.append("      ").append(e.source()).append(": ").append(e.fact()).append('\n');
        }
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

  /** One direction's decomposition as a small table whose rows add up to the gap. */
  static void lossTable(StringBuilder sb, LossAttribution a) {
    sb.append(String.format(Locale.ROOT, "  %s, %s: sent %d B, received %d B, gap %d B = %d packets at %.0f B/packet (%s)%n",
        a.direction().label(), a.window(), a.sentBytes(), a.receivedBytes(), a.gapBytes(), a.gapPackets(),
        a.meanPacketBytes(), a.meanPacketSource()));
    sb.append(String.format(Locale.ROOT, "    %-52s %-7s %10s %12s%n", "drop site", "end", "packets", "bytes"));
    for (DropSite d : a.sites()) {
      String counted = d.packets() == d.attributedPackets() ? "" : " (rose " + d.packets() + ")";
      sb.append(String.format(Locale.ROOT, "    %-52s %-7s %10d %12d%s%n", d.site(), d.host().label(),
          d.attributedPackets(), d.attributedBytes(), counted));
    }
    long residualBytes = Math.round(a.residualPackets() * a.meanPacketBytes());
    sb.append(String.format(Locale.ROOT, "    %-52s %-7s %10d %12d%n", "not counted anywhere (the path)", "",
        a.residualPackets(), residualBytes));
    sb.append(String.format(Locale.ROOT, "    %-52s %-7s %10d%n", "gap", "", a.gapPackets()));
    sb.append("    ").append(a.unexplained()
        ? "The residual exceeds the tolerance of " + a.tolerancePackets() + " packets: loss on the path (path.loss)."
        : "The residual is within the tolerance of " + a.tolerancePackets() + " packets: nothing is left to blame on the path.")
        .append('\n');
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
