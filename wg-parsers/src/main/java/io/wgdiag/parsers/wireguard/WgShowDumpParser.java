package io.wgdiag.parsers.wireguard;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.wireguard.Endpoint;
import io.wgdiag.model.wireguard.ImmutableWgInterface;
import io.wgdiag.model.wireguard.ImmutableWgPeer;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Secrets;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads {@code wg show <if> dump} and {@code wg show all dump} (wireguard-tools {@code
 * dump_print}): tab-separated, one line per interface and one per peer.
 *
 * <pre>{@code
 * [ifname]  private-key  public-key  listen-port  fwmark
 * [ifname]  public-key  preshared-key  endpoint  allowed-ips  latest-handshake  rx  tx  keepalive
 * }</pre>
 *
 * <p>Lines are told apart by their field count: 4 and 8 fields, or 5 and 9 with {@code all}
 * (interface name first). Fields are split at tabs, or at blanks when the tabs were lost in a
 * paste (no field contains a blank). <b>The dump prints the private and preshared keys in
 * clear</b>: they are read past, never stored (only whether each is set), and masked in every error
 * and diagnostic. A key field longer than a key (two fields run together where a tab was lost) is
 * an error, not a key read into the wrong place.
 */
public final class WgShowDumpParser extends LineParser<WgShow> {

  /** Creates the parser. */
  public WgShowDumpParser() {
    super("wg-show-dump", WgShow.class);
  }

  /**
   * Masks the private key of interface lines and the preshared key of peer lines. When the line's
   * layout is not certain (a malformed line), every key-shaped token is masked.
   */
  /** Keys are told apart by their column: public keys are kept, private and preshared never read. */
  @Override
  protected boolean masksKeys() {
    return false;
  }

  @Override
  protected String redact(String line) {
    Fields f = new Fields().split(line);
    int off = (f.count() == 5 || f.count() == 9) ? 1 : 0;
    int n = f.count() - off;
    if ((n == 4 || n == 8) && keyOrPlaceholder(f.get(off)) && keyOrPlaceholder(f.get(off + 1))) {
      String secret = f.get(n == 4 ? off : off + 1); // the private key, or the peer's preshared key
      return isPlaceholder(secret) ? line : line.replace(secret, WgText.REDACTED);
    }
    return WgText.maskKeyMaterial(line); // keys, and pieces of keys a wrap or a paste left
  }

  private static boolean isPlaceholder(String s) {
    return s.equals("(none)") || s.equals("(hidden)");
  }

  private static boolean keyOrPlaceholder(String s) {
    return isPlaceholder(s) || WgText.isKey(s);
  }

  /** Keepalive intervals up to 300 s (25 is the usual one), one shared wrapper each. */
  private static final OptionalInt[] KEEPALIVES = new OptionalInt[301];

  static {
    for (int i = 0; i < KEEPALIVES.length; i++) {
      KEEPALIVES[i] = OptionalInt.of(i);
    }
  }

