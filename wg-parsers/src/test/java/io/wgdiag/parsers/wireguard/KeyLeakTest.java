package io.wgdiag.parsers.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.Parser;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Private and preshared keys never leave a parser: not through a getter, {@code toString}, an
 * exception's message or line text, or a lenient diagnostic — for valid and malformed input.
 */
class KeyLeakTest {
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withChars(B64).ofLength(43).map(s -> s + "=");
  }

  @Provide
  Arbitrary<String> breakages() {
    return Arbitraries.of("", "\tgarbage", "\tx\ty", " 51820", "x");
  }

  @Property(tries = 300)
  void dumpKeysNeverLeak(
      @ForAll("keys") String priv, @ForAll("keys") String psk, @ForAll("keys") String pub,
      @ForAll("breakages") String breakInterface, @ForAll("breakages") String breakPeer) {
    Assume.that(!priv.equals(pub) && !psk.equals(pub) && !priv.equals(psk));
    String text = "wg0\t" + priv + "\t" + pub + "\t51820" + (breakInterface.isEmpty() ? "\toff" : breakInterface) + "\n"
        + "wg0\t" + pub + "\t" + psk + "\t192.0.2.2:51820\t10.0.0.2/32\t0\t1\t2\t" + (breakPeer.isEmpty() ? "off" : breakPeer) + "\n";
    assertNoLeak(new WgShowDumpParser(), text, priv, psk);
  }

  @Property(tries = 200)
  void humanFormKeysShownInClearNeverLeak(
      @ForAll("keys") String priv, @ForAll("keys") String psk, @ForAll("breakages") String junk) {
    Assume.that(!priv.equals(psk));
    String text = "interface: wg0\n  private key: " + priv + junk + "\n  listening port: 51820\n\npeer: P\n  preshared key: "
        + psk + junk + "\n  allowed ips: 10.0.0.2/32\n";
    assertNoLeak(new WgShowParser(), text, priv, psk);
  }

  /**
   * A key, as the dump's redaction recognises one, is 43 characters of the base64 alphabet and a
   * closing {@code =}: any other character in any place (a non-ASCII letter too) makes it none.
   */
  @Property(tries = 500)
  void aKeyIsFortyThreeBase64CharactersAndAnEqualsSign(
      @ForAll("keys") String key, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 43) int at,
      @ForAll char c) {
    String changed = key.substring(0, at) + c + key.substring(at + 1);
    boolean expected = at < 43 ? B64.indexOf(c) >= 0 : c == '=';
    assertThat(WgText.isKey(changed)).as("'%s'", changed).isEqualTo(expected);
    assertThat(WgText.isKey(key)).isTrue();
    assertThat(WgText.isKey(key.substring(1))).isFalse();
    assertThat(WgText.isKey(key + "=")).isFalse();
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(6, 38);
  }

  /**
   * A key line as pastes and other commands damage it: its label misspelt or split from the key,
   * the key wrapped onto the next line, or the key alone on its line ({@code wg show wg0
   * private-key}, {@code preshared-keys}). No 16-character piece of a secret comes out.
   */
  @Property(tries = 300)
  void keysCutOrUnlabelledNeverLeak(
      @ForAll("keys") String priv, @ForAll("keys") String psk, @ForAll("keys") String pub,
      @ForAll("cuts") int cut, @ForAll("damages") String damage) {
    Assume.that(!sharesPiece(pub, priv, 16) && !sharesPiece(pub, psk, 16)); // the public key may be shown
    String privLine;
    String pskLine;
    switch (damage) {
      case "misspelt" -> {
        privLine = "  prxivate key: " + priv;
        pskLine = "  presharedkey: " + psk;
      }
      case "wrapped" -> {
        privLine = "  private key: " + priv.substring(0, cut) + "\n" + priv.substring(cut);
        pskLine = "  preshared key: " + psk.substring(0, cut) + "\n" + psk.substring(cut);
      }
      case "split" -> {
        privLine = "  private\nkey: " + priv;
        pskLine = "  preshared \nkey: " + psk;
      }
      default -> { // alone, as wg show prints one field
        privLine = priv;
        pskLine = pub + "\t" + psk;
      }
    }
    String text = "interface: wg0\n" + privLine + "\n  listening port: 51820\n\npeer: " + pub + "\n" + pskLine
        + "\n  allowed ips: 10.0.0.2/32\n";
    assertNoPieceLeaks(new WgShowParser(), text, 16, priv, psk);
    String dump = "wg0\t" + priv.substring(0, cut) + "\n" + priv.substring(cut) + "\t" + pub + "\t51820\toff\n"
        + "wg0\t" + pub + "\t" + psk + "\t192.0.2.2:51820\t10.0.0.2/32\t0\t1\t2\toff\n" + pub + "\t" + psk + "\n";
    assertNoPieceLeaks(new WgShowDumpParser(), dump, 16, priv, psk);
  }

  @Provide
  Arbitrary<String> damages() {
    return Arbitraries.of("misspelt", "wrapped", "split", "alone");
  }

  @Test
  void aWrappedKeysShortTailIsMaskedButOrdinaryWordsAreNot() throws ParseException {
    String text = "interface: wg0\n  private key: APiVnpPoGp9yRFQn+D+auFEG6kvwspiBrH86f\nZnuIVI=\n"
        + "Interface wg0 is down\ninterface: wgTun01x extra\n";
    List<Diagnostic> ds = new WgShowParser().parseLenient(text).diagnostics();
    assertThat(ds).extracting(Diagnostic::text)
        .containsExactly("(redacted)", "Interface wg0 is down", "interface: wgTun01x extra");
  }

  // made-up keys for the minimal shapes of issue 31 (each was read without error, or echoed a key)
  private static final String PRIV = "eCDzS8GwEBp4fNmEF2CtPzvW+D3wVN7W7a6dQ7gqS2s=";
  private static final String PUB = "k9cF6jQnmH4HcbMHbFcZvf6lH1D6aYWzbMaqPBhUb3M=";
  private static final String PEER = "tV5/m4Jg/goDhPzQMokXi1a/ttof9EO9GhtXmMmjbkA=";
  private static final String PSK = "XiChnXSv/D2d5feQSotqGGHUPzGY/OhM2IxX4qp5djA=";
  private static final String ALL_IFACE = "wg0\t" + PRIV + "\t" + PUB + "\t51820\toff\n";

  /** The shapes of a damaged {@code wg show dump} line: each an error naming its line, with no key in it. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "all form, tab between PSK and endpoint lost|2|wg0\tPEER\tPSK192.0.2.2:51820\t10.0.0.2/32\t0\t1\t2\toff",
    "all form, tab after the endpoint lost|2|wg0\tPEER\tPSK\t192.0.2.2:5182010.0.0.2/32\t0\t1\t2\toff",
    "all form, tab after the AllowedIPs lost|2|wg0\tPEER\tPSK\t192.0.2.2:51820\t10.0.0.2/320\t1\t2\toff",
    "all form, tab before the PSK lost|2|wg0\tPEERPSK\t192.0.2.2:51820\t10.0.0.2/32\t0\t1\t2\toff",
    "all form, tab turned into x|2|wg0\tPEER\tPSK\t192.0.2.2:51820x10.0.0.2/32\t0\t1\t2\toff",
    "all form, tab doubled|2|wg0\tPEER\tPSK\t\t192.0.2.2:51820\t10.0.0.2/32\t0\t1\t2\toff",
  })
  void aDamagedPeerLineIsAnErrorWithNoKeyInIt(String shape, int line, String peerLine) {
    String text = ALL_IFACE + peerLine.replace("\\t", "\t").replace("PEER", PEER).replace("PSK", PSK) + "\n";
    assertDamagedLine(text, line, PRIV, PSK);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "one-interface form, tab doubled after the private key|PRIV\t\tPUB\t51820\toff",
    "one-interface form, public key missing|wg0\tPRIV\t51820\toff",
    "all form, public key missing|wg0\tPRIV\t51820\toff\tx",
    "all form, private key doubled into the name|PRIV\tPRIV\tPUB\t51820\toff",
    "one-interface form, tab lost between the keys|PRIVPUB\t51820\toff",
  })
  void aDamagedInterfaceLineIsAnErrorWithNoKeyInIt(String shape, String ifaceLine) {
    String text = ifaceLine.replace("\\t", "\t").replace("PRIV", PRIV).replace("PUB", PUB) + "\n";
    assertDamagedLine(text, 1, PRIV, PSK);
  }

  private static void assertDamagedLine(String text, int line, String... secrets) {
    WgShowDumpParser parser = new WgShowDumpParser();
    ParseException e = org.junit.jupiter.api.Assertions.assertThrows(ParseException.class, () -> parser.parse(text));
    assertThat(e.line()).isEqualTo(line);
    ParseResult<WgShow> r;
    try {
      r = parser.parseLenient(text);
    } catch (ParseException ex) {
      throw new AssertionError(ex);
    }
    assertThat(r.diagnostics()).extracting(Diagnostic::line).contains(line);
    for (String secret : secrets) {
      assertThat(e.getMessage()).doesNotContain(secret);
      assertThat(e.lineText()).doesNotContain(secret);
      assertThat(r.model().toString()).doesNotContain(secret);
      assertThat(r.diagnostics().toString()).doesNotContain(secret);
    }
    assertNoLeak(parser, text, secrets);
  }

  /** A quoted token in a message is masked and bounded, like the line text. */
  @Test
  void aQuotedTokenIsBoundedAndMasked() {
    String text = "wg0\t" + PEER + "\t(none)\t" + "9".repeat(100_000) + PSK + "\t10.0.0.2/32\t0\t1\t2\toff\n";
    ParseException e = org.junit.jupiter.api.Assertions.assertThrows(ParseException.class, () -> new WgShowDumpParser().parse(text));
    assertThat(String.valueOf(e.getMessage()).length()).isLessThanOrEqualTo(ParseException.MAX_PROBLEM + 40);
    assertThat(e.getMessage()).doesNotContain(PSK);
  }

  private static boolean sharesPiece(String a, String b, int piece) {
    for (int i = 0; i + piece <= b.length(); i++) {
      if (a.contains(b.substring(i, i + piece))) {
        return true;
      }
    }
    return false;
  }

  private static void assertNoPieceLeaks(Parser<WgShow> parser, String text, int piece, String... secrets) {
    List<String> pieces = new ArrayList<>();
    for (String secret : secrets) {
      for (int i = 0; i + piece <= secret.length(); i++) {
        pieces.add(secret.substring(i, i + piece));
      }
    }
    assertNoLeak(parser, text, pieces.toArray(new String[0]));
  }

  @Test
  void capturedOutputWithKeysInClearLeaksNothing() {
    String shown = Fixtures.read("fixtures/wg-show/wireguard-go-keys-shown.txt");
    List<String> secrets = new ArrayList<>();
    for (String line : shown.split("\n")) {
      String t = line.strip();
      if (t.startsWith("private key: ") || t.startsWith("preshared key: ")) {
        secrets.add(t.substring(t.indexOf(": ") + 2));
      }
    }
    assertThat(secrets).hasSize(2);
    assertNoLeak(new WgShowParser(), shown, secrets.toArray(new String[0]));
    String dump = Fixtures.read("fixtures/wg-show-dump/wireguard-go-all.txt");
    List<String> dumpSecrets = new ArrayList<>();
    for (String line : dump.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 5) {
        dumpSecrets.add(f[1]);
      } else if (f.length == 9 && !f[2].equals("(none)")) {
        dumpSecrets.add(f[2]);
      }
    }
    assertThat(dumpSecrets).hasSizeGreaterThanOrEqualTo(4);
    assertNoLeak(new WgShowDumpParser(), dump, dumpSecrets.toArray(new String[0]));
    // and a malformed copy of it
    assertNoLeak(new WgShowDumpParser(), dump.replace("\t51820\t", "\tport\t"), dumpSecrets.toArray(new String[0]));
  }

  private static void assertNoLeak(Parser<WgShow> parser, String text, String... secrets) {
    List<String> seen = new ArrayList<>();
    try {
      WgShow m = parser.parse(text);
      seen.add(m.toString());
      collectGetters(m, seen);
    } catch (ParseException e) {
      seen.add(e.getMessage());
      seen.add(e.lineText());
      seen.add(e.problem());
    }
    try {
      ParseResult<WgShow> r = parser.parseLenient(text);
      seen.add(r.model().toString());
      collectGetters(r.model(), seen);
      for (Diagnostic d : r.diagnostics()) {
        seen.add(d.toString());
        seen.add(d.text());
        seen.add(d.message());
      }
    } catch (ParseException e) {
      seen.add(e.getMessage());
      seen.add(e.lineText());
    }
    for (String s : seen) {
      for (String secret : secrets) {
        assertThat(s).doesNotContain(secret);
      }
    }
  }

  private static void collectGetters(Object o, List<String> out) {
    if (o == null) {
      return;
    }
    if (o instanceof Iterable<?> it) {
      for (Object x : it) {
        collectGetters(x, out);
      }
      return;
    }
    if (!o.getClass().getName().startsWith("io.wgdiag.")) {
      out.add(String.valueOf(o));
      return;
    }
    out.add(o.toString());
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() == 0 && m.getDeclaringClass().getName().startsWith("io.wgdiag.")
          && !m.getName().equals("hashCode") && !m.getName().startsWith("builder") && m.getReturnType() != void.class
          && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        try {
          collectGetters(m.invoke(o), out);
        } catch (ReflectiveOperationException e) {
          out.add(e.toString());
        }
      }
    }
  }
}
