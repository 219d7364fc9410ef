package io.wgdiag.parsers.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.wireguard.IpPrefix;
import io.wgdiag.model.wireguard.WgPeer;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParseResult;
import org.junit.jupiter.api.Test;

/**
 * The human {@code wg show} parser reads endpoints and AllowedIPs in place, through one prefix list
 * reused from line to line: each peer keeps only its own prefixes, and a line with a bad prefix
 * adds none of its good ones (lenient), as the split of the whole line did.
 */
class WgShowInPlaceTest {

  private static final String TEXT = "interface: wg0\n"
      + "  listening port: 51820\n\n"
      + "peer: AAA=\n"
      + "  endpoint:   [fd00::1]:51820  \n"
      + "  allowed ips: 10.0.0.1/32, fd00::2/128 , 10.1.0.0/16,\n\n"
      + "peer: BBB=\n"
      + "  endpoint: 203.0.113.9:4500\n"
      + "  allowed ips: 10.0.0.2/32\n\n"
      + "peer: CCC=\n"
      + "  allowed ips: (none)\n";

  @Test
  void eachPeerKeepsOnlyItsOwnPrefixes() throws ParseException {
    WgShow s = new WgShowParser().parse(TEXT);
    WgPeer a = s.interfaces().get(0).peers().get(0);
    WgPeer b = s.interfaces().get(0).peers().get(1);
    WgPeer c = s.interfaces().get(0).peers().get(2);
    assertThat(a.allowedIps()).extracting(IpPrefix::toString).containsExactly("10.0.0.1/32", "fd00::2/128", "10.1.0.0/16");
    assertThat(a.endpoint().orElseThrow().host()).isEqualTo("fd00::1");
    assertThat(b.allowedIps()).extracting(IpPrefix::toString).containsExactly("10.0.0.2/32");
    assertThat(b.endpoint().orElseThrow().port()).isEqualTo(4500);
    assertThat(c.allowedIps()).isEmpty();
  }

  @Test
  void aBadPrefixAddsNoneOfTheLine() throws ParseException {
    ParseResult<WgShow> r = new WgShowParser().parseLenient(
        "interface: wg0\n\npeer: AAA=\n  allowed ips: 10.0.0.1/32, x, 10.0.0.3/32\n  allowed ips: 10.0.0.4/32\n");
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).toString())
        .isEqualTo("line 4, column 29: expected an IP prefix such as 10.60.0.10/32, found 'x': "
            + "  allowed ips: 10.0.0.1/32, x, 10.0.0.3/32");
    assertThat(r.model().interfaces().get(0).peers().get(0).allowedIps())
        .extracting(IpPrefix::toString).containsExactly("10.0.0.4/32");
  }
}
