package io.wgdiag.parsers;

import java.util.Optional;

/**
 * What a command line says about its output.
 *
 * @param toolId the tool id whose parser reads the output
 * @param filtered whether the output went through a pipe ({@code | egrep ...}, {@code | head}),
 *     so lines may be missing
 * @param qualifier the object the command was about, if any: the device of {@code ip link show
 *     eth0} or {@code ethtool -k eth0}, the address of {@code ip route get} or {@code ping}
 */
public record Detection(String toolId, boolean filtered, Optional<String> qualifier) {}
