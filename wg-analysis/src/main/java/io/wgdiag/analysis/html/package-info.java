/**
 * The report as one self-contained HTML page: the verdict, the findings with their evidence and
 * fixes, and inline SVG charts of the evidence (the DF-ping ladder, RTT idle against under load,
 * per-core CPU, two-ended transfer, qdisc drops, iperf3 intervals). No script, no network.
 *
 * <pre>{@code
 * LoadedEvidence e = EvidenceReader.standard().read(Path.of("bundle/"));
 * Report r = Analysis.standard().run(e.kase());
 * Files.writeString(Path.of("report.html"), HtmlReport.render(e, r));
 * }</pre>
 */
@NullMarked
package io.wgdiag.analysis.html;

import org.jspecify.annotations.NullMarked;
