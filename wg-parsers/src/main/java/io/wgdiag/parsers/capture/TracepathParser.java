package io.wgdiag.parsers.capture;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads tracepath hops and path MTU ({@code tracepath -n 10.60.0.10}). Placeholder until the parser lands: it reads nothing. */
public final class TracepathParser extends LineParser<Object> {
  /** Creates the parser. */
  public TracepathParser() {
    super("tracepath", Object.class);
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
