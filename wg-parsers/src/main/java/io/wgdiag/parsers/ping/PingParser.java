package io.wgdiag.parsers.ping;

import io.wgdiag.model.ping.ImmutablePingError;
import io.wgdiag.model.ping.ImmutablePingReply;
import io.wgdiag.model.ping.ImmutablePingResult;
import io.wgdiag.model.ping.PingError;
import io.wgdiag.model.ping.PingReply;
import org.jspecify.annotations.Nullable;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.StreamingLineParser;
import java.util.Locale;

/**
 * Reads one {@code ping} run: iputils ({@code ping}, {@code ping6}, {@code ping -4/-6}) and busybox,
 * IPv4 and IPv6.
 *
 * <pre>{@code
 * PING 10.60.0.10 (10.60.0.10) 1372(1400) bytes of data.
 * 1380 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=23.4 ms
 * From 192.0.2.254 icmp_seq=2 Frag needed and DF set (mtu = 1300)
 * ping: local error: message too long, mtu=1420
 * --- 10.60.0.10 ping statistics ---
 * 3 packets transmitted, 1 received, +2 errors, 66.6667% packet loss, time 2002ms
 * rtt min/avg/max/mdev = 23.4/23.4/23.4/0.000 ms, pipe 2
 * }</pre>
 *
 * <p>Also: {@code -D} timestamps, {@code -O} "no answer yet" lines, {@code (DUP!)}, {@code
 * PATTERN:} and {@code WARNING:} notes, busybox's {@code seq=} and {@code round-trip} lines.
 */
public final class PingParser extends StreamingLineParser<PingResult, PingReply> {

  /** Creates the parser. */
  public PingParser() {
    super("ping", PingResult.class, PingReply.class);
  }

  /** Each reply goes to {@code sink}; the result keeps the header, errors and summary, and no replies. */
  @Override
  protected Session<PingResult> newSession(java.util.function.@Nullable Consumer<? super PingReply> sink) {
    ImmutablePingResult.Builder b = PingResult.builder();
    ImmutablePingReply.Builder reply = PingReply.builder(); // one for the parse, cleared per reply
    return new Session<>() {
      boolean header;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // Ctrl-C: the terminal echoes ^C where the cursor stands, which is the start of the line
        // after the last reply, so "^C" stands alone or before the statistics heading
        // ("^C--- host ping statistics ---" where the echo and ping's newline crossed)
        if (line.peek() == '^' && line.tryConsume("^C")) {
          b.interrupted(true);
          while (line.tryConsume("^C")) {
            b.interrupted(true);
          }
          if (line.atEnd()) {
            return true;
          }
        }
        double stamp = Double.NaN;
        if (line.lookingAt("[")) {
          int at = line.position();
          line.expect("[");
          stamp = line.decimal("a -D timestamp such as 1594978465.914536");
          if (!line.tryConsume("]")) {
            throw line.errorAt(at, "expected a -D timestamp such as [1594978465.914536]");
          }
        }
        // replies first: nearly every line is one, and no other line starts with a digit but the summary
        if (line.atDigit()) {
          int save = line.position();
          long n = line.number("a count");
          if (line.lookingAt("bytes from ")) {
            reply(b, reply.clear(), line, (int) Math.min(Integer.MAX_VALUE, n), stamp, sink);
            return true;
          }
          if (line.lookingAt("packets transmitted")) {
            line.position(save);
            summary(b, line);
            return true;
          }
          return false;
        }
        if (line.lookingAtWord("PING")) {
          if (header) {
            throw line.errorAt(0, "a second ping run; give each run its own transcript block");
          }
          header(b, line);
          header = true;
          return true;
        }
        if (line.lookingAt("PATTERN: ") || line.lookingAt("WARNING: ")) {
          line.skipRest();
          return true;
        }
        if (line.lookingAtWord("---") && line.stripped().endsWith("ping statistics ---")) {
          line.skipRest();
          return true;
        }
        if (line.lookingAt("no answer yet for icmp_seq=")) {
          line.expect("no answer yet for icmp_seq=");
          b.addNoAnswerSeq((int) line.number("a sequence number"));
          return end(line);
        }
        if (line.lookingAt("pipe ")) {
          // with no reply there is no rtt line, but iputils still prints the pipe alone
          line.expect("pipe");
          b.pipe((int) line.number("the pipe count"));
          return end(line);
        }
        if (line.lookingAt("rtt ") || line.lookingAt("round-trip ")) {
          rtt(b, line);
          return true;
        }
        if (line.lookingAt("ping: ") || line.lookingAt("ping6: ")) {
          localError(b, line);
          return true;
        }
        if (line.lookingAt("From ")) {
          remoteError(b, line);
          return true;
        }
        return false;
      }

      @Override
      public PingResult finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }

  private static boolean end(LineCursor line) throws ParseException {
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
    return true;
  }

