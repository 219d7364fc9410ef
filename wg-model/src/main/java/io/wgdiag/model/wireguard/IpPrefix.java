package io.wgdiag.model.wireguard;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An IP prefix as WireGuard prints AllowedIPs: {@code 10.60.0.10/32}, {@code fd00::/64}. A bare
 * address is a host prefix (/32 or /128).
 */
@Value.Immutable
public abstract class IpPrefix {

  /** The network address as printed, e.g. {@code 10.20.0.0}. */
  @Value.Parameter
  public abstract String address();

  /** The prefix length in bits (0–32 for IPv4, 0–128 for IPv6). */
  @Value.Parameter
  public abstract int length();

  /** Whether this is an IPv6 prefix. */
  @Value.Derived
  public boolean isIpv6() {
    return address().indexOf(':') >= 0;
  }

  @Value.Check
  protected void check() {
    if (!valid(address())) {
      throw new IllegalStateException("not an IP address: " + address());
    }
    if (length() < 0 || length() > (isIpv6() ? 128 : 32)) {
      throw new IllegalStateException("prefix length out of range: " + this);
    }
  }

  /** {@code address/length}, or empty if {@code text} is not an IPv4/IPv6 prefix or address. */
  public static Optional<IpPrefix> parse(String text) {
    return parse(text, 0, text.length());
  }

  /**
   * Reads the prefix in {@code [from, to)} of {@code text}, as {@link #parse(String)} does, making
   * only the address a string: parsers read AllowedIPs where they stand in a line.
   */
  public static Optional<IpPrefix> parse(String text, int from, int to) {
    int slash = -1;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '/') {
        slash = i;
        break;
      }
    }
    String addr = text.substring(from, slash < 0 ? to : slash);
    if (!valid(addr)) {
      return Optional.empty();
    }
    int max = addr.indexOf(':') >= 0 ? 128 : 32;
    int len = max;
    if (slash >= 0) {
      if (to - slash - 1 < 1 || to - slash - 1 > 3) {
        return Optional.empty();
      }
      len = 0;
      for (int i = slash + 1; i < to; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        len = len * 10 + (c - '0');
      }
      if (len > max) {
        return Optional.empty();
      }
    }
    return Optional.of(ImmutableIpPrefix.of(addr.toLowerCase(Locale.ROOT), len));
  }


  /** Whether {@code other} lies wholly inside this prefix (same family). */
  public boolean contains(IpPrefix other) {
    if (other.isIpv6() != isIpv6() || other.length() < length()) {
      return false;
    }
    return samePrefix(addressBytes(), other.addressBytes(), length());
  }

  /** The address bytes, read once per value on first use; never handed out (arrays are mutable). */
  @Value.Lazy
  byte[] addressBytes() {
    return bytes(address()).orElseThrow();
  }

  /** The address as 4 (IPv4) or 16 (IPv6) bytes, network order; a fresh array. */
  public byte[] toBytes() {
    return addressBytes().clone();
  }

  /** Whether this prefix and {@code other} share any address. */
  public boolean overlaps(IpPrefix other) {
    return contains(other) || other.contains(this);
  }

  /** Whether the address {@code ip} (a literal) lies inside this prefix. */
  public boolean contains(String ip) {
    return parse(ip).map(this::contains).orElse(false);
  }

  private static boolean samePrefix(byte[] a, byte[] b, int bits) {
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an IPv4 or IPv6 literal (no name lookup), or empty. */
  /** Whether {@code s} is an IPv4 or IPv6 address; an IPv4 address is checked without allocating. */
  static boolean valid(String s) {
    return s.indexOf(':') >= 0 ? v6(s) != null : v4(s, 0, s.length(), null, 0) != null;
  }

  private static final byte[] VALID = new byte[0];

  static Optional<byte[]> bytes(String s) {
    byte[] out = s.indexOf(':') >= 0 ? v6(s) : v4(s, 0, s.length(), new byte[4], 0);
    return Optional.ofNullable(out);
  }

  /** Dotted quad {@code s[from, to)} into {@code out[at..at+3]}; null if it is not one. Linear, no garbage. */
  /** The address in {@code out} (or only checked, when {@code out} is null); null if it is none. */
  private static byte @org.jspecify.annotations.Nullable [] v4(
      String s, int from, int to, byte @org.jspecify.annotations.Nullable [] out, int at) {
    int part = 0;
    int value = 0;
    int digits = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return null;
        }
      } else if (c == '.' && digits > 0 && part < 4) {
        if (out != null) {
          out[at + part] = (byte) value;
        }
        part++;
        value = 0;
        digits = 0;
      } else {
        return null;
      }
    }
    return part == 4 ? (out != null ? out : VALID) : null;
  }

  /** RFC 4291 text (with {@code ::}, an embedded dotted quad, a {@code %zone}); null if it is not one. */
  private static byte @org.jspecify.annotations.Nullable [] v6(String s) {
    int pct = s.indexOf('%');
    int end = pct >= 0 ? pct : s.length();
    if (end > 45) {
      return null;
    }
    int[] groups = new int[8];
    int n = 0;
    int gap = -1; // the group index where "::" stands
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    }
    while (i < end) {
      int start = i;
      int v = 0;
      while (i < end && s.charAt(i) != ':' && s.charAt(i) != '.') {
        int d = Character.digit(s.charAt(i), 16);
        if (d < 0 || i - start >= 4) {
          return null;
        }
        v = v * 16 + d;
        i++;
      }
      if (i < end && s.charAt(i) == '.') { // the last 32 bits as a dotted quad
        byte[] q = v4(s, start, end, new byte[4], 0);
        if (q == null || n > 6) {
          return null;
        }
        groups[n++] = ((q[0] & 255) << 8) | (q[1] & 255);
        groups[n++] = ((q[2] & 255) << 8) | (q[3] & 255);
        i = end;
        break;
      }
      if (i == start || n >= 8) {
        return null;
      }
      groups[n++] = v;
      if (i < end) { // at ':'
        i++;
        if (i < end && s.charAt(i) == ':') {
          if (gap >= 0) {
            return null;
          }
          gap = n;
          i++;
        } else if (i == end) {
          return null; // a trailing single ':'
        }
      }
    }
    if ((gap < 0 && n != 8) || (gap >= 0 && n > 7)) {
      return null;
    }
    byte[] out = new byte[16];
    int tail = gap < 0 ? 0 : n - gap;
    for (int g = 0; g < n; g++) {
      int slot = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
      out[2 * slot] = (byte) (groups[g] >> 8);
      out[2 * slot + 1] = (byte) groups[g];
    }
    return out;
  }

  @Override
  public String toString() {
    return address() + "/" + length();
  }
}
