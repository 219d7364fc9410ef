package io.wgdiag.parsers.netfilter;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads iptables rules (-S or iptables-save) ({@code iptables -S}). Placeholder until the parser lands: it reads nothing. */
public final class IptablesRulesParser extends LineParser<Object> {
  /** Creates the parser. */
  public IptablesRulesParser() {
    super("iptables-rules", Object.class);
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
