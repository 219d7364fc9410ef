package io.wgdiag.parsers;

import com.google.common.collect.ImmutableSet;
import io.wgdiag.model.wireguard.WgInterface;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * The key guard: one masking function for every text that leaves a parser or the command line.
 *
 * <p>A WireGuard key as {@code wg} prints it is 44 characters: 43 of the base64 alphabet ({@code
 * A-Z a-z 0-9 + /}) and a closing {@code =}. {@link #mask} replaces each such key in a text with
 * {@link #REDACTED}, wherever it stands: run into a word before it ({@code wg0<KEY>=}) or after it
 * ({@code <KEY>=192.0.2.2:51820}, a tab lost), in a label's value ({@code PrivateKey = <KEY>}) or
 * in a quoted token. The parsers pass their input through it (only the two WireGuard parsers, which
 * know which column holds a public key, keep public keys, and never copy a private or preshared
 * key), and {@link ParseException} and {@link Diagnostic} pass their texts through it again.
 *
 * <p>Masking is linear in the text: each {@code =} is looked at once, and the 43 characters before
 * it at most once.
 */
public final class Secrets {
  private Secrets() {}

  /** What a masked key is replaced with. */
  public static final String REDACTED = "(redacted)";

  /** The length of a key as {@code wg} prints it, in characters (the closing {@code =} included). */
  public static final int KEY_CHARS = 44;

  /**
   * Whether {@code token} is shaped as {@code wg} prints a key: 44 characters, 43 of the base64
   * alphabet and a closing {@code =}.
   */
  public static boolean isKey(CharSequence token) {
    return token.length() == KEY_CHARS && keyEndsAt(token, KEY_CHARS - 1, 0);
  }

  /** Whether {@code text} holds a key anywhere ({@link #mask} would change it). */
  public static boolean containsKey(String text) {
    return nextKeyEnd(text, 0, 0) >= 0;
  }

  /**
   * Whether {@code [from, to)} of {@code text} holds a key anywhere, ending inside the range and
   * starting at or after {@code from}.
   */
  public static boolean containsKey(String text, int from, int to) {
    for (int e = text.indexOf('=', from); e >= 0 && e < to; e = text.indexOf('=', e + 1)) {
      if (keyEndsAt(text, e, from)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with every key replaced by {@link #REDACTED}; the same instance if it holds none. */
  public static String mask(String text) {
    return mask(text, ImmutableSet.of());
  }

  /**
   * {@code text} with every key replaced by {@link #REDACTED} except those in {@code publicKeys}
   * (the public keys a WireGuard parser read from their own column, shown so that a finding can
   * name its peer); the same instance if nothing is masked.
   */
  public static String mask(String text, Set<String> publicKeys) {
    int e = text.indexOf('=');
    if (e < 0) {
      return text;
    }
    StringBuilder out = null;
    int done = 0;
    int searchFrom = 0;
    while ((e = nextKeyEnd(text, searchFrom, done)) >= 0) {
      int start = e - (KEY_CHARS - 1);
      searchFrom = e + 1;
      if (!publicKeys.isEmpty() && publicKeys.contains(text.substring(start, e + 1))) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, done, start).append(REDACTED);
      done = e + 1;
    }
    return out == null ? text : out.append(text, done, text.length()).toString();
  }

  /** A {@link CharSequence} version of {@link #mask(String)}. */
  public static String mask(CharSequence text) {
    return mask(text.toString());
  }

  /**
   * The index of the closing {@code =} of the first key whose {@code =} is at or after {@code
   * from} and whose first character is at or after {@code floor}, or -1.
   */
  private static int nextKeyEnd(String text, int from, int floor) {
    int e = from;
    while ((e = text.indexOf('=', e)) >= 0) {
      if (keyEndsAt(text, e, floor)) {
        return e;
      }
      e++;
    }
    return -1;
  }

  /** Whether the 43 characters before index {@code e} (an {@code =}), all at or after {@code floor}, are base64. */
  private static boolean keyEndsAt(CharSequence text, int e, int floor) {
    int start = e - (KEY_CHARS - 1);
    if (start < floor || text.charAt(e) != '=') {
      return false;
    }
    for (int i = e - 1; i >= start; i--) {
      if (!isBase64(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is in the base64 alphabet of a key ({@code A-Z a-z 0-9 + /}, not {@code =}). */
  public static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }

  /**
   * The public keys of a WireGuard model: each interface's and each peer's, as the parser read them
   * from their own column. Every other key in an output is masked.
   */
  public static ImmutableSet<String> publicKeys(WgShow show) {
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    for (WgInterface i : show.interfaces()) {
      i.publicKey().ifPresent(b::add);
      for (WgPeer p : i.peers()) {
        b.add(p.publicKey());
      }
    }
    return b.build();
  }

  /**
   * A reader of {@code in}'s characters with every key masked, for input read as a stream (a JSON
   * document): a run of base64 characters at the end of what has been read waits for the next read,
   * so a key split between two reads is masked too.
   */
  public static Reader maskingReader(Reader in) {
    return new MaskingReader(in);
  }

  private static final class MaskingReader extends Reader {
    private final Reader in;
    private final char[] buf = new char[1 << 13];
    private int filled;
    private boolean eof;
    private String out = "";
    private int outPos;

    MaskingReader(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (outPos >= out.length()) {
        if (!refill()) {
          return -1;
        }
      }
      int n = Math.min(len, out.length() - outPos);
      out.getChars(outPos, outPos + n, cbuf, off);
      outPos += n;
      return n;
    }

    /** Reads on and masks what can be masked; false at the end of input. */
    private boolean refill() throws IOException {
      if (eof && filled == 0) {
        return false;
      }
      while (!eof && filled < buf.length) {
        int r = in.read(buf, filled, buf.length - filled);
        if (r < 0) {
          eof = true;
        } else if (r == 0) {
          break;
        } else {
          filled += r;
        }
      }
      int limit = filled;
      if (!eof) {
        // a run of base64 characters at the end may be the start of a key: hold back up to 43
        while (limit > 0 && filled - limit < KEY_CHARS - 1 && isBase64(buf[limit - 1])) {
          limit--;
        }
        if (limit == 0) {
          limit = filled; // cannot happen with a buffer longer than a key; never stall
        }
      }
      out = mask(new String(buf, 0, limit));
      outPos = 0;
      System.arraycopy(buf, limit, buf, 0, filled - limit);
      filled -= limit;
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
