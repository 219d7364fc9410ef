package io.wgdiag.parsers.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/** The in-place helpers of {@code netstat -s} reading, each held to its plain definition. */
class NetstatStatsReadingTest {

  /**
   * The colon found from the number at the line's end is the line's last {@code ": "} whenever a
   * number follows that: the definition the parser used before, a search back through the line.
   */
  @Property(tries = 2000)
  void colonBeforeNumberIsTheLastColonBlankFollowedByANumber(
      @ForAll @StringLength(max = 16) @Chars({':', ' ', '-', '1', '9', 'a'}) String line,
      @ForAll @StringLength(max = 4) @Chars({'x', '\n', ' '}) String before,
      @ForAll @StringLength(max = 4) @Chars({'x', '\n', ' ', ':'}) String after) {
    String src = before + line + after;
    int s = before.length();
    int e = s + line.length();
    int last = -1;
    for (int i = e - 2; i > s; i--) { // the last ": " that starts after the line's first character
      if (src.charAt(i) == ':' && src.charAt(i + 1) == ' ') {
        last = i;
        break;
      }
    }
    boolean expected = last > s && NetstatStatsParser.isNumber(src, last + 2, e);
    int colon = NetstatStatsParser.colonBeforeNumber(src, s, e);
    boolean found = colon > s && NetstatStatsParser.isNumber(src, colon + 2, e);
    assertThat(found).isEqualTo(expected);
    if (expected) {
      assertThat(colon).isEqualTo(last);
    }
  }

  /**
   * The table finds each of its phrases wherever it stands in a text, and nothing else: the same
   * answers as a {@link HashMap} of the phrases, among phrases made to share their hashed characters.
   */
  @Property(tries = 500)
  void phraseTableAnswersAsAMapDoes(
      @ForAll @Size(max = 40) @UniqueElements List<@StringLength(max = 12) @Chars({'a', 'b', ' '}) String> phrases,
      @ForAll @Size(max = 20) List<@StringLength(max = 12) @Chars({'a', 'b', ' '}) String> probes,
      @ForAll @IntRange(max = 5) int pad) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < phrases.size(); i++) {
      map.put(phrases.get(i), "name" + i);
    }
    PhraseTable table = new PhraseTable(map);
    Set<String> all = new HashSet<>(phrases);
    all.addAll(probes);
    for (String probe : all) {
      String text = "x".repeat(pad) + probe + "y".repeat(pad);
      assertThat(table.get(text, pad, pad + probe.length())).isEqualTo(map.get(probe));
    }
  }

  /**
   * A name's protocol is the first of nstat's prefixes, longest first, that it starts with and goes
   * on past: the plain search through all fifteen, which the parser narrows to those with the
   * name's first character. Names are made of the prefixes' own pieces, so that most start with
   * one prefix or several.
   */
  @Property(tries = 2000)
  void nstatNamesSplitAtTheLongestPrefixTheyGoOnPast(
      @ForAll @Size(max = 4) List<@From("piece") String> pieces) {
    String name = String.join("", pieces);
    net.jqwik.api.Assume.that(!name.isEmpty());
    String expected = null;
    for (String p : List.of("UdpLite6", "IcmpMsg6", "MPTcpExt", "UdpLite", "IcmpMsg", "TcpExt", "IpExt", "Icmp6",
        "Udp6", "Ip6", "Icmp", "Tcp", "Udp", "Sctp", "Ip")) {
      if (name.length() > p.length() && name.startsWith(p)) {
        expected = p;
        break;
      }
    }
    String[] split = NstatParser.split(name);
    if (expected == null) {
      assertThat(split).containsExactly("Other", name);
    } else {
      assertThat(split).containsExactly(expected, name.substring(expected.length()));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> piece() {
    return net.jqwik.api.Arbitraries.of("Udp", "Lite", "6", "Icmp", "Msg", "MP", "Tcp", "Ext", "Ip", "Sctp", "In",
        "Errors", "I", "U", "x", "é");
  }
}
