package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.wireguard.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The index answers "which prefixes contain this one" exactly as a scan with {@link IpPrefix#contains} does. */
class PrefixIndexTest {

  @Property(tries = 300)
  void containingEqualsAScan(@ForAll @Size(max = 40) List<@net.jqwik.api.From("prefix") IpPrefix> indexed,
      @ForAll @Size(max = 20) List<@net.jqwik.api.From("prefix") IpPrefix> queries) {
    PrefixIndex<Integer> index = new PrefixIndex<>();
    for (int i = 0; i < indexed.size(); i++) {
      index.add(indexed.get(i), i);
    }
    for (IpPrefix q : queries) {
      List<Integer> scan = new ArrayList<>();
      for (int i = 0; i < indexed.size(); i++) {
        if (indexed.get(i).contains(q)) {
          scan.add(i);
        }
      }
      assertThat(index.containing(q)).as(q.toString()).containsExactlyInAnyOrderElementsOf(scan);
    }
  }

  /** Prefixes in a small space, so that containment is common: 10.0.x.y/len and fd00::x:y/len, unmasked hosts included. */
  @Provide
  Arbitrary<IpPrefix> prefix() {
    Arbitrary<IpPrefix> v4 = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 255),
        Arbitraries.integers().between(8, 32)).as((x, y, len) -> IpPrefix.parse("10.0." + x + "." + y + "/" + len).orElseThrow());
    Arbitrary<IpPrefix> v6 = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 255),
        Arbitraries.integers().between(16, 128)).as((x, y, len) -> IpPrefix.parse("fd00::" + x + ":" + y + "/" + len).orElseThrow());
    return Arbitraries.oneOf(v4, v6, Arbitraries.of(IpPrefix.parse("0.0.0.0/0").orElseThrow(), IpPrefix.parse("::/0").orElseThrow()));
  }
}
