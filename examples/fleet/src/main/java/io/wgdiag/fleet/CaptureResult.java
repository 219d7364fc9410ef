package io.wgdiag.fleet;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.NotAssessed;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.RuledOut;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.EvidenceSource;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one capture gave: its summary and its findings, or the reason it could not be read. Plain
 * serializable values, so Spark can move them between tasks.
 */
public final class CaptureResult implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One finding of a capture. */
  public static final class FindingRow implements Serializable {
    private static final long serialVersionUID = 1L;
    final String end;
    final String code;
    final String severity;
    final double confidence;
    final String category;
    final String title;
    final List<String> figures;

    FindingRow(Finding f) {
      this.end = f.host().label();
      this.code = f.code();
      this.severity = f.severity().name().toLowerCase(Locale.ROOT);
      this.confidence = f.confidence();
      this.category = f.category().name().toLowerCase(Locale.ROOT);
      this.title = f.title();
      List<String> facts = new ArrayList<>();
      for (Evidence e : f.evidence()) {
        facts.add(e.fact());
      }
      this.figures = facts;
    }
  }

  final String capture;
  final String kind;
  final @Nullable String error;
  final @Nullable String time;
  final Map<String, String> labels;
  final List<FindingRow> findings;
  final List<String> notAssessed;
  final List<String> ruledOut;
  final int unread;

  private CaptureResult(String capture, String kind, @Nullable String error, @Nullable String time,
      Map<String, String> labels, List<FindingRow> findings, List<String> notAssessed, List<String> ruledOut,
      int unread) {
    this.capture = capture;
    this.kind = kind;
    this.error = error;
    this.time = time;
    this.labels = labels;
    this.findings = findings;
    this.notAssessed = notAssessed;
    this.ruledOut = ruledOut;
    this.unread = unread;
  }

  /** Reads and analyses one capture; any failure, out-of-memory included, becomes an error row. */
  static CaptureResult analyze(String capture, Reading reading) {
    try {
      LoadedEvidence e = reading.read(Holder.READER);
      Report r = Holder.ANALYSIS.run(e.kase());
      List<FindingRow> rows = new ArrayList<>();
      for (Finding f : r.findings()) {
        rows.add(new FindingRow(f));
      }
      List<String> na = new ArrayList<>();
      for (NotAssessed n : r.notAssessed()) {
        na.add(n.check());
      }
      List<String> ruledOut = new ArrayList<>();
      for (RuledOut o : r.ruledOut()) {
        ruledOut.add(o.host().label() + ": " + o.check());
      }
      Map<String, String> labels = new LinkedHashMap<>(e.properties());
      String time = e.kase().captureTime().orElse(null);
      return new CaptureResult(capture, e.kind(), null, time, labels, rows, na, ruledOut, e.unread().size());
    } catch (Exception | OutOfMemoryError | StackOverflowError ex) {
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      if (!(ex instanceof io.wgdiag.analysis.bundle.BundleException)) {
        msg = ex.getClass().getSimpleName() + ": " + msg;
      }
      return failed(capture, msg);
    }
  }

  static CaptureResult failed(String capture, String reason) {
    String oneLine = reason.replace('\n', ' ').replace('\r', ' ');
    if (oneLine.length() > 500) {
      oneLine = oneLine.substring(0, 500) + "...";
    }
    return new CaptureResult(capture, "unknown", oneLine, null, Map.of(), List.of(), List.of(), List.of(), 0);
  }

  /** How a capture is read: from bytes, or from a source. */
  @FunctionalInterface
  interface Reading {
    LoadedEvidence read(EvidenceReader reader) throws Exception;

    static Reading of(EvidenceSource source) {
      return r -> r.read(source);
    }
  }

  /** One reader and one analysis per JVM: both are immutable and thread-safe. */
  private static final class Holder {
    static final EvidenceReader READER = EvidenceReader.standard();
    static final Analysis ANALYSIS = Analysis.standard();
  }

  /** The host the capture was taken on, from its {@code host} or {@code hostname} label, or null. */
  @Nullable String host() {
    String h = labels.get("host");
    return h != null ? h : labels.get("hostname");
  }

  /** The worst severity among the findings, or null. */
  @Nullable String worst() {
    return findings.isEmpty() ? null : findings.get(0).severity;
  }
}
