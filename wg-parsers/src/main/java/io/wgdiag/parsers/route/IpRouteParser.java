package io.wgdiag.parsers.route;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads routing table entries, text or JSON ({@code ip route show}). Placeholder until the parser lands: it reads nothing. */
public final class IpRouteParser extends LineParser<Object> {
  /** Creates the parser. */
  public IpRouteParser() {
    super("ip-route", Object.class);
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
