/**
 * Programs that embed wgdiag: {@link io.wgdiag.examples.ParseAndAnalyze} (parse plus analyze),
 * {@link io.wgdiag.examples.ReportToJson} (a report for a frontend), and in {@code custom} an
 * analyzer added through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.wgdiag.examples;

import org.jspecify.annotations.NullMarked;
