package io.wgdiag.parsers.counters;

import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/** Reads protocol counters from /proc/net/snmp and /proc/net/netstat ({@code cat /proc/net/snmp}). Placeholder until the parser lands: it reads nothing. */
public final class ProcNetSnmpParser extends LineParser<Object> {
  /** Creates the parser. */
  public ProcNetSnmpParser() {
    super("proc-net-snmp", Object.class);
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
