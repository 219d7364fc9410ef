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
    if (bytes(address()).isEmpty()) {
      throw new IllegalStateException("not an IP address: " + address());
    }
    if (length() < 0 || length() > (isIpv6() ? 128 : 32)) {
      throw new IllegalStateException("prefix length out of range: " + this);
    }
  }

  /** {@code address/length}, or empty if {@code text} is not an IPv4/IPv6 prefix or address. */
  public static Optional<IpPrefix> parse(String text) {
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    Optional<byte[]> b = bytes(addr);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    int max = b.get().length * 8;
    int len = max;
    if (slash >= 0) {
      String l = text.substring(slash + 1);
      if (l.isEmpty() || l.length() > 3 || !l.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      len = Integer.parseInt(l);
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
    return samePrefix(bytes(address()).orElseThrow(), bytes(other.address()).orElseThrow(), length());
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
  static Optional<byte[]> bytes(String s) {
    if (s.indexOf(':') >= 0) {
      return v6(s);
    }
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (p[i].isEmpty() || p[i].length() > 3 || !p[i].chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int v = Integer.parseInt(p[i]);
      if (v > 255) {
        return Optional.empty();
      }
      out[i] = (byte) v;
    }
    return Optional.of(out);
  }

  private static Optional<byte[]> v6(String s) {
    int pct = s.indexOf('%');
    String a = pct >= 0 ? s.substring(0, pct) : s;
    if (a.length() > 45) {
      return Optional.empty();
    }
    int dbl = a.indexOf("::");
    if (dbl >= 0 && a.indexOf("::", dbl + 1) >= 0) {
      return Optional.empty();
    }
    String head = dbl >= 0 ? a.substring(0, dbl) : a;
    String tail = dbl >= 0 ? a.substring(dbl + 2) : "";
    java.util.List<Integer> h = groups(head);
    java.util.List<Integer> t = groups(tail);
    if (h == null || t == null) {
      return Optional.empty();
    }
    int n = h.size() + t.size();
    if ((dbl < 0 && n != 8) || (dbl >= 0 && n > 7)) {
      return Optional.empty();
    }
    byte[] out = new byte[16];
    for (int i = 0; i < h.size(); i++) {
      out[2 * i] = (byte) (h.get(i) >> 8);
      out[2 * i + 1] = (byte) (int) h.get(i);
    }
    for (int i = 0; i < t.size(); i++) {
      int g = 8 - t.size() + i;
      out[2 * g] = (byte) (t.get(i) >> 8);
      out[2 * g + 1] = (byte) (int) t.get(i);
    }
    return Optional.of(out);
  }

  private static java.util.@org.jspecify.annotations.Nullable List<Integer> groups(String part) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    if (part.isEmpty()) {
      return out;
    }
    String[] g = part.split(":", -1);
    for (int i = 0; i < g.length; i++) {
      String x = g[i];
      if (i == g.length - 1 && x.indexOf('.') >= 0) {
        Optional<byte[]> v4 = bytes(x);
        if (v4.isEmpty()) {
          return null;
        }
        byte[] b = v4.get();
        out.add(((b[0] & 255) << 8) | (b[1] & 255));
        out.add(((b[2] & 255) << 8) | (b[3] & 255));
        continue;
      }
      if (x.isEmpty() || x.length() > 4) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < x.length(); k++) {
        int d = Character.digit(x.charAt(k), 16);
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public String toString() {
    return address() + "/" + length();
  }
}
