package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** A JSON form's error names the value it found, not the kind of token. */
class JsonErrorsTest {

  @Test
  void theValueFoundIsQuoted() {
    var link = ParserRegistry.standard().parser("ip-link");
    assertThatThrownBy(() -> link.parse(
        "[{\"ifindex\":1,\"ifname\":\"lo\",\"mtu\":99999999999999999999,\"operstate\":\"UNKNOWN\"}]"))
        .hasMessage("line 1, column 35: expected a whole number after 'mtu', found the number 99999999999999999999");
    assertThatThrownBy(() -> link.parse("[{\"ifindex\":1,\"ifname\":7,\"mtu\":1500,\"operstate\":\"UNKNOWN\"}]"))
        .hasMessageEndingWith("expected a string after 'ifname', found the number 7");
    assertThatThrownBy(() -> link.parse("[\"" + "x".repeat(60) + "\"]"))
        .hasMessageEndingWith("found the string \"" + "x".repeat(40) + "...\"");
  }

  /**
   * An error's column counts characters, whether the document holds only ASCII or not, and whether
   * it comes as a string or from a {@link java.io.Reader} (a parser reading UTF-8 bytes would count
   * bytes), and the message is the same both ways.
   */
  @Property(tries = 200)
  void anErrorsColumnCountsCharactersWhateverTheDocumentHolds(
      @ForAll @StringLength(max = 12) @CharRange(from = 'a', to = 'z') @CharRange(from = '\u00e0', to = '\u00ff')
          @CharRange(from = '\u4e00', to = '\u4e20') String name,
      @ForAll boolean newlineFirst) throws Exception {
    var link = ParserRegistry.standard().parser("ip-link");
    String doc = (newlineFirst ? "\n" : "") + "[{\"ifindex\":1,\"ifname\":\"" + name
        + "\",\"mtu\":99999999999999999999,\"operstate\":\"UNKNOWN\"}]";
    int line = newlineFirst ? 2 : 1;
    int column = doc.indexOf("9999") - doc.lastIndexOf('\n', doc.indexOf("9999"));
    String expected = "line " + line + ", column " + column
        + ": expected a whole number after 'mtu', found the number 99999999999999999999";
    assertThatThrownBy(() -> link.parse(doc)).hasMessage(expected);
    assertThatThrownBy(() -> link.parse(new StringReader(doc))).hasMessage(expected);
  }

  @Test
  void anErrorAfterNonAsciiTextCountsItsCharacters() {
    var link = ParserRegistry.standard().parser("ip-link");
    // 'é' is two bytes in UTF-8 and '一' three: counted in bytes, the column would be 40
    String doc = "[{\"ifindex\":1,\"ifname\":\"\u00e9\u00e9\u4e00\",\"mtu\":99999999999999999999}]";
    assertThatThrownBy(() -> link.parse(doc)).hasMessageStartingWith("line 1, column 36: expected a whole number");
    assertThatThrownBy(() -> link.parse(new StringReader(doc))).hasMessageStartingWith("line 1, column 36: ");
  }

  /** The same document reads to the same model from a string, ASCII or not, and from a reader. */
  @Property(tries = 100)
  void aDocumentReadsTheSameFromAStringAndAReader(
      @ForAll @StringLength(min = 1, max = 12) @CharRange(from = 'a', to = 'z') @CharRange(from = '\u00e0', to = '\u00ff')
          String name) throws ParseException, java.io.IOException {
    var link = ParserRegistry.standard().parser("ip-link");
    String doc = "[{\"ifindex\":1,\"ifname\":\"" + name + "\",\"mtu\":1420,\"operstate\":\"UNKNOWN\"}]";
    Object fromString = link.parse(doc);
    assertThat(fromString).isEqualTo(link.parse(new StringReader(doc)));
    assertThat(fromString.toString()).contains(name);
  }

  @Test
  void aLimitOfTheJsonReaderNamesWhereItWasReached() {
    var route = ParserRegistry.standard().parser("ip-route");
    assertThatThrownBy(() -> route.parse("[" + "{\"a\":".repeat(100)))
        .hasMessageStartingWith("line 1, column 318: malformed JSON: Document nesting depth (65) exceeds");
    assertThatThrownBy(() -> route.parse("[" + "\n[".repeat(100)))
        .hasMessageStartingWith("line 65, column 2: malformed JSON: Document nesting depth (65) exceeds");
  }
}
