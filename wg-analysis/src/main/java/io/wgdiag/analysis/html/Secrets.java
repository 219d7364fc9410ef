package io.wgdiag.analysis.html;

import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.Host;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Masks key material in text bound for the page: the value after {@code private key:} or {@code
 * preshared key:}, the private and preshared fields of a {@code wg show dump} line, and any other
 * token shaped as a WireGuard key (44 base64 characters ending in {@code =}) that is not one of the
 * public keys the case itself holds.
 */
final class Secrets {
  static final String REDACTED = "(redacted)";

  private final Set<String> publicKeys;

  Secrets(Set<String> publicKeys) {
    this.publicKeys = publicKeys;
  }

  /** The public keys {@code kase} holds (interfaces and peers of every wg show): shown as they are. */
  static Set<String> publicKeysOf(Case kase) {
    Set<String> keys = new LinkedHashSet<>();
    for (Host h : Host.values()) {
      kase.host(h).ifPresent(s -> {
        for (Fact<WgShow> f : s.facts(WgShow.class)) {
          for (WgInterface i : f.value().interfaces()) {
            i.publicKey().ifPresent(keys::add);
            for (WgPeer p : i.peers()) {
              keys.add(p.publicKey());
            }
          }
        }
      });
    }
    return keys;
  }

  /** {@code text} with its key material replaced by {@link #REDACTED}. */
  String mask(String text) {
    String t = maskLabelled(text, "private key");
    t = maskLabelled(t, "preshared key");
    t = maskLabelled(t, "privatekey"); // wg-quick's configuration: PrivateKey = ...
    t = maskLabelled(t, "presharedkey");
    t = maskDumpFields(t);
    return maskKeyShaped(t);
  }

  /**
   * The value after {@code label:} or {@code label =} (any case, spaces around the separator) up to
   * the end of its word; the label without a separator after it ({@code private keys never ...}) is
   * prose and stays.
   */
  private static String maskLabelled(String text, String label) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf(label);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int done = 0;
    while (at >= 0) {
      int i = at + label.length();
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= text.length() || (text.charAt(i) != ':' && text.charAt(i) != '=')) {
        at = lower.indexOf(label, at + label.length());
        continue;
      }
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':' || text.charAt(i) == '=' || text.charAt(i) == '\t')) {
        i++;
      }
      int end = i;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String value = text.substring(i, end);
      out.append(text, done, i);
      if (value.isEmpty() || value.equals("(hidden)") || value.equals("(none)") || value.equals(REDACTED)) {
        out.append(value);
      } else {
        out.append(REDACTED);
      }
      done = end;
      at = lower.indexOf(label, end);
    }
    return out.append(text, done, text.length()).toString();
  }

  /**
   * A {@code wg show dump} line: the interface line's first field (private key) and a peer line's
   * second field (preshared key), with or without the leading interface name of {@code wg show all
   * dump}.
   */
  private static String maskDumpFields(String text) {
    if (text.indexOf('\t') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    String[] lines = text.split("\n", -1);
    for (int li = 0; li < lines.length; li++) {
      String[] f = lines[li].split("\t", -1);
      int offset = (f.length == 5 || f.length == 9) ? 1 : 0;
      int n = f.length - offset;
      if (n == 4 && !isPlaceholder(f[offset])) {
        f[offset] = REDACTED;
      } else if (n == 8 && !isPlaceholder(f[offset + 1])) {
        f[offset + 1] = REDACTED;
      }
      out.append(String.join("\t", f));
      if (li < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static boolean isPlaceholder(String s) {
    return s.equals("(hidden)") || s.equals("(none)") || s.equals("off") || s.isEmpty() || s.equals(REDACTED);
  }

  private String maskKeyShaped(String text) {
    StringBuilder out = null;
    int done = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isBase64(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isBase64(text.charAt(i))) {
        i++;
      }
      while (i < n && text.charAt(i) == '=') {
        i++;
      }
      if (i - start == 44 && text.charAt(i - 1) == '=' && !publicKeys.contains(text.substring(start, i))) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, done, start).append(REDACTED);
        done = i;
      }
    }
    return out == null ? text : out.append(text, done, n).toString();
  }

  /** Whether {@code token} is shaped as wg prints a key: 43 base64 characters and {@code =}. */
  static boolean isKeyShaped(String token) {
    if (token.length() != 44 || token.charAt(43) != '=') {
      return false;
    }
    for (int i = 0; i < 43; i++) {
      if (!isBase64(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }
}
