package io.wgdiag.parsers.wireguard;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads WireGuard interfaces and peers, human form ({@code wg}). Placeholder until the parser lands: it reads nothing. */
public final class WgShowParser extends LineParser<Object> {
  /** Creates the parser. */
  public WgShowParser() {
    super("wg-show", Object.class);
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
