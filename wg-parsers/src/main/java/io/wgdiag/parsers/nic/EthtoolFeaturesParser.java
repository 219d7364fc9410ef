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

  /** Whether {@code c} is the first character of the header or of a message line ethtool prints. */
  private static boolean mayStartMessage(char c) {
    switch (c) {
      case 'F': case 'C': case 'A': case 'n': case 'e': case 'N': case 'O':
        return true;
      default:
        return false;
    }
  }

  /**
   * The length of the state at {@code s}, {@code on} (2) or {@code off} (3), followed by a blank or
   * the end; 0 if it is neither.
   */
  private static int state(String src, int s, int end) {
    if (s + 2 > end || src.charAt(s) != 'o') {
      return 0;
    }
    int n = src.charAt(s + 1) == 'n' ? 2 : s + 3 <= end && src.charAt(s + 1) == 'f' && src.charAt(s + 2) == 'f' ? 3 : 0;
    return n == 0 || s + n == end || src.charAt(s + n) == ' ' || src.charAt(s + n) == '\t' ? n : 0;
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
        String src = line.source();
        int start = line.lineStart();
        int end = line.lineEnd();
        int from = Fields.trimStart(src, start, end);
        char first = src.charAt(from); // the line is not blank
        if (mayStartMessage(first) && other(line)) {
          return true;
        }
        // "name: on|off ...": the name ends at the first ':' and a blank follows it (read in place,
        // and looked up among the names the kernel prints)
        int colon = from;
        char c;
        while (colon < end && (c = src.charAt(colon)) != ':' && c != ' ' && c != '\t') {
          colon++;
        }
        if (colon == from || colon + 1 >= end || src.charAt(colon) != ':' || src.charAt(colon + 1) != ' ') {
          return false;
        }
        String name = EthtoolFeatureNames.lookup(src, from, colon);
        f.name(name != null ? name : src.substring(from, colon)).line(line.lineNumber()).fixed(false)
            .requested(Optional.empty());
        int s = Fields.trimStart(src, colon + 1, end);
        int state = state(src, s, end);
        if (state == 0) {
          line.position(s - start);
          String word = line.word("on or off");
          throw line.errorAt(line.position() - word.length(), "expected on or off, found '" + word + "'");
        }
        f.enabled(state == 2);
        s += state;
        while ((s = Fields.trimStart(src, s, end)) < end) {
          int n = flag(src, s, end);
          if (n == 0) {
            line.position(s - start);
            throw line.error("[fixed], [requested on] or [requested off]");
          }
          s += n;
        }
        line.skipRest();
        b.addFeature(f.build());
        return true;
      }

      /**
       * Takes the flag at {@code s} ({@code [fixed]}, {@code [requested on]}, {@code [requested
       * off]}) into the feature and returns its length; 0 if there is none.
       */
      private int flag(String src, int s, int end) {
        if (src.charAt(s) != '[' || s + 7 > end) {
          return 0;
        }
        if (src.charAt(s + 1) == 'f' && src.startsWith("fixed]", s + 1)) {
          f.fixed(true);
          return 7;
        }
        if (s + 14 <= end && src.startsWith("requested o", s + 1)) {
          if (src.charAt(s + 12) == 'n' && src.charAt(s + 13) == ']') {
            f.requested(true);
            return 14;
          }
          if (s + 15 <= end && src.startsWith("ff]", s + 12)) {
            f.requested(false);
            return 15;
          }
        }
        return 0;
      }

      /** Reads the header or a message line, if {@code line} is one. */
      private boolean other(LineCursor line) {
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
        return false;
      }

      @Override
      public EthtoolFeatures finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }
}
