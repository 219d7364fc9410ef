package io.wgdiag.parsers.iperf;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads iperf3 JSON output ({@code iperf3 -c 10.60.0.10 -J}). Placeholder until the parser lands: it reads nothing. */
public final class Iperf3JsonParser extends LineParser<Object> {
  /** Creates the parser. */
  public Iperf3JsonParser() {
    super("iperf3-json", Object.class);
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
