package io.wgdiag.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The causal model is one consistent table, printed in docs/analysis.md, and the ranking loses nothing. */
class CausalModelTest {

  static Set<String> allCodes() throws IllegalAccessException {
    Set<String> out = new HashSet<>();
    for (Field f : Codes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        out.add((String) f.get(null));
      }
    }
    return out;
  }

  @Test
  void everyRowNamesKnownCodesAndNoCodeExplainsItselfOrItsOwnCause() throws Exception {
    Set<String> codes = allCodes();
    List<CausalLink> rows = CausalModel.standard().links();
    assertThat(rows).hasSizeGreaterThan(50);
    Set<String> pairs = new HashSet<>();
    for (CausalLink l : rows) {
      assertThat(codes).as("cause of " + l).contains(l.cause());
      assertThat(codes).as("symptom of " + l).contains(l.symptom());
      assertThat(l.cause()).as(l.toString()).isNotEqualTo(l.symptom());
      assertThat(l.reason()).isNotBlank();
      pairs.add(l.cause() + ">" + l.symptom());
    }
    for (CausalLink l : rows) {
      assertThat(pairs).as("both " + l.cause() + " and " + l.symptom() + " explain each other")
          .doesNotContain(l.symptom() + ">" + l.cause());
    }
  }

  /** The markdown table docs/analysis.md prints, made from the model itself. */
  static String markdown(CausalModel model) {
    StringBuilder sb = new StringBuilder("| cause | explains | where | why |\n|---|---|---|---|\n");
    for (CausalLink l : model.links()) {
      sb.append("| `").append(l.cause()).append("` | `").append(l.symptom()).append("` | ")
          .append(l.scope().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(l.promotes() ? " (takes its severity)" : "").append(" | ").append(l.reason()).append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void theDocsPrintTheTableAsTheCodeHoldsIt() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "analysis.md"));
    // the table as it should read, for pasting into the doc when the model changes
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "causal-table.md"), markdown(CausalModel.standard()));
    assertThat(doc).as("docs/analysis.md must hold the causal table exactly as CausalModelTest.markdown prints it")
        .contains(markdown(CausalModel.standard()));
  }

  // ---- the ranking: nothing lost, one finding per fact

  private static final List<String> CODES = List.of(Codes.TUNNEL_NO_TRAFFIC, Codes.PEER_NO_HANDSHAKE, Codes.ROUTE_ASYMMETRIC,
      Codes.ROUTE_NOT_VIA_TUNNEL, Codes.MTU_BLACKHOLE, Codes.CPU_SATURATED, Codes.QUEUE_QDISC_DROPS, Codes.UDP_BUFFER_ERRORS,
      Codes.NIC_RX_DROPS, Codes.PATH_LOSS, Codes.TCP_RETRANSMITS, Codes.TCP_SINGLE_FLOW_LIMITED, Codes.PEER_ONE_WAY,
      Codes.UNDERLAY_LOSS, Codes.QUEUE_BUFFERBLOAT);

  @Provide
  Arbitrary<List<Finding>> findings() {
    Arbitrary<Finding> one = Combinators.combine(
            Arbitraries.of(CODES), Arbitraries.of(Host.values()), Arbitraries.of(Severity.values()),
            Arbitraries.of("", "a", "b"), Arbitraries.of(0, 1, 2), Arbitraries.doubles().between(0, 1))
        .as((code, host, sev, subject, dir, conf) -> {
          ImmutableFinding.Builder b = Finding.builder().code(code).host(host).severity(sev).subject(subject)
              .confidence(conf).category(Category.LOSS).title(code + " " + subject).explanation("").decision("")
              .addEvidence(Evidence.of("f:" + Math.round(conf * 1000), code));
          if (dir > 0) {
            b.direction(Direction.values()[dir - 1]);
          }
          return (Finding) b.build();
        });
    return one.list().ofMaxSize(25);
  }

  @Property(tries = 300)
  void theRankingLosesNoFindingAndKeepsOnePerFact(@ForAll("findings") List<Finding> input) {
    List<Finding> merged = Analysis.merge(input);
    List<Finding> out = Analysis.rank(input, CausalModel.standard());
    Set<String> keys = new HashSet<>();
    for (Finding f : out) {
      assertThat(keys.add(f.code() + "/" + f.host() + "/" + f.subject())).as("one finding per fact: " + f.code()).isTrue();
    }
    List<String> seen = new ArrayList<>();
    for (Finding f : out) {
      seen.add(f.code() + "/" + f.host() + "/" + f.subject());
      for (Absorbed a : f.absorbed()) {
        seen.add(a.code() + "/" + a.host() + "/" + a.title().substring(a.code().length()).strip());
        assertThat(a.reason()).isNotBlank();
      }
      assertThat(f.linkedSymptoms()).containsExactlyInAnyOrderElementsOf(
          f.absorbed().stream().map(Absorbed::code).distinct().toList());
    }
    List<String> expected = merged.stream().map(f -> f.code() + "/" + f.host() + "/" + f.subject()).toList();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    // every evidence line of the input is still somewhere in the report
    Set<Evidence> kept = new HashSet<>();
    out.forEach(f -> {
      kept.addAll(f.evidence());
      f.absorbed().forEach(a -> kept.addAll(a.evidence()));
    });
    input.forEach(f -> assertThat(kept).containsAll(f.evidence()));
    // ranked: no kept finding is worse than one after it
    for (int i = 1; i < out.size(); i++) {
      assertThat(Analysis.RANKING.compare(out.get(i - 1), out.get(i))).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void aCauseOnTheRemoteEndExplainsTheLocalSymptomOfItsDirectionOnly() {
    Finding rcvbuf = Finding.builder().code(Codes.UDP_BUFFER_ERRORS).host(Host.REMOTE).severity(Severity.WARNING)
        .direction(Direction.LOCAL_TO_REMOTE).confidence(0.9).category(Category.LOSS).title("t").explanation("")
        .decision("").build();
    Finding sameWay = Finding.builder().from(rcvbuf).code(Codes.TCP_RETRANSMITS).host(Host.LOCAL).confidence(0.6).build();
    Finding otherWay = Finding.builder().from(sameWay).direction(Direction.REMOTE_TO_LOCAL).build();
    assertThat(CausalModel.standard().link(rcvbuf, sameWay)).isPresent();
    assertThat(CausalModel.standard().link(rcvbuf, otherWay)).isEmpty();
    List<Finding> out = Analysis.rank(List.of(sameWay, rcvbuf), CausalModel.standard());
    assertThat(out).singleElement().satisfies(f -> assertThat(f.absorbed()).singleElement()
        .satisfies(a -> assertThat(a.reason()).contains("direction local → remote")));
  }

  @Test
  void aPromotingCauseTakesTheSeverityOfTheDeadTunnelItExplains() {
    Finding dead = Finding.builder().code(Codes.TUNNEL_NO_TRAFFIC).host(Host.LOCAL).severity(Severity.CRITICAL)
        .confidence(0.8).category(Category.CONNECTIVITY).title("dead").explanation("").decision("").build();
    Finding policy = Finding.builder().from(dead).code(Codes.ROUTE_ASYMMETRIC).host(Host.REMOTE).severity(Severity.WARNING)
        .category(Category.ROUTING).title("policy").build();
    List<Finding> out = Analysis.rank(List.of(dead, policy), CausalModel.standard());
    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(Codes.ROUTE_ASYMMETRIC);
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.absorbed()).extracting(Absorbed::code).containsExactly(Codes.TUNNEL_NO_TRAFFIC);
    });
  }
}
