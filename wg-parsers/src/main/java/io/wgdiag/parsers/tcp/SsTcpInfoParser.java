package io.wgdiag.parsers.tcp;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads TCP sockets with tcp_info ({@code ss -ti}). Placeholder until the parser lands: it reads nothing. */
public final class SsTcpInfoParser extends LineParser<Object> {
  /** Creates the parser. */
  public SsTcpInfoParser() {
    super("ss-tcp-info", Object.class);
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
