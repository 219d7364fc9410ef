package io.wgdiag.parsers.nic;

import io.wgdiag.model.nic.EthtoolFeature;
import io.wgdiag.model.nic.EthtoolFeatures;
import io.wgdiag.model.nic.ImmutableEthtoolFeature;
import io.wgdiag.model.nic.ImmutableEthtoolFeatures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.Optional;

/**
 * Reads {@code ethtool -k IFACE} (also filtered by egrep, without its header) and what {@code
 * ethtool -K} prints: nothing on success, error lines otherwise, or an {@code Actual changes:} block.
 *
 * <pre>{@code
 * Features for eth0:
 * rx-checksumming: on
 * tx-checksumming: on
 * 	tx-checksum-ipv4: off [fixed]
 * generic-receive-offload: on
 * rx-vlan-filter: off [requested on]
 * Cannot get device udp large send offload settings: Operation not supported
 * }</pre>
 */
public final class EthtoolFeaturesParser extends LineParser<EthtoolFeatures> {

  /** Creates the parser. */
  public EthtoolFeaturesParser() {
    super("ethtool-features", EthtoolFeatures.class);
  }

  @Override
  protected Session<EthtoolFeatures> newSession() {
    ImmutableEthtoolFeatures.Builder b = EthtoolFeatures.builder();
    return new Session<>() {
      /**
       * The feature builder, reused from line to line with every attribute set on each: a builder
       * made per line is left to escape analysis, which removed it in some JVMs and not in others
       * (3.72 or 5.25 bytes allocated per input byte from one run to the next).
       */
      final ImmutableEthtoolFeature.Builder f = EthtoolFeature.builder();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (line.tryConsume("Features for ")) {
          String dev = line.rest();
          b.device(dev.endsWith(":") ? dev.substring(0, dev.length() - 1) : dev);
          return true;
        }
        if (line.lookingAt("Cannot ") || line.lookingAt("Could not ") || line.lookingAt("Actual changes:")
            || line.lookingAt("netlink error") || line.lookingAt("ethtool: ") || line.lookingAt("No data available")
            || line.lookingAt("Operation not supported")) {
          b.addMessage(line.stripped());
          line.skipRest();
          return true;
        }
        // "name: on|off ...": the first word ends in a colon and a blank follows (read in place)
        String src = line.source();
        int from = line.lineStart() + line.position();
        int to = Fields.wordEnd(src, from, line.lineEnd());
        if (to - 1 <= from || to >= line.lineEnd() || src.charAt(to - 1) != ':' || src.charAt(to) != ' ') {
          return false;
        }
        String name = line.until(':');
        line.expect(":");
        f.name(name).line(line.lineNumber()).fixed(false).requested(Optional.empty());
        String state = line.word("on or off");
        if (state.equals("on")) {
          f.enabled(true);
        } else if (state.equals("off")) {
          f.enabled(false);
        } else {
          throw line.errorAt(line.position() - state.length(), "expected on or off, found '" + state + "'");
        }
        while (!line.atEnd()) {
          if (line.tryConsume("[fixed]")) {
            f.fixed(true);
          } else if (line.tryConsume("[requested on]")) {
            f.requested(true);
          } else if (line.tryConsume("[requested off]")) {
            f.requested(false);
          } else {
            throw line.error("[fixed], [requested on] or [requested off]");
          }
        }
        b.addFeature(f.build());
        return true;
      }

      @Override
      public EthtoolFeatures finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
