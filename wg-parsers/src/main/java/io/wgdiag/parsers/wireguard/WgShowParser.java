package io.wgdiag.parsers.wireguard;

import io.wgdiag.model.wireguard.Endpoint;
import io.wgdiag.model.wireguard.ImmutableWgInterface;
import io.wgdiag.model.wireguard.ImmutableWgPeer;
import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Secrets;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code wg show} in its human form (wireguard-tools {@code show.c}, {@code pretty_print}):
 * one or several interfaces and their peers.
 *
 * <pre>{@code
 * interface: wg0
 *   public key: 2r4...redacted...Kk=
 *   private key: (hidden)
 *   listening port: 51820
 *
 * peer: q0D...redacted...xw=
 *   preshared key: (hidden)
 *   endpoint: 203.0.113.44:51820
 *   allowed ips: 10.60.0.10/32, 10.20.0.0/16
 *   latest handshake: 1 hour, 2 minutes, 5 seconds ago
 *   transfer: 18.42 GiB received, 25.11 GiB sent
 *   persistent keepalive: every 25 seconds
 * }</pre>
 *
 * <p>Structure is read from the {@code interface:} and {@code peer:} keys, never from indentation
 * (pasted copies lose it). Keys are opaque tokens (redacted copies are accepted). A private or
 * preshared key printed in clear ({@code WG_HIDE_KEYS=never}) is read past and masked in errors:
 * only its presence is kept. A line the parser cannot read (a label misspelt or split from its key,
 * a key wrapped onto the next line) is reported with whatever may be key material masked.
 */
public final class WgShowParser extends LineParser<WgShow> {

  /** Creates the parser. */
  public WgShowParser() {
    super("wg-show", WgShow.class);
  }

  /** Keys are told apart by their column: public keys are kept, private and preshared never read. */
  @Override
  protected boolean masksKeys() {
    return false;
  }

  @Override
  protected String redact(String line) {
    return WgText.maskKeyLine(line);
  }

  /** The labels whose value is a key: the public ones kept, the private and preshared read past. */
  private static final java.util.Set<String> KEY_LABELS = java.util.Set.of("peer", "public key", "private key", "preshared key");