  /**
   * {@code PING host (addr) 56(84) bytes of data.}, {@code PING host(addr) 56 data bytes}, {@code
   * PING name(addr (addr)) 56 data bytes}, {@code PING a (a) from s eth0: 56(84) bytes of data.},
   * busybox {@code PING a (a): 56 data bytes}.
   */
  private static void header(ImmutablePingResult.Builder b, LineCursor line) throws ParseException {
    line.expect("PING");
    String text = line.rest();
    String body;
    if (text.endsWith(" bytes of data.")) {
      body = text.substring(0, text.length() - " bytes of data.".length());
    } else if (text.endsWith(" data bytes")) {
      body = text.substring(0, text.length() - " data bytes".length());
    } else {
      throw line.errorAt(line.text().indexOf("PING") + 5, "expected the header to end in 'bytes of data.' or 'data bytes'");
    }
    int sp = body.lastIndexOf(' ');
    String size = body.substring(sp + 1);
    String who = sp < 0 ? "" : body.substring(0, sp).strip();
    int open = size.indexOf('(');
    try {
      if (open > 0 && size.endsWith(")")) {
        b.payloadBytes(Integer.parseInt(size.substring(0, open)));
        b.printedPacketBytes(Integer.parseInt(size.substring(open + 1, size.length() - 1)));
      } else {
        b.payloadBytes(Integer.parseInt(size));
      }
    } catch (NumberFormatException e) {
      throw line.errorAt(line.text().lastIndexOf(size), "expected the packet size such as 56(84), found '" + size + "'");
    }
    if (who.endsWith(":")) {
      who = who.substring(0, who.length() - 1);
    }
    int from = who.indexOf(") from ");
    if (from >= 0) {
      who = who.substring(0, from + 1);
    }
    int firstParen = who.indexOf('(');
    if (firstParen < 0) {
      if (!who.isEmpty()) {
        b.target(who);
      }
      return;
    }
    String host = who.substring(0, firstParen).strip();
    if (!host.isEmpty()) {
      b.target(host);
    }
    int lastOpen = who.lastIndexOf('(');
    int close = who.indexOf(')', lastOpen);
    if (close < 0) {
      throw line.errorAt(line.text().indexOf('('), "expected the address in parentheses to be closed");
    }
    String addr = who.substring(lastOpen + 1, close).strip();
    if (!addr.isEmpty()) {
      b.address(addr);
    }
  }

  /** {@code 64 bytes from HOST[ (ADDR)]: icmp_seq=1 ttl=64 time=0.041 ms[ (DUP!)]}. */
  private static void reply(ImmutablePingResult.Builder b, ImmutablePingReply.Builder r, LineCursor line, int bytes, double stamp,
      java.util.function.@Nullable Consumer<? super PingReply> sink) throws ParseException {
    line.expect("bytes from ");
    String from = line.until(':');
    // IPv6 addresses contain colons: the host part ends at the ': ' before icmp_seq/seq.
    while (!line.atEnd() && !line.lookingAt(": icmp_seq=") && !line.lookingAt(": seq=")
        && !line.lookingAt(": icmp_req=")) {
      line.tryConsume(":");
      from = from + ":" + line.until(':');
      if (line.atEnd()) {
        throw line.error("': icmp_seq=' after the reply's source address");
      }
    }
    line.expect(":");
    int paren = from.indexOf(" (");
    String source = paren > 0 && from.endsWith(")") ? from.substring(paren + 2, from.length() - 1) : from.strip();
    r.bytes(bytes).from(source).line(line.lineNumber());
    if (!Double.isNaN(stamp)) {
      r.timestampSeconds(stamp);
    }
    boolean seq = false;
    while (!line.atEnd()) {
      if (line.tryConsume("icmp_seq=") || line.tryConsume("seq=") || line.tryConsume("icmp_req=")) {
        r.seq((int) line.number("a sequence number"));
        seq = true;
      } else if (line.tryConsume("ttl=") || line.tryConsume("hlim=")) {
        r.ttl((int) line.number("a TTL"));
      } else if (line.tryConsume("time=")) {
        r.timeMillis(line.decimal("a round-trip time"));
        line.expect("ms");
      } else if (line.tryConsume("time<")) {
        r.timeMillis(line.decimal("a round-trip time"));
        line.expect("ms");
      } else if (line.tryConsume("^C")) {
        b.interrupted(true); // the echo landed on the reply line
      } else if (line.tryConsume("(DUP!)")) {
        r.duplicate(true);
      } else if (line.tryConsume("(truncated)")) {
        r.damaged(true);
      } else if (line.lookingAt("wrong data byte")) {
        r.damaged(true);
        line.skipRest();
      } else {
        throw line.error("icmp_seq=, ttl=, time=, (DUP!) or (truncated)");
      }
    }
    if (!seq) {
      throw line.errorAt(0, "expected icmp_seq= in the reply");
    }
    if (sink != null) {
      sink.accept(r.build());
    } else {
      b.addReply(r.build());
    }
  }

