package io.wgdiag.parsers;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The outcome of a lenient parse: the model and the lines that could not be read.
 *
 * @param model the model built from every line that could be read
 * @param diagnostics each unread or malformed line, in input order
 * @param <T> the model type
 */
public record ParseResult<T>(T model, ImmutableList<Diagnostic> diagnostics) {

  /** Creates a result; the list is copied. */
  public ParseResult(T model, List<Diagnostic> diagnostics) {
    this(model, ImmutableList.copyOf(diagnostics));
  }

  /** Whether every line was read: no diagnostics. */
  public boolean isClean() {
    return diagnostics.isEmpty();
  }
}
