package io.wgdiag.parsers.cpu;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads per-CPU interrupt counts ({@code cat /proc/interrupts}). Placeholder until the parser lands: it reads nothing. */
public final class ProcInterruptsParser extends LineParser<Object> {
  /** Creates the parser. */
  public ProcInterruptsParser() {
    super("proc-interrupts", Object.class);
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
