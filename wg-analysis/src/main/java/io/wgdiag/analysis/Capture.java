package io.wgdiag.analysis;

import java.util.Optional;

/**
 * One tool output captured on a host, parsed.
 *
 * @param toolId the tool id of the parser that read it, e.g. {@code ping}
 * @param command the command line as typed, or "" for a raw file named after its tool
 * @param qualifier the device or address the command was about ({@code eth0} of {@code ethtool -k
 *     eth0}), if known
 * @param filtered whether the output went through a filter such as {@code | head}
 * @param source where the output starts (the prompt line of a transcript block, or line 1)
 * @param model the parsed model
 */
public record Capture(
    String toolId,
    String command,
    Optional<String> qualifier,
    boolean filtered,
    Source source,
    Object model) {

  /** The model, if it is a {@code type}. */
  public <T> Optional<T> model(Class<T> type) {
    return type.isInstance(model) ? Optional.of(type.cast(model)) : Optional.empty();
  }

  /**
   * The source of a line inside this output: {@code outputLine} is the 1-based line within the
   * output as the parser numbered it.
   */
  public Source sourceOf(int outputLine) {
    if (outputLine <= 0) {
      return source;
    }
    // A transcript block's output starts on the line after its prompt; a raw file on line 1.
    return source.atLine(command.isEmpty() ? outputLine : source.line() + outputLine);
  }
}
