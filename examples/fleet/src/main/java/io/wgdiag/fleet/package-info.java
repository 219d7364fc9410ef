/**
 * A fleet of captures analysed on Apache Spark: {@link io.wgdiag.fleet.FleetJob} reads every
 * capture a glob names and writes findings, captures, patterns and trends as tables; {@link
 * io.wgdiag.fleet.SyntheticFleet} makes a fleet with planted faults from recorded captures.
 */
@NullMarked
package io.wgdiag.fleet;

import org.jspecify.annotations.NullMarked;
