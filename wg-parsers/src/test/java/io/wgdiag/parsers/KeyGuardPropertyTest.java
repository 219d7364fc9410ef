package io.wgdiag.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The key guard holds for every parser ({@link ParserRegistry#standard()}): a WireGuard key planted
 * anywhere in a recorded output (a token replaced, glued to its neighbours, a {@code PrivateKey =}
 * or {@code private key:} line pasted in, inside a JSON string), with its neighbours damaged (a tab
 * lost or doubled, a byte flipped), never comes out in a model, an exception or a diagnostic, from
 * memory or from a reader, strict or lenient. The one exception is a key a WireGuard parser read
 * from a public-key column, which its model shows.
 */
class KeyGuardPropertyTest {
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final AtomicInteger INPUTS = new AtomicInteger();
  private static final AtomicInteger LEAKS = new AtomicInteger();
  /** Measuring an older build ({@code -Dwgdiag.countOnly=true}): count the leaks instead of failing at the first. */
  static final boolean COUNT_ONLY = Boolean.getBoolean("wgdiag.countOnly");

  /** Every fixture of every tool, and a wg-quick config for the parsers with no fixture (change). */
  static List<Tuple.Tuple2<Parser<?>, String>> samples() {
    ParserRegistry registry = ParserRegistry.standard();
    List<Tuple.Tuple2<Parser<?>, String>> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Fixtures.path("fixtures"))) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        Parser<?> p = registry.parser(d.getFileName().toString());
        for (Path f : Fixtures.files("fixtures/" + d.getFileName())) {
          out.add(Tuple.of(p, Files.readString(f)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Tool t : registry.tools()) {
      if (out.stream().noneMatch(s -> s.get1().toolId().equals(t.id()))) {
        out.add(Tuple.of(registry.parser(t.id()), WG_QUICK_CONF));
      }
    }
    return out;
  }

  static final String WG_QUICK_CONF = "[Interface]\nAddress = 10.60.0.1/24\nListenPort = 51820\n\n[Peer]\n"
      + "AllowedIPs = 10.60.0.10/32\nEndpoint = 192.0.2.2:51820\nPersistentKeepalive = 25\n";

  private static final List<Tuple.Tuple2<Parser<?>, String>> SAMPLES = samples();

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withChars(B64).ofLength(43).map(s -> s + "=");
  }

  /** Where and how a key is planted, and how its neighbours are damaged. */
  record Planting(String how, int at, String damage, char flip) {}

  @Provide
  Arbitrary<Planting> plantings() {
    return Combinators.combine(
            Arbitraries.of("token", "glued", "label", "quote"),
            Arbitraries.integers().between(0, 1 << 20),
            Arbitraries.of("none", "lost-tab", "doubled-tab", "flip-before", "flip-after"),
            Arbitraries.chars().ascii())
        .as((how, at, damage, flip) -> new Planting(how, at, damage, flip));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Parser<?>, String>> fixtures() {
    return Arbitraries.of(SAMPLES);
  }

  private static final String[] LABELS = {
    "PrivateKey = ", "PresharedKey = ", "  private key: ", "  preshared key: ", "private-key ", "PrivateKey=", "\"private_key\": \""
  };

  static String plant(String text, String key, Planting p) {
    StringBuilder b = new StringBuilder(text);
    int at = text.isEmpty() ? 0 : p.at() % (text.length() + 1);
    int keyAt;
    switch (p.how()) {
      case "token" -> { // replace the token at or after 'at'
        int s = at;
        while (s < b.length() && Character.isWhitespace(b.charAt(s))) {
          s++;
        }
        int e = s;
        while (e < b.length() && !Character.isWhitespace(b.charAt(e))) {
          e++;
        }
        b.replace(s, e, key);
        keyAt = s;
      }
      case "label" -> { // a line of a config pasted at the start of the line 'at' stands in
        int ls = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
          ls = 0;
        }
        String label = LABELS[p.at() % LABELS.length];
        b.insert(ls, label + key + "\n");
        keyAt = ls + label.length();
      }
      case "quote" -> { // inside the string after the next '"' (JSON), or glued where there is none
        int q = text.indexOf('"', at);
        keyAt = q < 0 ? at : q + 1;
        b.insert(keyAt, key);
      }
      default -> { // glued to whatever stands there
        b.insert(at, key);
        keyAt = at;
      }
    }
    int before = keyAt - 1 - (p.at() % 3);
    int after = keyAt + key.length() + (p.at() % 3);
    switch (p.damage()) {
      case "lost-tab", "doubled-tab" -> {
        int tab = b.indexOf("\t", Math.max(0, keyAt - 60));
        if (tab >= 0 && (tab < keyAt || tab >= keyAt + key.length())) {
          b.replace(tab, tab + 1, p.damage().equals("lost-tab") ? "" : "\t\t");
        }
      }
      case "flip-before" -> {
        if (before >= 0) {
          b.setCharAt(before, p.flip());
        }
      }
      case "flip-after" -> {
        if (after < b.length()) {
          b.setCharAt(after, p.flip());
        }
      }
      default -> {}
    }
    return b.toString();
  }

  @Property(tries = 3000)
  void aKeyPlantedInAnyParsersInputNeverComesOut(
      @ForAll("fixtures") Tuple.Tuple2<Parser<?>, String> sample, @ForAll("keys") String key,
      @ForAll("plantings") Planting planting) {
    String text = plant(sample.get2(), key, planting);
    assertThat(text).contains(key);
    INPUTS.incrementAndGet();
    Leaks seen = Leaks.of(sample.get1(), text);
    String leak = seen.leakOf(key);
    if (leak != null) {
      LEAKS.incrementAndGet();
      if (COUNT_ONLY) {
        return;
      }
    }
    assertThat(leak).as("%s leaks the key planted by %s", sample.get1().toolId(), planting).isNull();
  }

  @AfterContainer
  static void report() {
    System.out.println("KeyGuardPropertyTest: " + INPUTS.get() + " inputs with a planted key, " + LEAKS.get() + " leaked");
  }
}
