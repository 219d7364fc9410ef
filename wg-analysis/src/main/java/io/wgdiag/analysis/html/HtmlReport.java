package io.wgdiag.analysis.html;

import io.wgdiag.analysis.Absorbed;
import io.wgdiag.analysis.Action;
import io.wgdiag.analysis.AnalysisConfig;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.LikelyCause;
import io.wgdiag.analysis.NotAssessed;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.RuledOut;
import io.wgdiag.analysis.Severity;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import io.wgdiag.analysis.bundle.UnreadLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A report as one self-contained HTML page, for a person on an incident call or a portal that
 * embeds wgdiag: the verdict, each finding with its evidence ({@code file:line}) and its fixes in
 * copyable blocks, the charts the evidence supports (inline SVG), what was ruled out and what could
 * not be assessed. No script, no style sheet or font from the network; it reads the same offline,
 * in a mail attachment or in a ticket, and prints on paper. Key material never appears: text passes
 * through a mask that keeps only the public keys the case itself holds.
 *
 * <p>The page is XHTML-compatible HTML5 (it parses as XML), so a portal can also embed it in its own
 * pages or transform it.
 *
 * <pre>{@code
 * LoadedEvidence e = EvidenceReader.standard().read(Path.of("bundle/"));
 * Report r = Analysis.standard().run(e.kase());
 * Files.writeString(Path.of("report.html"), HtmlReport.of(e, r).render());
 * }</pre>
 */
public final class HtmlReport {
  private final Case kase;
  private final Report report;
  private final @Nullable LoadedEvidence evidence;
  private final AnalysisConfig config;
  private final SourceLines lines;

  private HtmlReport(Case kase, Report report, @Nullable LoadedEvidence evidence, AnalysisConfig config, SourceLines lines) {
    this.kase = kase;
    this.report = report;
    this.evidence = evidence;
    this.config = config;
    this.lines = lines;
  }

  /** The page of {@code report}, with the charts {@code kase}'s evidence supports. */
  public static HtmlReport of(Case kase, Report report) {
    return new HtmlReport(kase, report, null, AnalysisConfig.defaults(), SourceLines.NONE);
  }

  /** The page of {@code report}, with the charts of the evidence and its unread lines and notes. */
  public static HtmlReport of(LoadedEvidence evidence, Report report) {
    return new HtmlReport(evidence.kase(), report, evidence, AnalysisConfig.defaults(), SourceLines.NONE);
  }

  /** The same page, its chart thresholds (saturation, bufferbloat) taken from {@code newConfig}. */
  public HtmlReport config(AnalysisConfig newConfig) {
    return new HtmlReport(kase, report, evidence, newConfig, lines);
  }

  /**
   * The same page, each piece of evidence shown with the text of its line, read from the file its
   * source names ({@code local/probe/ping@df-1412.txt:7}) under {@code directory}: the bundle
   * directory, or the directory of a transcript file. Files outside it, missing or over 4 MB are
   * left out; the text is masked as the rest of the page.
   */
  public HtmlReport sourceDirectory(java.nio.file.Path directory) {
    return new HtmlReport(kase, report, evidence, config, new SourceLines(directory));
  }

  /** The page as a string (UTF-8 when written out). */
  public String render() {
    StringBuilder sb = new StringBuilder(64 * 1024);
    write(new Markup(sb, new Secrets(Secrets.publicKeysOf(kase))));
    return sb.toString();
  }

  /** Writes the page to {@code out}. */
  public void writeTo(Appendable out) throws IOException {
    out.append(render());
  }

  // ------------------------------------------------------------------ the page

