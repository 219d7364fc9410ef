package io.wgdiag.parsers.ping;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads ICMP echo replies, errors and summary (iputils, busybox) ({@code ping -c 5 203.0.113.44}). Placeholder until the parser lands: it reads nothing. */
public final class PingParser extends LineParser<Object> {
  /** Creates the parser. */
  public PingParser() {
    super("ping", Object.class);
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
