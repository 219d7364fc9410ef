package io.wgdiag.parsers.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.wireguard.IpPrefix;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The address reader behind every allowed IP and route prefix, against the JDK's. */
class IpPrefixTest {

  @Property
  void everyIpv4AddressReadsAsTheJdkPrintsIt(@ForAll int bits, @ForAll @IntRange(min = 0, max = 32) int len)
      throws UnknownHostException {
    byte[] b = {(byte) (bits >> 24), (byte) (bits >> 16), (byte) (bits >> 8), (byte) bits};
    String text = InetAddress.getByAddress(b).getHostAddress();
    IpPrefix p = IpPrefix.parse(text + "/" + len).orElseThrow();
    assertThat(p.length()).isEqualTo(len);
    assertThat(p.isIpv6()).isFalse();
    // the same address, read back: it contains its own /32 and nothing of the other family
    assertThat(p.contains(text)).isTrue();
    assertThat(IpPrefix.parse(text).orElseThrow().contains(IpPrefix.parse(text + "/32").orElseThrow())).isTrue();
    // read in place from the middle of a line, as the dump parser does: the same value
    String line = "wg0\t" + text + "/" + len + ",10.0.0.1/32\t0";
    assertThat(IpPrefix.parse(line, 4, 4 + text.length() + 1 + String.valueOf(len).length())).contains(p);
  }

  @Property
  void everyIpv6AddressReadsInFullAndCompressedForms(@ForAll @Size(16) byte[] b) throws UnknownHostException {
    String full = InetAddress.getByAddress(b).getHostAddress(); // 2001:db8:0:0:0:0:0:1
    String compressed = compress(full);
    IpPrefix a = IpPrefix.parse(full + "/128").orElseThrow();
    IpPrefix c = IpPrefix.parse(compressed + "/128").orElseThrow();
    assertThat(a.contains(c)).as(full + " vs " + compressed).isTrue();
    assertThat(c.contains(a)).isTrue();
  }

  @Test
  void acceptsTheFormsToolsPrint() {
    for (String ok : new String[] {"::", "::1", "1::", "fe80::1%wg0", "::ffff:192.0.2.1", "2001:DB8::A/64", "0.0.0.0/0", "::/0",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8"}) {
      assertThat(IpPrefix.parse(ok)).as(ok).isPresent();
    }
    assertThat(IpPrefix.parse("::ffff:192.0.2.1").orElseThrow().contains("::ffff:c000:201")).isTrue();
    assertThat(IpPrefix.parse("2001:DB8::A/64").orElseThrow().address()).isEqualTo("2001:db8::a");
  }

  @Test
  void rejectsWhatIsNoAddress() {
    for (String bad : new String[] {"", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:", ":1", "1.2.3", "1.2.3.4.5", "256.1.1.1",
        "1..2.3", "12345::", "g::1", "1.2.3.4/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/1a", "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3", "1:2:3:4:5:6:7:8::"}) {
      assertThat(IpPrefix.parse(bad)).as(bad).isEmpty();
    }
  }

  /** The longest run of zero groups becomes {@code ::}, as RFC 5952 prints. */
  private static String compress(String full) {
    String[] g = full.split(":");
    int best = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j].equals("0")) {
        j++;
      }
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (best < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, best));
    String tail = String.join(":", java.util.Arrays.copyOfRange(g, best + bestLen, 8));
    return head + "::" + tail;
  }
}
