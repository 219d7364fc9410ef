package io.wgdiag.analysis;

/**
 * A typed model from a host snapshot with the capture it came from.
 *
 * @param value the model
 * @param capture the capture (tool, command, source)
 * @param phase the phase it was captured in
 * @param <T> the model type
 */
public record Fact<T>(T value, Capture capture, Phase phase) {

  /** Where the fact's output starts. */
  public Source source() {
    return capture.source();
  }

  /** The source of a line inside the output (1-based, as the parser numbered it). */
  public Source sourceOf(int outputLine) {
    return capture.sourceOf(outputLine);
  }
}
