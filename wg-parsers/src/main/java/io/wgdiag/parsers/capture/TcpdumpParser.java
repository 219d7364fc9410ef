package io.wgdiag.parsers.capture;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads tcpdump -n packet lines and summary ({@code tcpdump -ni eth0 udp port 51820 -c 5}). Placeholder until the parser lands: it reads nothing. */
public final class TcpdumpParser extends LineParser<Object> {
  /** Creates the parser. */
  public TcpdumpParser() {
    super("tcpdump", Object.class);
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
