package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.Secrets;
import java.util.Optional;

/**
 * One transcript block after parsing.
 *
 * @param line the 1-based line of the prompt (0 for raw tool output without a prompt)
 * @param command the command, or empty for raw tool output; keys masked ({@link Secrets#mask})
 * @param toolId the tool id of the parser that read the output, if one was found
 * @param filtered whether the command piped its output through a filter
 * @param qualifier the device or address the command was about, if any
 * @param model the parsed model, absent when no parser was found or nothing could be built
 * @param diagnostics what could not be read, with transcript line numbers
 * @param notes what the transcript reader removed around the output (a {@code watch} header,
 *     {@code sudo} prompts, {@code pdsh} prefixes, mail quoting, code fences), one sentence each
 */
public record ParsedBlock(
    int line,
    String command,
    Optional<String> toolId,
    boolean filtered,
    Optional<String> qualifier,
    Optional<Object> model,
    ImmutableList<Diagnostic> diagnostics,
    ImmutableList<String> notes) {

  /** A block with nothing removed around its output. */
  public ParsedBlock(int line, String command, Optional<String> toolId, boolean filtered, Optional<String> qualifier,
      Optional<Object> model, ImmutableList<Diagnostic> diagnostics) {
    this(line, command, toolId, filtered, qualifier, model, diagnostics, ImmutableList.of());
  }

  /** Masks keys in the command and qualifier ({@code echo KEY | wg pubkey} names one). */
  public ParsedBlock {
    command = Secrets.mask(command);
    qualifier = qualifier.map(Secrets::mask);
  }

  /** The model, if it is of {@code type}. */
  public <T> Optional<T> model(Class<T> type) {
    return model.filter(type::isInstance).map(type::cast);
  }
}
