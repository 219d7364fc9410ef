package io.wgdiag.parsers.link;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads links: flags, MTU, qdisc, state ({@code ip link show}). Placeholder until the parser lands: it reads nothing. */
public final class IpLinkParser extends LineParser<Object> {
  /** Creates the parser. */
  public IpLinkParser() {
    super("ip-link", Object.class);
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
