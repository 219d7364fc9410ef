/**
 * Shared model conventions: {@link io.wgdiag.model.WgStyle}, and the models of each tool in
 * the sub-packages named after the subject ({@code wireguard}, {@code route}, {@code link}, ...).
 */
@NullMarked
package io.wgdiag.model;

import org.jspecify.annotations.NullMarked;
