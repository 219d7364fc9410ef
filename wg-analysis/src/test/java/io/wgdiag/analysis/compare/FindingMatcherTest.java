package io.wgdiag.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Category;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings match by code, host and subject, not by their titles' figures. */
class FindingMatcherTest {

  private static Finding f(String code, Host host, String title) {
    return Finding.builder().code(code).severity(Severity.WARNING).confidence(0.8).category(Category.LOSS).host(host)
        .title(title).explanation("").decision("").build();
  }

  @Test
  void theSameProblemWithOtherFiguresPersists() {
    Finding before = f("queue.qdisc-drops", Host.LOCAL, "qdisc tbf on la0 dropped 1234 packets (2.1%) under load");
    Finding after = f("queue.qdisc-drops", Host.LOCAL, "qdisc tbf on la0 dropped 17 packets (0.03%) under load");
    List<FindingChange> m = Comparison.FindingMatcher.match(List.of(before), List.of(after));
    assertThat(m).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(FindingChange.Status.PERSISTING);
      assertThat(c.after()).contains(after);
    });
  }

  @Test
  void subjectsPairFirstThenCodeAndHost() {
    Finding la0 = f("queue.qdisc-drops", Host.LOCAL, "qdisc tbf on la0 dropped 5 packets");
    Finding eth = f("queue.qdisc-drops", Host.LOCAL, "qdisc fq_codel on eth dropped 9 packets");
    Finding ethAfter = f("queue.qdisc-drops", Host.LOCAL, "qdisc fq_codel on eth dropped 90 packets");
    Finding remote = f("queue.qdisc-drops", Host.REMOTE, "qdisc tbf on la0 dropped 5 packets");
    List<FindingChange> m = Comparison.FindingMatcher.match(List.of(la0, eth), List.of(remote, ethAfter));
    assertThat(m).extracting(c -> c.status() + " " + c.host() + " " + c.latest().title()).containsExactly(
        "RESOLVED LOCAL qdisc tbf on la0 dropped 5 packets",
        "NEW REMOTE qdisc tbf on la0 dropped 5 packets",
        "PERSISTING LOCAL qdisc fq_codel on eth dropped 90 packets");
  }

  @Test
  void theSubjectDropsEveryNumber() {
    assertThat(Comparison.FindingMatcher.subject(f("x", Host.LOCAL, "RTT to 10.60.0.10 rises from 0.593 ms idle to 138.6 ms")))
        .isEqualTo("title: RTT to # rises from # ms idle to # ms");
  }

  @Test
  void namedSubjectsThatDifferAreDifferentFacts() {
    Finding la0 = Finding.builder().from(f("queue.qdisc-drops", Host.LOCAL, "qdisc tbf on la0 dropped 5 packets")).subject("la0").build();
    Finding eth0 = Finding.builder().from(f("queue.qdisc-drops", Host.LOCAL, "qdisc tbf on eth0 dropped 5 packets")).subject("eth0").build();
    Finding la0Later = Finding.builder().from(f("queue.qdisc-drops", Host.LOCAL, "drops on the underlay, 40 of them")).subject("la0").build();
    assertThat(Comparison.FindingMatcher.match(List.of(la0), List.of(eth0))).extracting(FindingChange::status)
        .containsExactly(FindingChange.Status.RESOLVED, FindingChange.Status.NEW);
    // the analyzer's subject matches whatever the title says
    assertThat(Comparison.FindingMatcher.match(List.of(la0), List.of(la0Later))).extracting(FindingChange::status)
        .containsExactly(FindingChange.Status.PERSISTING);
  }
}
