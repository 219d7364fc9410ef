package io.wgdiag.examples.cli;

import io.wgdiag.parsers.Secrets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code collect} does to text before it reaches disk: it removes key material always, and with
 * {@code --anonymize} replaces public IP addresses and WireGuard public keys consistently (the same
 * input always maps to the same stand-in within one bundle).
 */
final class Redaction {
  private final boolean anonymize;
  private final Map<String, String> addresses = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();

  Redaction(boolean anonymize) {
    this.anonymize = anonymize;
  }

  /** Applies the redaction to a command's output. */
  String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String l = keyLine(line);
      if (anonymize) {
        l = anonymizeLine(l);
      }
      out.append(l).append('\n');
    }
    out.setLength(Math.max(0, out.length() - 1));
    return out.toString();
  }

  /**
   * A line with its secrets removed: a {@code wg show dump} line as {@link #dumpLine} does it; a
   * {@code peer:} or {@code public key:} line of {@code wg show} as it is; any other line with
   * every key masked ({@link Secrets#mask}: a {@code PrivateKey =} line of a config, a private key
   * printed alone).
   */
  static String keyLine(String line) {
    String d = dumpLine(line);
    if (d != line) {
      return d;
    }
    String t = line.stripLeading();
    if (t.startsWith("peer: ") || t.startsWith("public key: ")) {
      int v = line.indexOf(": ") + 2;
      String key = line.substring(v).strip();
      return Secrets.isKey(key) ? line : Secrets.mask(line);
    }
    return Secrets.mask(line);
  }

  /**
   * {@code wg show dump} prints the private key (interface lines) and the preshared key (peer
   * lines) in clear: replace both with {@code (hidden)}, whatever else the line holds.
   */
  static String dumpLine(String line) {
    if (line.indexOf('\t') < 0) {
      return line;
    }
    String[] f = line.split("\t", -1);
    int offset = (f.length == 5 || f.length == 9) ? 1 : 0;
    int n = f.length - offset;
    String publicKey;
    if (n == 4 && Secrets.isKey(f[offset])) {
      f[offset] = "(hidden)";
      publicKey = f[offset + 1];
    } else if (n == 8 && !f[offset + 1].equals("(none)")) {
      f[offset + 1] = "(hidden)";
      publicKey = f[offset];
    } else {
      return line;
    }
    // the public key is kept (when it is one key and nothing more); any other key is masked
    return Secrets.mask(String.join("\t", f), Secrets.isKey(publicKey) ? java.util.Set.of(publicKey) : java.util.Set.of());
  }

  private String anonymizeLine(String line) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      int j = i;
      while (j < line.length() && isTokenChar(line.charAt(j))) {
        j++;
      }
      if (j > i) {
        out.append(replaceToken(line.substring(i, j)));
        i = j;
      } else {
        out.append(line.charAt(i++));
      }
    }
    return out.toString();
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '+' || c == '/' || c == '=';
  }

  private String replaceToken(String token) {
    if (token.length() == 44 && token.endsWith("=") && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=')) {
      return keys.computeIfAbsent(token, k -> {
        String n = Integer.toString(keys.size() + 1);
        return "AnonymizedPublicKey" + "0".repeat(24 - n.length()) + n + "=";
      });
    }
    // addr, addr/len, addr:port, addr.port (tcpdump)
    String core = token;
    String tail = "";
    int slash = core.indexOf('/');
    if (slash > 0) {
      tail = core.substring(slash);
      core = core.substring(0, slash);
    }
    if (core.chars().filter(c -> c == '.').count() == 4) {
      int last = core.lastIndexOf('.');
      tail = core.substring(last) + tail;
      core = core.substring(0, last);
    } else if (core.chars().filter(c -> c == '.').count() == 3 && core.indexOf(':') > 0) {
      int colon = core.lastIndexOf(':');
      tail = core.substring(colon) + tail;
      core = core.substring(0, colon);
    }
    if (!looksLikeIp(core)) {
      return token;
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(core);
    } catch (UnknownHostException e) {
      return token;
    }
    if (!isPublic(a)) {
      return token;
    }
    String stand = addresses.computeIfAbsent(core, k -> {
      int n = addresses.size() + 1;
      return a.getAddress().length == 4
          ? "203.0." + (113 + n / 250) + "." + (n % 250 + 1)
          : "2001:db8:ffff::" + Integer.toHexString(n);
    });
    return stand + tail;
  }

  private static boolean looksLikeIp(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return false;
    }
    boolean v4 = s.chars().allMatch(c -> Character.isDigit(c) || c == '.') && s.chars().filter(c -> c == '.').count() == 3;
    boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
        && s.chars().filter(c -> c == ':').count() >= 2;
    return v4 || v6;
  }

  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int x = b[0] & 255;
      int y = b[1] & 255;
      int z = b[2] & 255;
      if (x == 100 && y >= 64 && y < 128) {
        return false; // CGNAT
      }
      if ((x == 192 && y == 0 && z == 2) || (x == 198 && y == 51 && z == 100) || (x == 203 && y == 0 && z == 113)) {
        return false; // documentation ranges are already anonymous
      }
      if (x == 198 && (y == 18 || y == 19)) {
        return false; // benchmarking
      }
      return x != 0 && x < 224;
    }
    int first = ((b[0] & 255) << 8) | (b[1] & 255);
    if ((first & 0xfe00) == 0xfc00) {
      return false; // ULA
    }
    return !(first == 0x2001 && (b[2] & 255) == 0x0d && (b[3] & 255) == 0xb8);
  }
}
