package io.wgdiag.parsers.netfilter;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads nftables ruleset ({@code nft list ruleset}). Placeholder until the parser lands: it reads nothing. */
public final class NftRulesetParser extends LineParser<Object> {
  /** Creates the parser. */
  public NftRulesetParser() {
    super("nft-ruleset", Object.class);
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
