package io.wgdiag.parsers;

import io.wgdiag.model.ChangeResult;
import io.wgdiag.model.ImmutableChangeResult;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/**
 * Reads the output of a state-changing command ({@code ip link set}, {@code ip route add}, {@code
 * iptables -A}, {@code tc qdisc replace}, ...): nothing on success, otherwise messages such as
 * {@code RTNETLINK answers: File exists}, each kept in {@link ChangeResult#messages()}.
 */
public final class ChangeCommandParser extends LineParser<ChangeResult> {

  /** Creates the parser. */
  public ChangeCommandParser() {
    super("change", ChangeResult.class);
  }

  @Override
  protected Session<ChangeResult> newSession() {
    ImmutableChangeResult.Builder b = ChangeResult.builder();
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) {
        b.addMessage(line.stripped());
        return true;
      }

      @Override
      public ChangeResult finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
