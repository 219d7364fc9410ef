package io.wgdiag.parsers.nic;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads NIC offload features ({@code ethtool -k eth0}). Placeholder until the parser lands: it reads nothing. */
public final class EthtoolFeaturesParser extends LineParser<Object> {
  /** Creates the parser. */
  public EthtoolFeaturesParser() {
    super("ethtool-features", Object.class);
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