  @Override
  protected Session<WgShow> newSession() {
    return new Session<>() {
      final List<WgInterface> done = new ArrayList<>();
      ImmutableWgInterface.@Nullable Builder iface;
      ImmutableWgPeer.@Nullable Builder peer;
      /** The prefixes of one 'allowed ips' line, reused from line to line. */
      final List<IpPrefix> prefixes = new ArrayList<>();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String key = WgText.key(line);
        if (key == null) {
          return false;
        }
        if (!KEY_LABELS.contains(key) && Secrets.containsKey(line.source(), line.restStart(), line.restEnd())) {
          // a key where wg prints none: a damaged paste; it must not become a name or a host
          throw line.errorAt(line.position(), "expected the " + key + ", found a key");
        }
        switch (key) {
          case "interface":
            closeInterface();
            iface = WgInterface.builder().name(line.word("the interface name")).line(line.lineNumber());
            return end(line);
          case "peer":
            ImmutableWgInterface.Builder owner = iface;
            if (owner == null) {
              throw line.errorAt(0, "expected an 'interface:' line before this peer");
            }
            closePeer(owner);
            peer = WgPeer.builder().publicKey(publicKey(line, "the peer's public key")).transferExact(true).line(line.lineNumber());
            return end(line);
          case "public key":
            requireInterface(line).publicKey(publicKey(line, "the public key"));
            return end(line);
          case "private key":
            requireInterface(line).hasPrivateKey(!line.word("a key, (hidden) or (none)").equals("(none)"));
            return end(line);
          case "listening port":
            requireInterface(line).listenPort(port(line));
            return end(line);
          case "fwmark":
            requireInterface(line).fwmark(WgText.fwmark(line));
            return end(line);
          case "preshared key":
            requirePeer(line).hasPresharedKey(!line.word("a key, (hidden) or (none)").equals("(none)"));
            return end(line);
          case "endpoint":
            ImmutableWgPeer.Builder e = requirePeer(line);
            // the rest of the line in place, as line.rest() would give it
            int from = line.restStart();
            int to = line.restEnd();
            line.skipRest();
            int lineLength = line.lineEnd() - line.lineStart();
            e.endpoint(WgText.endpoint(line, line.source(), from, to, Math.max(0, lineLength - (to - from))));
            return true;
          case "allowed ips":
            ImmutableWgPeer.Builder p = requirePeer(line);
            WgText.allowedIpsInPlace(line, prefixes); // all or none: a bad prefix adds nothing
            p.addAllAllowedIps(prefixes);
            return true;
          case "latest handshake":
            handshake(requirePeer(line), line);
            return true;
          case "transfer":
            transfer(requirePeer(line), line);
            return true;
          case "persistent keepalive":
            ImmutableWgPeer.Builder k = requirePeer(line);
            if (line.tryConsumeWord("off")) {
              return end(line);
            }
            line.expect("every");
            k.persistentKeepaliveSeconds((int) Math.min(Integer.MAX_VALUE, duration(line).getSeconds()));
            return end(line);
          default:
            return false;
        }
      }

      /** A public key: a key, or a token holding none (a placeholder, an abbreviation), never a key run into more. */
      private String publicKey(LineCursor line, String what) throws ParseException {
        int at = line.skipBlanks().position();
        String w = line.word(what);
        if (!Secrets.isKey(w) && Secrets.containsKey(w)) {
          throw line.errorAt(at, "expected " + what + " (44 characters), found a longer token holding a key");
        }
        return w;
      }

      private ImmutableWgInterface.Builder requireInterface(LineCursor line) throws ParseException {
        ImmutableWgInterface.Builder b = iface;
        if (b == null) {
          throw line.errorAt(0, "expected an 'interface:' line before this one");
        }
        if (peer != null) {
          throw line.errorAt(0, "interface attribute after a 'peer:' line; expected it before the first peer");
        }
        return b;
      }

      private ImmutableWgPeer.Builder requirePeer(LineCursor line) throws ParseException {
        ImmutableWgPeer.Builder b = peer;
        if (b == null) {
          throw line.errorAt(0, "expected a 'peer:' line before this one");
        }
        return b;
      }

      private void closePeer(ImmutableWgInterface.Builder owner) {
        if (peer != null) {
          owner.addPeer(peer.build());
          peer = null;
        }
      }

      private void closeInterface() {
        ImmutableWgInterface.Builder b = iface;
        if (b != null) {
          closePeer(b);
          done.add(b.build());
          iface = null;
        }
      }

      @Override
      public WgShow finish(int lines, boolean strict) {
        closeInterface();
        return WgShow.builder().interfaces(done).build();
      }
    };
  }

  private static boolean end(LineCursor line) throws ParseException {
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
    return true;
  }

  private static int port(LineCursor line) throws ParseException {
    long p = line.number("a port number");
    if (p > 65535) {
      throw line.errorAt(line.position() - 1, "port " + p + " is above 65535");
    }
    return (int) p;
  }

  /** {@code Now}, {@code 1 hour, 2 minutes, 5 seconds ago} or the clock-wound-backward message. */
  private static void handshake(ImmutableWgPeer.Builder peer, LineCursor line) throws ParseException {
    if (line.tryConsumeWord("Now")) {
      peer.latestHandshakeAge(Duration.ZERO);
      end(line);
      return;
    }
    if (line.lookingAt("(System clock wound backward")) {
      peer.clockWoundBackward(true);
      line.skipRest();
      return;
    }
    Duration d = duration(line);
    line.expect("ago");
    end(line);
    peer.latestHandshakeAge(d);
  }

  /** {@code 1 year, 2 days, 3 hours, 4 minutes, 5 seconds} ({@code pretty_time}); a year is 365 days. */
  static Duration duration(LineCursor line) throws ParseException {
    long seconds = 0;
    boolean any = false;
    while (line.atDigit()) {
      long n = line.number("a count");
      String unit = line.word("a time unit (years, days, hours, minutes, seconds)");
      if (unit.endsWith(",")) {
        unit = unit.substring(0, unit.length() - 1);
      } else {
        line.tryConsume(",");
      }
      long f = switch (unit) {
        case "year", "years" -> 365L * 86400;
        case "day", "days" -> 86400;
        case "hour", "hours" -> 3600;
        case "minute", "minutes" -> 60;
        case "second", "seconds" -> 1;
        default -> throw line.errorAt(line.position() - unit.length(), "expected a time unit (years, days, hours, minutes, seconds), found '" + unit + "'");
      };
      seconds += n * f;
      any = true;
    }
    if (!any) {
      throw line.error("a duration such as '28 seconds'");
    }
    return Duration.ofSeconds(seconds);
  }

  /** {@code 18.42 GiB received, 25.11 GiB sent} ({@code bytes()}: B below 1 KiB, else two decimals). */
  private static void transfer(ImmutableWgPeer.Builder peer, LineCursor line) throws ParseException {
    long rx = size(line);
    line.expect("received,");
    long tx = size(line);
    line.expect("sent");
    end(line);
    peer.rxBytes(rx).txBytes(tx).transferExact(false);
  }

  private static long size(LineCursor line) throws ParseException {
    int at = line.skipBlanks().position();
    double v = line.decimal("a size such as '18.42'");
    String unit = line.word("a unit (B, KiB, MiB, GiB, TiB)");
    long b = Units.bytes(v, unit);
    if (b < 0 || unit.isEmpty() || unit.equals("b")) {
      throw line.errorAt(at, "expected a size in B, KiB, MiB, GiB or TiB, found '" + unit + "'");
    }
    return b;
  }

  /** Tests only: exposes the endpoint reader. */
  static Endpoint endpointOf(String text) throws ParseException {
    return WgText.endpoint(LineCursor.of(text, 1), text);
  }

}
