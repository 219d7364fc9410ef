package io.wgdiag.parsers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@link Names#firstRepeated} names the repeat with the lowest position, as the plain definition
 * does, both where it compares in pairs and where it sorts hashes (past {@value
 * Names#PAIRWISE_LIMIT} names), with strings of equal hash ({@code "Aa"} and {@code "BB"}) among
 * them.
 */
class NamesFirstRepeatedTest {

  /** Words of equal {@link String#hashCode()}: "Aa" and "BB" hash alike, and so do their concatenations. */
  private static final String[] COLLIDING = {"AaAa", "AaBB", "BBAa", "BBBB"};

  @Property(tries = 500)
  void agreesWithTheDefinition(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 400) Integer> picks,
      @ForAll @IntRange(min = 1, max = 400) int alphabet) {
    List<String> names = new ArrayList<>();
    for (int p : picks) {
      int k = p % alphabet;
      names.add(k < COLLIDING.length ? COLLIDING[k] : "Name" + k);
    }
    assertThat(Names.firstRepeated(names)).isEqualTo(reference(names));
  }

  @Example
  void findsTheEarliestRepeatPastThePairwiseLimit() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      names.add("TcpExt" + i);
    }
    assertThat(Names.firstRepeated(names)).isNull();
    names.add("TcpExt7"); // position 120 repeats position 7
    names.add("TcpExt3"); // a later repeat of an earlier name: not the first
    names.set(90, "TcpExt100"); // position 100 repeats position 90: the first repeat
    assertThat(Names.firstRepeated(names)).isEqualTo("TcpExt100");
    // colliding hashes that are different names are no repeat
    List<String> colliding = new ArrayList<>(List.of(COLLIDING));
    for (int i = 0; i < 40; i++) {
      colliding.add("x" + i);
    }
    assertThat(Names.firstRepeated(colliding)).isNull();
  }

  private static @Nullable String reference(List<String> names) {
    for (int i = 1; i < names.size(); i++) {
      if (names.subList(0, i).contains(names.get(i))) {
        return names.get(i);
      }
    }
    return null;
  }
}