  private void write(Markup m) {
    List<Figure> figures = new Charts(kase, config, report).all();
    List<RuledOut> ruledOut = report.ruledOut();
    String label = kase.label().orElse("");
    String title = "wgdiag: " + verdictLine() + (kase.tunnelInterface().isPresent() ? " (" + kase.tunnelInterface().get() + ")" : "");
    m.raw("<!DOCTYPE html>\n");
    m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en", "xml:lang", "en").nl();
    m.open("head").nl();
    m.empty("meta", "charset", "utf-8").nl();
    m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
    m.empty("meta", "name", "generator", "content", "wgdiag").nl();
    m.element("title", title).nl();
    m.open("style").raw(Style.CSS).close("style").nl();
    m.close("head").nl();
    m.open("body").nl();
    m.open("header").nl();
    m.element("h1", "WireGuard tunnel diagnosis");
    m.open("dl", "class", "facts");
    fact(m, "tunnel interface", kase.tunnelInterface().orElse("inferred from the evidence"));
    kase.peerTunnelAddress().ifPresent(p -> fact(m, "peer (tunnel address)", p));
    fact(m, "ends", kase.remote().isPresent() ? "local and remote" : "local only");
    kase.captureTime().ifPresent(t -> fact(m, "captured", t));
    if (!label.isEmpty()) {
      fact(m, "label", label);
    }
    if (evidence != null) {
      fact(m, "input", evidence.kind());
    }
    m.close("dl").nl();
    m.close("header").nl();
    nav(m, figures, ruledOut);
    m.open("main").nl();
    verdict(m);
    findings(m, figures);
    charts(m, figures);
    if (!ruledOut.isEmpty()) {
      ruledOut(m, ruledOut);
    }
    notAssessed(m);
    input(m);
    m.close("main").nl();
    m.open("footer").nl();
    m.element("p", "Made by wgdiag from the evidence above; analyzers run: " + String.join(", ", report.analyzers())
        + ". This page has no scripts and loads nothing from the network. Private and preshared keys never appear in it.");
    m.close("footer").nl();
    m.close("body").nl();
    m.close("html").nl();
  }

  private static void fact(Markup m, String name, String value) {
    m.open("div").element("dt", name).element("dd", value).close("div");
  }