  /** {@code ping: local error: message too long, mtu=1420} (IPv6: {@code mtu: 1400}) and other {@code ping:} lines. */
  private static void localError(ImmutablePingResult.Builder b, LineCursor line) {
    String text = line.rest();
    String msg = text.substring(text.indexOf(':') + 1).strip();
    ImmutablePingError.Builder e = PingError.builder().text(msg).line(line.lineNumber());
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.startsWith("local error: message too long")) {
      e.kind(PingError.Kind.LOCAL_MESSAGE_TOO_LONG);
      int m = Math.max(lower.lastIndexOf("mtu="), lower.lastIndexOf("mtu:"));
      if (m >= 0) {
        String digits = msg.substring(m + 4).strip();
        int end = 0;
        while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
          end++;
        }
        if (end > 0 && end <= 9) {
          e.mtuBytes(Integer.parseInt(digits.substring(0, end)));
        }
      }
    } else {
      e.kind(PingError.Kind.OTHER);
    }
    b.addError(e.build());
  }

  /** {@code From ADDR [(ADDR)] icmp_seq=N TEXT}. */
  private static void remoteError(ImmutablePingResult.Builder b, LineCursor line) throws ParseException {
    line.expect("From ");
    String from = line.word("the reporting address");
    if (line.lookingAt("(")) {
      String inner = line.word();
      from = inner.replace("(", "").replace(")", "");
    }
    ImmutablePingError.Builder e = PingError.builder().from(from).line(line.lineNumber());
    if (line.tryConsume("icmp_seq=") || line.tryConsume("seq=")) {
      e.seq((int) line.number("a sequence number"));
    }
    String text = line.rest();
    e.text(text);
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("frag needed")) {
      e.kind(PingError.Kind.FRAG_NEEDED);
      mtu(e, text, "mtu = ");
    } else if (lower.startsWith("packet too big")) {
      e.kind(PingError.Kind.PACKET_TOO_BIG);
      mtu(e, text, "mtu=");
    } else if (lower.contains("unreachable")) {
      e.kind(PingError.Kind.UNREACHABLE);
    } else if (lower.startsWith("time to live exceeded")) {
      e.kind(PingError.Kind.TTL_EXCEEDED);
    } else {
      e.kind(PingError.Kind.OTHER);
    }
    b.addError(e.build());
  }

  private static void mtu(ImmutablePingError.Builder e, String text, String key) {
    int i = text.indexOf(key);
    if (i < 0) {
      return;
    }
    int s = i + key.length();
    int end = s;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    if (end > s && end - s <= 9) {
      e.mtuBytes(Integer.parseInt(text.substring(s, end)));
    }
  }

  /**
   * {@code N packets transmitted, N received, [+N duplicates, ][+N corrupted, ][+N errors, ]P% packet
   * loss[, time Tms]} and busybox's {@code N packets transmitted, N packets received, P% packet loss}.
   */
  private static void summary(ImmutablePingResult.Builder b, LineCursor line) throws ParseException {
    b.transmitted(line.number("the number of packets transmitted"));
    line.expect("packets transmitted,");
    b.received(line.number("the number of packets received"));
    line.tryConsume("packets");
    line.expect("received,");
    while (line.tryConsume("+")) {
      long n = line.number("a count after '+'");
      String what = line.word("duplicates, corrupted or errors");
      if (what.startsWith("duplicate")) {
        b.duplicates(n);
      } else if (what.startsWith("error")) {
        b.errorCount(n);
      } else if (!what.startsWith("corrupted")) {
        throw line.errorAt(line.position() - what.length(), "expected duplicates, corrupted or errors, found '" + what + "'");
      }
    }
    double loss = line.decimal("the packet loss percentage");
    line.expect("%");
    line.expect("packet loss");
    b.lossPercent(loss);
    if (line.tryConsume(",")) {
      line.expect("time");
      b.timeMillis(line.number("the run time", "ms"));
    }
    end(line);
  }

  /** {@code rtt min/avg/max/mdev = a/b/c/d ms[, pipe N][, ipg/ewma x/y ms]}, busybox {@code round-trip min/avg/max = a/b/c ms}. */
  private static void rtt(ImmutablePingResult.Builder b, LineCursor line) throws ParseException {
    boolean busybox = line.tryConsume("round-trip");
    if (!busybox) {
      line.expect("rtt");
    }
    String names = line.word("min/avg/max[/mdev]");
    line.expect("=");
    String[] keys = names.split("/");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        line.expect("/");
      }
      double v = line.decimal("a round-trip time in ms");
      switch (keys[i]) {
        case "min" -> b.rttMinMillis(v);
        case "avg" -> b.rttAvgMillis(v);
        case "max" -> b.rttMaxMillis(v);
        case "mdev", "stddev" -> b.rttMdevMillis(v);
        default -> { }
      }
    }
    line.expect("ms");
    while (line.tryConsume(",")) {
      if (line.tryConsume("pipe")) {
        b.pipe((int) line.number("the pipe count"));
      } else if (line.tryConsume("ipg/ewma")) {
        line.decimal("the inter-packet gap in ms");
        line.expect("/");
        line.decimal("the ewma in ms");
        line.expect("ms");
      } else {
        throw line.error("'pipe N' or 'ipg/ewma x/y ms'");
      }
    }
    end(line);
  }
}
