package io.wgdiag.parsers.capture;

import io.wgdiag.model.capture.ImmutableTracepathHop;
import io.wgdiag.model.capture.ImmutableTracepathResult;
import io.wgdiag.model.capture.TracepathHop;
import io.wgdiag.model.capture.TracepathResult;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

/**
 * Reads {@code tracepath} (iputils): hop lines, per-hop PMTU drops, {@code asymm N} marks and the
 * {@code Resume: pmtu N hops N back N} or {@code Too many hops: pmtu N} line.
 *
 * <pre>{@code
 *  1?: [LOCALHOST]                      pmtu 1300
 *  1:  192.0.2.254                                           0.132ms
 *  2:  198.51.100.2                                          0.171ms reached
 *      Resume: pmtu 1300 hops 2 back 2
 * }</pre>
 */
public final class TracepathParser extends LineParser<TracepathResult> {

  /** Creates the parser. */
  public TracepathParser() {
    super("tracepath", TracepathResult.class);
  }

  @Override
  protected Session<TracepathResult> newSession() {
    ImmutableTracepathResult.Builder b = TracepathResult.builder();
    return new Session<>() {
      /** One hop builder for the parse, cleared per hop. */
      final ImmutableTracepathHop.Builder hop = TracepathHop.builder();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.tryConsume("Resume:")) {
          while (!line.atEnd()) {
            String k = line.word("pmtu, hops or back");
            long v = line.number("a number after '", k, "'");
            switch (k) {
              case "pmtu" -> b.pmtuBytes((int) Math.min(Integer.MAX_VALUE, v));
              case "hops" -> b.hopCount((int) Math.min(Integer.MAX_VALUE, v));
              case "back" -> b.backHopCount((int) Math.min(Integer.MAX_VALUE, v));
              default -> throw line.errorAt(line.position() - 1, "expected pmtu, hops or back, found '" + k + "'");
            }
          }
          return true;
        }
        if (line.tryConsume("Too many hops:")) {
          b.tooManyHops(true);
          line.expect("pmtu");
          b.pmtuBytes((int) line.number("the path MTU"));
          return end(line);
        }
        if (!line.atDigit()) {
          return false;
        }
        ImmutableTracepathHop.Builder h = hop.clear().line(line.lineNumber());
        h.hop((int) Math.min(Integer.MAX_VALUE, line.number("the hop number")));
        if (line.tryConsume("?")) {
          h.guessed(true);
        }
        line.expect(":");
        if (line.tryConsume("no reply")) {
          b.addHop(h.build());
          return end(line);
        }
        // iputils tracepath.c: "%2d:  send failed", "%2d?: reply received 8)", "no info"
        for (String e : FAILURES) {
          if (line.tryConsume(e)) {
            b.addHop(h.error(e.equals("reply received 8)") ? "reply received" : e).build());
            return end(line);
          }
        }
        String addr = line.word("the responding address");
        if (line.lookingAt("(")) {
          addr = line.word().replace("(", "").replace(")", "");
        }
        h.address(addr);
        while (!line.atEnd()) {
          if (line.tryConsumeWord("pmtu")) {
            h.pmtuBytes((int) Math.min(Integer.MAX_VALUE, line.number("the path MTU")));
          } else if (line.tryConsumeWord("asymm")) {
            h.asymmetricHops((int) Math.min(Integer.MAX_VALUE, line.number("the reply's hop count")));
          } else if (line.tryConsumeWord("reached")) {
            h.reached(true);
          } else if (line.lookingAt("!")) {
            String e = line.word();
            if (!(e.equals("!H") || e.equals("!N") || e.equals("!A") || e.equals("!P"))) {
              throw line.errorAt(line.position() - e.length(), "expected !H, !N, !A or !P, found '" + e + "'");
            }
            h.error(e);
          } else if (line.tryConsume("(This broken router returned corrupted payload)")) {
            h.corruptedPayload(true);
          } else if (line.atDigit()) {
            LineCursor.Quantity q = line.quantity("a round-trip time such as 0.132ms");
            if (!q.unit().equals("ms")) {
              throw line.errorAt(line.position() - q.unit().length(), "expected a time in ms, found unit '" + q.unit() + "'");
            }
            h.rttMillis(q.value());
          } else {
            throw line.error("a time, pmtu N, asymm N, reached, !H, !N, !A or !P");
          }
        }
        b.addHop(h.build());
        return true;
      }

      @Override
      public TracepathResult finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }

  /** What tracepath prints after a hop number when the probe itself failed. */
  private static final String[] FAILURES = {"send failed", "reply received 8)", "no info"};

  private static boolean end(LineCursor line) throws ParseException {
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
    return true;
  }
}
