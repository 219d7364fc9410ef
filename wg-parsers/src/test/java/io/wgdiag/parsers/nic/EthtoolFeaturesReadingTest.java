package io.wgdiag.parsers.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.nic.EthtoolFeature;
import io.wgdiag.model.nic.EthtoolFeatures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Fixtures;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The in-place reading of {@code ethtool -k} feature lines, held to a plain definition written with
 * regular expressions, and the table of the names the kernel prints.
 */
class EthtoolFeaturesReadingTest {

  private static final Pattern FEATURE = Pattern.compile("[ \t]*([^ \t:]+): (.*)");
  private static final Pattern STATE = Pattern.compile("[ \t]*(on|off)(?=[ \t]|$)");
  private static final Pattern FLAG = Pattern.compile("[ \t]*\\[(fixed|requested on|requested off)\\]");
  private static final Pattern BLANKS = Pattern.compile("[ \t]*");

  /**
   * What a line means by the definition: a name without blanks or ':', then ": ", then on or off
   * as a word, then any of the three flags, blanks between; a line of another shape is not one
   * ethtool prints, and a feature line that goes wrong after its name is an error.
   */
  private static String reference(String line) {
    Matcher m = FEATURE.matcher(line);
    if (!m.matches()) {
      return "unrecognised";
    }
    String rest = m.group(2);
    Matcher state = STATE.matcher(rest);
    if (!state.lookingAt()) {
      return "error";
    }
    boolean fixed = false;
    Optional<Boolean> requested = Optional.empty();
    int at = state.end();
    Matcher flag = FLAG.matcher(rest);
    while (!BLANKS.matcher(rest.substring(at)).matches()) {
      flag.region(at, rest.length());
      if (!flag.lookingAt()) {
        return "error";
      }
      switch (flag.group(1)) {
        case "fixed" -> fixed = true;
        case "requested on" -> requested = Optional.of(true);
        default -> requested = Optional.of(false);
      }
      at = flag.end();
    }
    return describe(EthtoolFeature.builder().name(m.group(1)).enabled(state.group(1).equals("on"))
        .fixed(fixed).requested(requested).build());
  }

  private static String describe(EthtoolFeature f) {
    return f.name() + "/" + f.enabled() + "/" + f.fixed() + "/" + f.requested();
  }

  private static String parsed(String line) {
    try {
      EthtoolFeatures f = new EthtoolFeaturesParser().parse(line + "\n");
      assertThat(f.messages()).isEmpty();
      return describe(f.features().get(0));
    } catch (ParseException e) {
      return String.valueOf(e.getMessage()).contains("unrecognised line") ? "unrecognised" : "error";
    }
  }

  /**
   * Any line made of a feature line's characters reads as the definition says: the same feature,
   * or the same kind of failure. With the blank after the name's colon left unchecked, or a flag
   * read without its closing bracket, this fails within a few hundred tries.
   */
  @Property(tries = 3000)
  void aLineReadsAsTheDefinitionSays(
      @ForAll @StringLength(min = 1, max = 40)
          @Chars({'a', 'o', 'n', 'f', 'x', 'd', 'i', 'e', '-', ':', ' ', '\t', '[', ']'}) String noise,
      @ForAll boolean shaped, @ForAll boolean on, @ForAll boolean fixed, @ForAll boolean requested,
      @ForAll boolean requestedOn,
      @ForAll @StringLength(max = 3) @Chars({' ', '\t'}) String blanks) {
    // half the lines are built in the feature shape, with noise where a name or a flag stands
    String line = noise;
    if (shaped) {
      String name = noise.replaceAll("[ \t:]", "");
      Assume.that(!name.isEmpty());
      line = blanks + name + ": " + blanks + (on ? "on" : "off")
          + (fixed ? blanks + " [fixed]" : "")
          + (requested ? " " + blanks + (requestedOn ? "[requested on]" : "[requested off]") : "")
          + blanks;
    }
    Assume.that(!line.isBlank() && "FCAneNO".indexOf(line.strip().charAt(0)) < 0);
    assertThat(parsed(line)).as(line).isEqualTo(reference(line));
  }

  @Test
  void everyListedNameIsFoundWhereItStandsAndNothingElseIs() {
    for (String name : new String[] {"rx-checksumming", "tx-tcp-accecn-segmentation", "highdma", "rx-gro-hw"}) {
      String text = "\t" + name + ": on";
      assertThat(EthtoolFeatureNames.lookup(text, 1, 1 + name.length())).isEqualTo(name);
      assertThat(EthtoolFeatureNames.lookup(text, 1, name.length())).isNull(); // one character short
      String changed = "\t" + name.substring(0, name.length() - 1) + "Z: on";
      assertThat(EthtoolFeatureNames.lookup(changed, 1, 1 + name.length())).isNull();
    }
    assertThat(EthtoolFeatureNames.size()).isGreaterThan(70);
  }

  @Test
  void theNamesThisMachinesKernelPrintsAreSharedBetweenParses() throws ParseException {
    // lab-ethtool-k-lo.txt is ethtool 6.x on Linux 6.18: every feature string the kernel has
    String text = Fixtures.read("fixtures/ethtool-features/lab-ethtool-k-lo.txt");
    EthtoolFeatures first = new EthtoolFeaturesParser().parse(text);
    EthtoolFeatures second = new EthtoolFeaturesParser().parse(text);
    assertThat(first.features()).hasSizeGreaterThan(60);
    for (int i = 0; i < first.features().size(); i++) {
      assertThat(second.features().get(i).name()).as(first.features().get(i).name())
          .isSameAs(first.features().get(i).name());
    }
    EthtoolFeatures unknown = new EthtoolFeaturesParser().parse("rx-new-offload: on\n");
    assertThat(unknown.features().get(0).name()).isEqualTo("rx-new-offload");
  }

  @Test
  void errorsNameTheColumnOfWhatIsWrong() {
    EthtoolFeaturesParser p = new EthtoolFeaturesParser();
    assertThatThrownBy(() -> p.parse("highdma: onx\n"))
        .hasMessage("line 1, column 10: expected on or off, found 'onx'");
    assertThatThrownBy(() -> p.parse("\thighdma: off [fixed] [fixd]\n"))
        .hasMessageStartingWith("line 1, column 23: expected [fixed], [requested on] or [requested off], found '[fixd]'");
    assertThatThrownBy(() -> p.parse("highdma: \n"))
        .hasMessageStartingWith("line 1, column 10: expected on or off, found end of line");
  }
}
