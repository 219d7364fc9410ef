package io.wgdiag.parsers.cpu;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads top batch output: summary and process table ({@code top -b -n 1}). Placeholder until the parser lands: it reads nothing. */
public final class TopParser extends LineParser<Object> {
  /** Creates the parser. */
  public TopParser() {
    super("top", Object.class);
  }

  @Override
  protected Session<Object> newSession() {
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) {
        return false;
      }

      @Override
      public Object finish(int lines, boolean strict) {
        return "not implemented";
      }
    };
  }
}
