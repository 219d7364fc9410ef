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

  static final String REDACTED = io.wgdiag.parsers.Secrets.REDACTED;

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

  /**
   * The line as an error or a diagnostic may show it: the value of a {@code private key:} or {@code
   * preshared key:} line masked unless it is a placeholder; a line that starts with one of the
   * other labels as printed; any other line (damaged, wrapped, or the output of {@code wg show wg0
   * private-key}) with its key material masked ({@link #maskKeyMaterial}).
   */
  static String maskKeyLine(String line) {
    // the first secret label on the line: everything after it is masked (a damaged line may hold
    // both labels), and key material before it too
    int priv = line.indexOf("private key:");
    int psk = line.indexOf("preshared key:");
    int at = priv < 0 ? psk : psk < 0 ? priv : Math.min(priv, psk);
    if (at >= 0) {
      int valueFrom = at + (at == priv ? "private key:" : "preshared key:").length();
      String v = line.substring(valueFrom).strip();
      if (v.equals("(hidden)") || v.equals("(none)") || v.isEmpty()) {
        return line;
      }
      return maskKeyMaterial(line.substring(0, valueFrom)) + " " + REDACTED;
    }
    String t = line.stripLeading();
    for (String k : KEYS_WITH_COLON) {
      if (t.startsWith(k)) {
        // a label wg prints with no secret after it: the public key of "peer:" and "public key:"
        // and the name of "interface:" are shown, anything after them (a damaged line) is masked
        // where it looks like key material
        int valueFrom = line.length() - t.length() + k.length();
        if (k.equals("peer:") || k.equals("public key:") || k.equals("interface:")) {
          while (valueFrom < line.length() && line.charAt(valueFrom) == ' ') {
            valueFrom++;
          }
          while (valueFrom < line.length() && line.charAt(valueFrom) != ' ' && line.charAt(valueFrom) != '\t') {
            valueFrom++;
          }
        }
        String rest = maskKeyMaterial(line.substring(valueFrom));
        return rest.equals(line.substring(valueFrom)) ? line : line.substring(0, valueFrom) + rest;
      }
    }
    return maskKeyMaterial(line);
  }

  /**
   * {@code line} with every token that may be a key or a piece of one masked: a run of base64
   * characters ({@code A-Z a-z 0-9 + /}, then any {@code =}) of 16 or more, or of 6 or more that
   * mixes three of digits, capitals, small letters and {@code + / =} (a key cut by a line wrap or a
   * paste leaves such pieces; words and numbers rarely look like that). For lines whose layout is
   * unknown, where a private key cannot be told from a public one.
   */
  static String maskKeyMaterial(String line) {
    StringBuilder out = null;
    int done = 0;
    int n = line.length();
    int i = 0;
    while (i < n) {
      if (!isBase64(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isBase64(line.charAt(i))) {
        i++;
      }
      while (i < n && line.charAt(i) == '=') {
        i++;
      }
      if (looksLikeKeyMaterial(line, start, i)) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(line, done, start).append(REDACTED);
        done = i;
      }
    }
    return out == null ? line : out.append(line, done, n).toString();
  }

  /**
   * Whether {@code [from, to)} of {@code text} can be a key field: at most 44 characters, as wg
   * prints keys (44) and placeholders ({@code (none)}, {@code (hidden)}), and as hand-made inputs
   * abbreviate them ({@code PUB0}); or a copy redacted by hand of any length, one token holding
   * {@code redact} in any case, {@code ...} or {@code …} ({@code 2r4...redacted...Kk=}). A longer
   * field is two fields run together. Constant time for a key: this runs twice per dump line.
   */
  static boolean isKeyToken(String text, int from, int to) {
    if (to - from <= 44) {
      return true;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        return false;
      }
    }
    return Fields.indexOf(text, "...", from, to) >= 0 || Fields.indexOf(text, "\u2026", from, to) >= 0
        || text.substring(from, to).toLowerCase(java.util.Locale.ROOT).contains("redact");
  }

  /**
   * Whether {@code token} is shaped as wg prints a key: 44 characters, 43 of the base64 alphabet
   * ({@code A-Z a-z 0-9 + /}) and a closing {@code =}.
   */
  static boolean isKey(String token) {
    return io.wgdiag.parsers.Secrets.isKey(token);
  }

  private static boolean isBase64(char c) {
    return io.wgdiag.parsers.Secrets.isBase64(c);
  }

  private static boolean looksLikeKeyMaterial(String line, int from, int to) {
    int len = to - from;
    if (len >= 16) {
      return true;
    }
    if (len < 6) {
      return false;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    boolean symbol = false;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      symbol |= c == '+' || c == '/' || c == '=';
    }
    return (digit ? 1 : 0) + (upper ? 1 : 0) + (lower ? 1 : 0) + (symbol ? 1 : 0) >= 3;
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
        throw line.errorAt(at, "expected an endpoint such as [2001:db8::1]:51820, found " + line.quoted(src.substring(from, to)));
      }
      hostFrom = from + 1;
      hostTo = close;
      portFrom = close + 2;
    } else {
      int colon = Fields.lastIndexOf(src, ':', from, to);
      if (colon <= from || Fields.indexOf(src, ':', from, to) != colon) { // exactly one colon
        throw line.errorAt(at, "expected an endpoint such as 203.0.113.44:51820, found " + line.quoted(src.substring(from, to)));
      }
      hostFrom = from;
      hostTo = colon;
      portFrom = colon + 1;
    }
    long value = to - portFrom > 5 ? -1 : Fields.digits(src, portFrom, to); // at most 5 digits
    if (value < 0) {
      throw line.errorAt(at, "expected a port number after the endpoint address, found " + line.quoted(src.substring(portFrom, to)));
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
        throw line.errorAt(Math.max(0, line.text().indexOf(p)), "expected an IP prefix such as 10.60.0.10/32, found " + line.quoted(p));
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
      throw line.errorAt(line.position() - w.length(), "expected a fwmark such as 0xca6c or off, found " + line.quoted(w));
    }
  }
}
