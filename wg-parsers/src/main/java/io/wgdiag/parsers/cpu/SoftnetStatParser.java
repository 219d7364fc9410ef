package io.wgdiag.parsers.cpu;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads per-CPU softnet counters ({@code cat /proc/net/softnet_stat}). Placeholder until the parser lands: it reads nothing. */
public final class SoftnetStatParser extends LineParser<Object> {
  /** Creates the parser. */
  public SoftnetStatParser() {
    super("proc-softnet-stat", Object.class);
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
