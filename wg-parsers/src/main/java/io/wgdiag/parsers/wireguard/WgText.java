package io.wgdiag.parsers.wireguard;

import io.wgdiag.model.wireguard.Endpoint;
import io.wgdiag.model.wireguard.ImmutableEndpoint;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What both WireGuard forms share: endpoints, AllowedIPs, fwmarks, key masking. */
final class WgText {
  private WgText() {}

  static final String REDACTED = "(redacted)";

  private static final String[] KEYS = {
    "interface", "public key", "private key", "listening port", "fwmark", "peer", "preshared key",
    "endpoint", "allowed ips", "latest handshake", "transfer", "persistent keepalive"
  };

  /** {@link #KEYS} with their colons, made once. */
  private static final String[] KEYS_WITH_COLON = java.util.Arrays.stream(KEYS).map(k -> k + ":").toArray(String[]::new);

  /** The {@code key:} a human-form line starts with (consumed), or null if it starts with none. */
  static @Nullable String key(LineCursor line) {
    for (int i = 0; i < KEYS.length; i++) {
      if (line.tryConsume(KEYS_WITH_COLON[i])) {
        return KEYS[i];
      }
    }
    return null;
  }

  /** Masks the value of a {@code private key:} or {@code preshared key:} line unless it is a placeholder. */
  static String maskKeyLine(String line) {
    for (String k : new String[] {"private key:", "preshared key:"}) {
      int i = line.indexOf(k);
      if (i >= 0) {
        String v = line.substring(i + k.length()).strip();
        if (!v.equals("(hidden)") && !v.equals("(none)") && !v.isEmpty()) {
          return line.substring(0, i + k.length()) + " " + REDACTED;
        }
      }
    }
    return line;
  }

  /** {@code host:port}, {@code [v6]:port}; the whole of {@code text} must be the endpoint. */
  static Endpoint endpoint(LineCursor line, String text) throws ParseException {
    return endpoint(line, text, 0, text.length(), Math.max(0, line.position() - text.length()));
  }

  /**
   * The endpoint in {@code [from, to)} of {@code src}, read in place (only the host becomes a
   * string); errors point at 0-based column {@code at} of the line.
   */
  static Endpoint endpoint(LineCursor line, String src, int from, int to, int at) throws ParseException {
    int hostFrom;
    int hostTo;
    int portFrom;
    if (to > from && src.charAt(from) == '[') {
      int close = Fields.indexOf(src, "]:", from + 1, to);
      if (close < 0) {
        throw line.errorAt(at, "expected an endpoint such as [2001:db8::1]:51820, found '" + src.substring(from, to) + "'");
      }
      hostFrom = from + 1;
      hostTo = close;
      portFrom = close + 2;
    } else {
      int colon = Fields.lastIndexOf(src, ':', from, to);
      if (colon <= from || Fields.indexOf(src, ':', from, to) != colon) { // exactly one colon
        throw line.errorAt(at, "expected an endpoint such as 203.0.113.44:51820, found '" + src.substring(from, to) + "'");
      }
      hostFrom = from;
      hostTo = colon;
      portFrom = colon + 1;
    }
    long value = to - portFrom > 5 ? -1 : Fields.digits(src, portFrom, to); // at most 5 digits
    if (value < 0) {
      throw line.errorAt(at, "expected a port number after the endpoint address, found '" + src.substring(portFrom, to) + "'");
    }
    return ImmutableEndpoint.of(src.substring(hostFrom, hostTo), (int) value);
  }

  /**
   * The rest of the line as AllowedIPs separated by {@code ','} ({@code ", "} in the human form),
   * read in place into {@code out} (cleared first; a parser reuses one list): pieces stripped,
   * trailing empty pieces dropped as {@link String#split} drops them, {@code (none)} or nothing
   * empty; a bad piece fails at its first place in the line.
   */
  static void allowedIpsInPlace(LineCursor line, List<IpPrefix> out) throws ParseException {
    out.clear();
    String src = line.source();
    int from = line.restStart();
    int to = line.restEnd();
    line.skipRest(); // the whole rest is read, as rest() does
    if (to == from || (to - from == 6 && src.startsWith("(none)", from))) {
      return;
    }
    int end = to;
    while (end > from && src.charAt(end - 1) == ',') {
      end--; // split() drops trailing empty pieces
    }
    // only commas: split() gives no piece at all
    for (int piece = from; piece < end; ) {
      int comma = Fields.indexOf(src, ',', piece, end);
      if (comma < 0) {
        comma = end;
      }
      int pFrom = Fields.trimStart(src, piece, comma);
      int pTo = Fields.trimEnd(src, pFrom, comma);
      java.util.Optional<IpPrefix> prefix = IpPrefix.parse(src, pFrom, pTo);
      if (prefix.isEmpty()) {
        String p = src.substring(pFrom, pTo);
        throw line.errorAt(Math.max(0, line.text().indexOf(p)), "expected an IP prefix such as 10.60.0.10/32, found '" + p + "'");
      }
      out.add(prefix.get());
      piece = comma + 1;
    }
  }

  /** {@code 0xca6c}, a decimal, or {@code off}; off is empty. */
  static java.util.OptionalLong fwmark(LineCursor line) throws ParseException {
    String w = line.word("a fwmark such as 0xca6c or off");
    if (w.equals("off")) {
      return java.util.OptionalLong.empty();
    }
    try {
      long v = w.startsWith("0x") ? Long.parseUnsignedLong(w.substring(2), 16) : Long.parseLong(w);
      return v == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(v);
    } catch (NumberFormatException e) {
      throw line.errorAt(line.position() - w.length(), "expected a fwmark such as 0xca6c or off, found '" + w + "'");
    }
  }
}
