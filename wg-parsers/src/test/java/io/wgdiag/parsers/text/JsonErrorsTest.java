package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.parsers.ParserRegistry;
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

  @Test
  void aLimitOfTheJsonReaderNamesWhereItWasReached() {
    var route = ParserRegistry.standard().parser("ip-route");
    assertThatThrownBy(() -> route.parse("[" + "{\"a\":".repeat(100)))
        .hasMessageStartingWith("line 1, column 318: malformed JSON: Document nesting depth (65) exceeds");
    assertThatThrownBy(() -> route.parse("[" + "\n[".repeat(100)))
        .hasMessageStartingWith("line 65, column 2: malformed JSON: Document nesting depth (65) exceeds");
  }
}
