package io.wgdiag.parsers.wireguard;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads WireGuard interfaces and peers, tab-separated dump ({@code wg show wg0 dump}). Placeholder until the parser lands: it reads nothing. */
public final class WgShowDumpParser extends LineParser<Object> {
  /** Creates the parser. */
  public WgShowDumpParser() {
    super("wg-show-dump", Object.class);
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
