package io.wgdiag.parsers.link;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads links with RX/TX counters ({@code ip -s link}). Placeholder until the parser lands: it reads nothing. */
public final class IpLinkStatsParser extends LineParser<Object> {
  /** Creates the parser. */
  public IpLinkStatsParser() {
    super("ip-link-stats", Object.class);
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
