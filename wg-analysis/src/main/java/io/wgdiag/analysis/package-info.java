/**
 * The analysis of WireGuard evidence: a {@link io.wgdiag.analysis.Case} of one or both tunnel
 * ends over phases, the {@link io.wgdiag.analysis.Analyzer}s, and the ranked {@link
 * io.wgdiag.analysis.Report}.
 *
 * <pre>{@code
 * Case c = Case.builder().local(Phase.UNNAMED, TranscriptParser.standard().parse(log, false), "log.txt").build();
 * Report r = Analysis.standard().run(c);
 * r.findings().forEach(f -> System.out.println(f.code() + " " + f.title()));
 * }</pre>
 */
@NullMarked
@WgStyle
package io.wgdiag.analysis;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
