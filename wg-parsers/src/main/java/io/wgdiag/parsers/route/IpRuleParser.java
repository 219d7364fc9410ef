package io.wgdiag.parsers.route;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads policy routing rules, text or JSON ({@code ip rule show}). Placeholder until the parser lands: it reads nothing. */
public final class IpRuleParser extends LineParser<Object> {
  /** Creates the parser. */
  public IpRuleParser() {
    super("ip-rule", Object.class);
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
