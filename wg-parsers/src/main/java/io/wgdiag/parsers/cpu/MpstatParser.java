package io.wgdiag.parsers.cpu;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads per-CPU utilisation (sysstat), text or JSON ({@code mpstat -P ALL 1 5}). Placeholder until the parser lands: it reads nothing. */
public final class MpstatParser extends LineParser<Object> {
  /** Creates the parser. */
  public MpstatParser() {
    super("mpstat", Object.class);
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