  /** The finding the verdict names: the first at warning or worse. */
  private Optional<Finding> headline() {
    return report.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).findFirst();
  }

  private String verdictLine() {
    return headline().map(Finding::title).orElse("nothing wrong found");
  }

  private void nav(Markup m, List<Figure> figures, List<RuledOut> ruledOut) {
    m.open("nav", "aria-label", "Contents").nl();
    m.element("h2", "Contents", "class", "nav-title");
    m.open("ol");
    link(m, "#verdict", "Verdict");
    m.open("li").open("a", "href", "#findings").text("Findings (" + report.findings().size() + ")").close("a");
    if (!report.findings().isEmpty()) {
      m.open("ol");
      int rank = 1;
      for (Finding f : report.findings()) {
        link(m, "#finding-" + rank, severity(f.severity()) + ": " + f.code() + " @" + f.host().label());
        rank++;
      }
      m.close("ol");
    }
    m.close("li");
    if (!figures.isEmpty()) {
      m.open("li").open("a", "href", "#charts").text("Charts (" + figures.size() + ")").close("a").open("ol");
      for (Figure f : figures) {
        link(m, "#" + f.id(), f.heading());
      }
      m.close("ol").close("li");
    } else {
      link(m, "#charts", "Charts (none: no evidence to draw)");
    }
    if (!ruledOut.isEmpty()) {
      link(m, "#ruled-out", "Ruled out (" + ruledOut.size() + ")");
    }
    link(m, "#not-assessed", "Not assessed (" + report.notAssessed().size() + ")");
    link(m, "#input", "Input");
    m.close("ol").nl();
    m.close("nav").nl();
  }

  private static void link(Markup m, String href, String text) {
    m.open("li").open("a", "href", href).text(text).close("a").close("li");
  }

  private static String severity(Severity s) {
    return s.name();
  }

  private static String sevClass(Severity s) {
    return "sev-" + s.name().toLowerCase(Locale.ROOT);
  }

  private void verdict(Markup m) {
    Optional<Finding> top = headline();
    m.open("section", "id", "verdict", "class", "verdict " + top.map(f -> sevClass(f.severity())).orElse("sev-ok"),
        "aria-labelledby", "verdict-h").nl();
    m.element("h2", "Verdict", "id", "verdict-h");
    if (top.isPresent()) {
      Finding f = top.get();
      int rank = report.findings().indexOf(f) + 1;
      m.open("p", "class", "verdict-line").open("span", "class", "badge").text(severity(f.severity())).close("span").text(" ")
          .open("a", "href", "#finding-" + rank).text(f.title()).close("a").close("p");
      m.open("p").open("strong").text("Decision: ").close("strong").text(f.decision()).close("p");
      long others = report.findings().stream().filter(x -> x != f && x.severity().atLeast(Severity.WARNING)).count();
      if (others > 0) {
        m.element("p", others + " more finding" + (others == 1 ? "" : "s") + " at warning or worse below; fix this one first.");
      }
    } else {
      m.open("p", "class", "verdict-line").open("span", "class", "badge").text("OK").close("span")
          .text(" Nothing wrong found: no finding at warning or worse.").close("p");
      long info = report.findings().size();
      if (info > 0) {
        m.element("p", info + " informational note" + (info == 1 ? "" : "s") + " below.");
      }
      if (!report.notAssessed().isEmpty()) {
        m.open("p").text(report.notAssessed().size() + " check" + (report.notAssessed().size() == 1 ? "" : "s")
            + " could not be made for lack of evidence: see ").open("a", "href", "#not-assessed").text("Not assessed")
            .close("a").text(".").close("p");
      }
    }
    m.close("section").nl();
  }

  private void findings(Markup m, List<Figure> figures) {
    m.open("section", "id", "findings", "aria-labelledby", "findings-h").nl();
    m.element("h2", "Findings", "id", "findings-h");
    if (report.findings().isEmpty()) {
      m.element("p", "No findings: nothing in the evidence points at a bottleneck.");
    }
    int rank = 1;
    for (Finding f : report.findings()) {
      String id = "finding-" + rank;
      m.open("article", "id", id, "class", "finding " + sevClass(f.severity()), "aria-labelledby", id + "-h").nl();
      m.open("h3", "id", id + "-h").open("span", "class", "badge").text(severity(f.severity())).close("span")
          .text(" " + rank + ". " + f.title()).close("h3").nl();
      m.open("p", "class", "meta").open("code").text(f.code()).close("code")
          .text(" · " + f.where().words() + " · confidence " + Math.round(f.confidence() * 100) + "% · "
              + f.category().name().toLowerCase(Locale.ROOT)).close("p").nl();
      m.element("p", f.explanation());
      m.open("p", "class", "decision").open("strong").text("Decision: ").close("strong").text(f.decision()).close("p").nl();
      List<String> prefixes = chartPrefixes(f.code());
      List<Figure> pictures = figures.stream()
          .filter(x -> prefixes.stream().anyMatch(p -> x.id().startsWith(p))
              && (x.id().equals("chart-transfer") || x.id().contains("-" + f.host().label())))
          .toList();
      if (!pictures.isEmpty()) {
        m.open("p", "class", "see").text("See the chart" + (pictures.size() > 1 ? "s" : "") + ": ");
        for (int i = 0; i < pictures.size(); i++) {
          m.open("a", "href", "#" + pictures.get(i).id()).text(pictures.get(i).heading()).close("a");
          m.text(i < pictures.size() - 1 ? "; " : ".");
        }
        m.close("p").nl();
      }
      if (!f.evidence().isEmpty()) {
        m.element("h4", "Evidence");
        m.open("table", "class", "evidence").open("thead").open("tr").element("th", "source", "scope", "col")
            .element("th", "what it says", "scope", "col").close("tr").close("thead").open("tbody").nl();
        for (Evidence e : f.evidence()) {
          m.open("tr").open("td").open("code").text(e.source()).close("code").close("td").open("td").text(e.fact());
          Optional<String> line = lines.line(e.source());
          if (line.isPresent()) {
            m.empty("br").open("code", "class", "line").text(line.get()).close("code");
          }
          m.close("td").close("tr").nl();
        }
        m.close("tbody").close("table").nl();
      }
      int n = 1;
      for (Action a : f.actions()) {
        m.element("h4", f.actions().size() > 1 ? "Fix " + n++ : "Fix");
        m.open("div", "class", "action");
        m.element("p", a.description());
        commands(m, "Apply", a.apply());
        commands(m, "Verify", a.verify());
        commands(m, "Roll back", a.rollback());
        m.close("div").nl();
      }
      if (!f.likelyCauses().isEmpty()) {
        m.element("h4", "Likely causes, most likely first");
        m.open("ol", "class", "causes");
        for (LikelyCause c : f.likelyCauses()) {
          m.open("li").open("strong").text(c.cause()).close("strong");
          if (!c.code().isEmpty()) {
            m.text(" (").open("code").text(c.code()).close("code").text(")");
          }
          m.text(": " + c.explanation());
          evidenceList(m, c.evidence());
          m.close("li");
        }
        m.close("ol").nl();
      }
      if (!f.absorbed().isEmpty()) {
        m.element("h4", "Also explains");
        m.open("ul", "class", "absorbed");
        for (Absorbed a : f.absorbed()) {
          m.open("li").open("code").text(a.code()).close("code").text(" @" + a.host().label() + ": ")
              .open("strong").text(a.title()).close("strong").text(" \u2014 " + a.reason());
          if (!a.evidence().isEmpty()) {
            m.open("details").element("summary", "its evidence (" + a.evidence().size() + ")");
            evidenceList(m, a.evidence());
            m.close("details");
          }
          m.close("li");
        }
        m.close("ul").nl();
      } else if (!f.linkedSymptoms().isEmpty()) {
        m.open("p", "class", "explains").open("strong").text("Also explains: ").close("strong");
        boolean first = true;
        for (String sym : f.linkedSymptoms()) {
          if (!first) {
            m.text(", ");
          }
          m.open("code").text(sym).close("code");
          first = false;
        }
        m.text(" (symptoms of this cause, not listed on their own).").close("p").nl();
      }
      m.close("article").nl();
      rank++;
    }
    m.close("section").nl();
  }

  /** A short list of evidence: {@code source} and the fact, with the line's text when known. */
  private void evidenceList(Markup m, List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return;
    }
    m.open("ul", "class", "ev");
    for (Evidence e : evidence) {
      m.open("li").open("code").text(e.source()).close("code").text(" " + e.fact());
      Optional<String> line = lines.line(e.source());
      if (line.isPresent()) {
        m.empty("br").open("code", "class", "line").text(line.get()).close("code");
      }
      m.close("li");
    }
    m.close("ul");
  }

  private static void commands(Markup m, String label, List<String> commands) {
    if (commands.isEmpty()) {
      return;
    }
    m.open("div", "class", "cmds").element("h5", label);
    m.open("pre", "class", "cmd", "aria-label", label + " commands").open("code");
    for (int i = 0; i < commands.size(); i++) {
      m.text(commands.get(i));
      if (i < commands.size() - 1) {
        m.nl();
      }
    }
    m.close("code").close("pre").close("div");
  }

  private void charts(Markup m, List<Figure> figures) {
    m.open("section", "id", "charts", "aria-labelledby", "charts-h").nl();
    m.element("h2", "Charts", "id", "charts-h");
    if (figures.isEmpty()) {
      m.element("p", "No chart: the evidence holds no DF-ping ladder, no load test (iperf3, mpstat, pings under load), "
          + "no qdisc statistics and no wg show dump from both ends.");
    }
    for (Figure f : figures) {
      m.open("figure", "id", f.id(), "class", "chart-figure", "aria-labelledby", f.id() + "-h").nl();
      m.element("h3", f.heading(), "id", f.id() + "-h");
      m.open("div", "class", "chart-box");
      f.chart().write(m, f.id() + "-svg", f.heading());
      m.close("div").nl();
      m.element("figcaption", f.caption()).nl();
      m.open("details").element("summary", "The figures behind this chart");
      table(m, f.table());
      m.close("details").nl();
      m.close("figure").nl();
    }
    m.close("section").nl();
  }

  private static void table(Markup m, List<List<String>> rows) {
    m.open("table", "class", "data");
    m.open("thead").open("tr");
    for (String h : rows.get(0)) {
      m.element("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody").nl();
    for (List<String> r : rows.subList(1, rows.size())) {
      m.open("tr");
      for (String c : r) {
        m.element("td", c);
      }
      m.close("tr").nl();
    }
    m.close("tbody").close("table");
  }

  private void ruledOut(Markup m, List<RuledOut> items) {
    m.open("section", "id", "ruled-out", "aria-labelledby", "ruled-out-h").nl();
    m.element("h2", "Ruled out", "id", "ruled-out-h");
    m.element("p", "Checks that were made and found nothing wrong, with the evidence that clears them.");
    m.open("ul", "class", "ruled-out");
    for (RuledOut r : items) {
      m.open("li").open("strong").text(r.check()).close("strong").text(" (" + r.host().label() + " end)");
      evidenceList(m, r.evidence());
      m.close("li").nl();
    }
    m.close("ul").nl();
    m.close("section").nl();
  }

  private void notAssessed(Markup m) {
    m.open("section", "id", "not-assessed", "aria-labelledby", "not-assessed-h").nl();
    m.element("h2", "Not assessed", "id", "not-assessed-h");
    if (report.notAssessed().isEmpty()) {
      m.element("p", "Every check had the evidence it needs.");
    } else {
      m.element("p", "Checks that could not be made, why, and the commands that would supply the evidence.");
    }
    for (NotAssessed n : report.notAssessed()) {
      m.open("div", "class", "not-assessed");
      m.open("p").open("strong").text(n.check()).close("strong").text(": " + n.reason()).close("p");
      commands(m, "Collect", n.collect());
      m.close("div").nl();
    }
    m.close("section").nl();
  }

  private void input(Markup m) {
    m.open("section", "id", "input", "aria-labelledby", "input-h").nl();
    m.element("h2", "Input", "id", "input-h");
    int captures = kase.local().all().size() + kase.remote().map(r -> r.all().size()).orElse(0);
    m.element("p", captures + " tool outputs read" + (kase.remote().isPresent() ? " from both ends" : "") + ".");
    LoadedEvidence e = evidence;
    if (e != null) {
      if (e.unread().isEmpty()) {
        m.element("p", "Every line was read by a parser.");
      } else {
        m.element("h3", "Unread lines (kept, not understood by any parser)");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("source", "message", "text"));
        for (UnreadLine u : e.unread()) {
          rows.add(List.of(u.source(), u.message(), u.text()));
        }
        table(m, rows);
      }
      if (!e.notes().isEmpty()) {
        m.element("h3", "Notes");
        m.open("ul");
        e.notes().forEach(n -> m.element("li", n));
        m.close("ul");
      }
    }
    m.close("section").nl();
  }

  /** The charts that picture a finding's code, as id prefixes. */
  static List<String> chartPrefixes(String code) {
    if (code.startsWith("mtu.")) {
      return List.of("chart-df-ladder");
    }
    if (code.startsWith("cpu.") || code.startsWith("irq.") || code.startsWith("softnet.")) {
      return List.of("chart-cpu");
    }
    if (code.equals("queue.bufferbloat")) {
      return List.of("chart-rtt");
    }
    if (code.startsWith("queue.")) {
      return List.of("chart-qdisc");
    }
    if (code.startsWith("tcp.") || code.startsWith("path.") || code.startsWith("underlay.")) {
      return List.of("chart-transfer", "chart-iperf");
    }
    return List.of();
  }
}