  @Override
  protected Session<WgShow> newSession() {
    return new Session<>() {
      // In print order; a name printed twice (hand-made dumps do it) starts a second entry.
      final List<ImmutableWgInterface.Builder> interfaces = new ArrayList<>();
      final Map<String, ImmutableWgInterface.Builder> latestByName = new LinkedHashMap<>();
      String current = "";

      final Fields f = new Fields();
      /** One peer's AllowedIPs, reused from peer to peer. */
      final List<IpPrefix> prefixes = new ArrayList<>();

      /** The form, fixed by the first line read: 1 for {@code wg show all dump}, 0 for one interface's, -1 before. */
      int form = -1;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        f.split(line); // positions are in line.source(); base turns them into columns
        int base = line.lineStart();
        int off;
        int n;
        switch (f.count()) {
          case 4, 8 -> off = 0;
          case 5, 9 -> off = 1;
          default -> {
            if (f.count() > 1 && line.text().indexOf('\t') >= 0) {
              throw line.errorAt(0, "expected " + (form == 0 ? "4 or 8" : form == 1 ? "5 or 9" : "4, 5, 8 or 9")
                  + " tab-separated fields, found " + f.count() + " (a tab lost or doubled?)");
            }
            return false;
          }
        }
        if (form >= 0 && off != form) {
          // a line of the other form: a tab lost or doubled shifts every field after it, and a key
          // column would be read as another (a preshared key as the endpoint, a private key as a name)
          throw line.errorAt(0, "expected " + (form == 1 ? "5 or 9" : "4 or 8") + " tab-separated fields as the"
              + " dump's first line has, found " + f.count() + " (a tab lost or doubled?)");
        }
        n = f.count() - off;
        checkColumns(line, f, off, n);
        form = off;
        // one name string per interface, not one per peer line
        String name = off == 1 ? (f.is(0, current) ? current : f.get(0)) : (n == 4 ? "" : current);
        // a key field longer than a key is two fields run together (a tab lost): what would be read
        // as which key is uncertain, and a private key could be kept as a public one
        keyField(line, f, off, n == 4 ? "the private key" : "the public key");
        keyField(line, f, off + 1, n == 4 ? "the public key" : "the preshared key");
        if (n == 4) {
          ImmutableWgInterface.Builder b = WgInterface.builder().name(name).line(line.lineNumber());
          b.hasPrivateKey(!f.is(off, "(none)"));
          if (!f.is(off + 1, "(none)")) {
            b.publicKey(f.get(off + 1));
          }
          long port = number(line, f, off + 2, "the listen port");
          if (port > 65535) {
            throw line.errorAt(f.start(off + 2) - base, "port " + port + " is above 65535");
          }
          if (port != 0) {
            b.listenPort((int) port);
          }
          line.position(f.start(off + 3) - base);
          OptionalLong mark = WgText.fwmark(line);
          if (mark.isPresent()) {
            b.fwmark(mark.getAsLong());
          }
          interfaces.add(b);
          latestByName.put(name, b);
          current = name;
          return true;
        }
        ImmutableWgInterface.Builder owner = latestByName.get(name);
        if (owner == null) {
          throw line.errorAt(0, "expected the interface line of '" + name + "' before its peers");
        }
        // the peer made in one step (ImmutableWgPeer.of): a builder would make a list builder per peer
        String publicKey = f.get(off);
        boolean psk = !f.is(off + 1, "(none)");
        Optional<Endpoint> endpoint = Optional.empty();
        if (!f.is(off + 2, "(none)")) {
          endpoint = Optional.of(WgText.endpoint(line, f.text(), f.start(off + 2), f.end(off + 2), f.start(off + 2) - base));
        }
        ImmutableList<IpPrefix> allowed = ImmutableList.of();
        if (!f.is(off + 3, "(none)")) {
          prefixes.clear();
          int from = f.start(off + 3);
          int to = f.end(off + 3);
          String text = line.source();
          for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == ',') {
              Optional<IpPrefix> prefix = IpPrefix.parse(text, from, i);
              if (prefix.isEmpty()) { // no capturing lambda per prefix: this runs for every peer
                throw line.errorAt(from - base,
                    "expected an IP prefix such as 10.60.0.10/32, found " + line.quoted(text.substring(from, i)));
              }
              prefixes.add(prefix.get());
              from = i + 1;
            }
          }
          allowed = prefixes.size() == 1 ? ImmutableList.of(prefixes.get(0)) : ImmutableList.copyOf(prefixes);
        }
        long hs = number(line, f, off + 4, "the latest handshake in Unix seconds");
        long rx = number(line, f, off + 5, "the received byte count");
        long tx = number(line, f, off + 6, "the sent byte count");
        OptionalInt keepalive = OptionalInt.empty();
        if (!f.is(off + 7, "off")) {
          long k = number(line, f, off + 7, "the keepalive interval in seconds or off");
          if (k > 65535) {
            throw line.errorAt(f.start(off + 7) - base, "keepalive " + k + " s is above 65535");
          }
          if (k != 0) {
            keepalive = k < KEEPALIVES.length ? KEEPALIVES[(int) k] : OptionalInt.of((int) k);
          }
        }
        owner.addPeer(ImmutableWgPeer.of(publicKey, psk, endpoint, allowed, Optional.empty(),
            hs != 0 ? OptionalLong.of(hs) : OptionalLong.empty(), false, rx, tx, true, keepalive, line.lineNumber()));
        return true;
      }

      @Override
      public WgShow finish(int lines, boolean strict) {
        List<WgInterface> out = new ArrayList<>();
        interfaces.forEach(b -> out.add(b.build()));
        return WgShow.builder().interfaces(out).build();
      }
    };
  }

  /**
   * Checks that the fields of a line sit in their columns before any is read: a name of 1 to 15
   * characters, holding no key; non-empty key fields; no key outside the key columns (a preshared
   * key run into the endpoint where a tab was lost); and, where the line holds a real key, a
   * private key (interface line) or public key (peer line) that is a key or a placeholder, not a
   * shifted name (an interface line that lost its public key would keep the private one as public).
   * No field is quoted: any may hold a secret.
   */
  private static void checkColumns(LineCursor line, Fields f, int off, int n) throws ParseException {
    String t = f.text();
    int base = line.lineStart();
    if (off == 1) {
      int len = f.end(0) - f.start(0);
      if (len == 0 || len > 15 || Secrets.containsKey(t, f.start(0), f.end(0))) {
        throw line.errorAt(0, "expected an interface name of 1 to 15 characters as the first field");
      }
    }
    boolean anyKey = false;
    for (int i = off; i < off + n; i++) {
      boolean key = Secrets.containsKey(t, f.start(i), f.end(i));
      anyKey |= key;
      if (i <= off + 1) {
        if (f.end(i) == f.start(i)) {
          throw line.errorAt(f.start(i) - base, "expected " + keyName(n, i - off) + ", found an empty field");
        }
      } else if (key) {
        throw line.errorAt(f.start(i) - base, "expected " + (n == 4 ? "the listen port and fwmark" : "the endpoint,"
            + " AllowedIPs, handshake, byte counts and keepalive") + " after the keys, found a key (a tab lost or doubled?)");
      }
    }
    if (anyKey) {
      String first = f.get(off);
      if (!Secrets.isKey(first) && !isPlaceholder(first) && !looksRedacted(first)) {
        throw line.errorAt(0, "expected " + keyName(n, 0) + " (44 characters) or (none) as field " + (off + 1)
            + ", found a shorter field: a field missing?");
      }
    }
  }

  private static String keyName(int n, int column) {
    return n == 4 ? (column == 0 ? "the private key" : "the public key")
        : (column == 0 ? "the public key" : "the preshared key");
  }

  /** A key redacted by hand: {@code (hidden)}, {@code 2r4...redacted...Kk=}. */
  private static boolean looksRedacted(String s) {
    return s.contains("...") || s.contains("\u2026") || s.toLowerCase(java.util.Locale.ROOT).contains("redact")
        || s.startsWith("(");
  }

  /**
   * Field {@code index} can be a key ({@link WgText#isKeyToken}); a field longer than a key means
   * the line is damaged (a tab lost, two fields run together), and what would be read as which key
   * is uncertain: a private key could be kept as a public one. The field is not echoed in the
   * error, as it may hold a key.
   */
  private static void keyField(LineCursor line, Fields f, int index, String what) throws ParseException {
    String t = f.text();
    int from = f.start(index);
    int to = f.end(index);
    if (!WgText.isKeyToken(t, from, to)) {
      throw line.errorAt(from - line.lineStart(),
          "expected " + what + ": at most 44 characters, as wg prints keys");
    }
  }

  private static long number(LineCursor line, Fields f, int index, String what) throws ParseException {
    int base = line.lineStart();
    line.position(f.start(index) - base);
    long v = line.number(what);
    if (line.position() != f.end(index) - base) {
      throw line.errorAt(f.start(index) - base, "expected " + what + ", found " + line.quoted(f.get(index)));
    }
    return v;
  }
}
