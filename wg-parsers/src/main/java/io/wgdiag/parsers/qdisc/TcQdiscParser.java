package io.wgdiag.parsers.qdisc;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads queue disciplines and their statistics, text or JSON ({@code tc qdisc show dev eth0}). Placeholder until the parser lands: it reads nothing. */
public final class TcQdiscParser extends LineParser<Object> {
  /** Creates the parser. */
  public TcQdiscParser() {
    super("tc-qdisc", Object.class);
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
