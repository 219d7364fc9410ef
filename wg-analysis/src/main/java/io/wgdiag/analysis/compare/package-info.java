/**
 * Two captures of one tunnel compared: the field guide's measures before and after a change, each
 * judged against its run-to-run noise, the findings resolved, new and persisting, and one verdict
 * (keep, roll back, inconclusive) with its reason.
 *
 * <pre>{@code
 * Case before = EvidenceReader.standard().read(Path.of("before/")).kase();
 * Case after = EvidenceReader.standard().read(Path.of("after/")).kase();
 * Comparison c = Comparison.of(before, after);
 * System.out.println(c.verdict() + ": " + c.reason());
 * }</pre>
 *
 * <p>{@link io.wgdiag.analysis.compare.Measures} reads each measure from one host's snapshot on its
 * own, for other views (an HTML report, a fleet table) that want the same figures.
 */
@NullMarked
@WgStyle
package io.wgdiag.analysis.compare;

import io.wgdiag.model.WgStyle;
import org.jspecify.annotations.NullMarked;
