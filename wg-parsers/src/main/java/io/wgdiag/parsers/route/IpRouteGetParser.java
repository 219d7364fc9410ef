package io.wgdiag.parsers.route;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads the route the kernel picks for one address ({@code ip route get 10.60.0.10}). Placeholder until the parser lands: it reads nothing. */
public final class IpRouteGetParser extends LineParser<Object> {
  /** Creates the parser. */
  public IpRouteGetParser() {
    super("ip-route-get", Object.class);
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
