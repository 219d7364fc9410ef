package io.wgdiag.parsers.iperf;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads iperf3 client or server text output ({@code iperf3 -c 10.60.0.10 -t 15}). Placeholder until the parser lands: it reads nothing. */
public final class Iperf3Parser extends LineParser<Object> {
  /** Creates the parser. */
  public Iperf3Parser() {
    super("iperf3", Object.class);
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
