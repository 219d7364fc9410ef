package io.wgdiag.parsers.netfilter;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads connection tracking statistics and counts ({@code conntrack -S}). Placeholder until the parser lands: it reads nothing. */
public final class ConntrackStatsParser extends LineParser<Object> {
  /** Creates the parser. */
  public ConntrackStatsParser() {
    super("conntrack-stats", Object.class);
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
