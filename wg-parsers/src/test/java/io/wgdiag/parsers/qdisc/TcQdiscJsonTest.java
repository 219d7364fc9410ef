package io.wgdiag.parsers.qdisc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.qdisc.ImmutableQdisc;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@code tc -j [-s] qdisc} and the text form of the same moment give equal models. */
class TcQdiscJsonTest {

  private final TcQdiscParser parser = new TcQdiscParser();

  @Test
  void textAndJsonOfTheSameIdleMomentAreEqualModels() throws ParseException {
    QdiscReport text = parser.parse(Fixtures.read("fixtures/tc-qdisc/lab-tc-s-qdisc-idle.txt"));
    QdiscReport json = parser.parse(Fixtures.read("json-captures/tc/tc-j-s-qdisc-idle.json"));
    assertThat(text.qdiscs()).hasSize(11);
    // iproute2 6.1 prints tbf's peakrate in the text form only (q_tbf.c: tc_print_rate(PRINT_FP, ...))
    assertThat(text.qdiscs().get(3).options()).containsEntry("peakrate", "120Mbit");
    assertThat(json.qdiscs().get(3).options()).doesNotContainKey("peakrate");
    assertThat(json.qdiscs()).isEqualTo(withoutTextOnlyOptions(text.qdiscs()));
    // the facts the text shows, read from the JSON
    Qdisc tbf = json.qdiscs().get(6);
    assertThat(tbf.options()).containsEntry("rate", "8Mbit").containsEntry("burst", "10Kb").containsEntry("lat", "19.8ms");
    assertThat(tbf.sentBytes()).hasValue(24882);
    assertThat(tbf.sentPackets()).hasValue(21);
    assertThat(json.qdiscs().get(7).options()).isEmpty(); // ingress: the text's dashes are no option
    assertThat(json.qdiscs().get(8).options()).containsEntry("default", "0x20").containsEntry("r2q", "5");
    assertThat(json.qdiscs().get(4).options()).containsEntry("limit", "500p");
    assertThat(json.qdiscs().get(5).options()).containsEntry("limit", "64000b");
  }

  @Test
  void withoutStatisticsToo() throws ParseException {
    QdiscReport text = parser.parse(Fixtures.read("fixtures/tc-qdisc/lab-tc-qdisc-idle.txt"));
    QdiscReport json = parser.parse(Fixtures.read("json-captures/tc/tc-j-qdisc-idle.json"));
    assertThat(json.qdiscs()).isEqualTo(withoutTextOnlyOptions(text.qdiscs()));
    assertThat(json.qdiscs()).allSatisfy(q -> assertThat(q.sentBytes()).isEmpty());
  }

  /**
   * fq as q_fq.c prints it (this machine's kernel has no sch_fq): both forms print {@code throttled}
   * twice (flows, then packets); the first value stands in both, and ns times format alike.
   */
  @Test
  void fqDuplicateThrottledAndNanosecondTimes() throws ParseException {
    String text = """
        qdisc fq 8001: dev eth0 root refcnt 2 limit 10000p flow_limit 100p buckets 1024 orphan_mask 1023 quantum 3028b initial_quantum 15140b low_rate_threshold 550Kbit refill_delay 40ms timer_slack 10us horizon 10s horizon_drop
         Sent 1234 bytes 10 pkt (dropped 0, overlimits 0 requeues 0)
         backlog 0b 0p requeues 0
          flows 3 (inactive 1 throttled 2)
          gc 0 highprio 0 throttled 110 latency 10.5us
        """;
    String json = """
        [{"kind":"fq","handle":"8001:","dev":"eth0","root":true,"refcnt":2,"options":{"limit":10000,"flow_limit":100,\
        "buckets":1024,"orphan_mask":1023,"quantum":3028,"initial_quantum":15140,"low_rate_threshold":68750,\
        "refill_delay":40000,"timer_slack":10000,"horizon":10000000,"horizon_drop":null},"bytes":1234,"packets":10,\
        "drops":0,"overlimits":0,"requeues":0,"backlog":0,"qlen":0,"flows":3,"inactive":1,"throttled":2,"gc":0,\
        "highprio":0,"throttled":110,"latency":10500}]
        """;
    Qdisc fromText = parser.parse(text).qdiscs().get(0);
    Qdisc fromJson = parser.parse(json).qdiscs().get(0);
    assertThat(fromText.stats()).containsEntry("throttled", "2").containsEntry("latency", "10.5us");
    // the JSON reader keeps the first of the two "throttled" keys: the throttle events are the text's only
    assertThat(fromText.fq().orElseThrow().throttledEvents()).hasValue(110);
    assertThat(fromJson.fq().orElseThrow().throttledEvents()).isEmpty();
    assertThat(fromJson).isEqualTo(ImmutableQdisc.copyOf(fromText)
        .withFq(io.wgdiag.model.qdisc.ImmutableFqStats.copyOf(fromText.fq().orElseThrow()).withThrottledEvents(java.util.OptionalLong.empty())));
    assertThat(fromJson.fq().orElseThrow().unthrottleLatencyNanos()).hasValue(10_500);
  }

  @Test
  void formatsAsTcPrints() {
    // pairs seen in real output: raw tc -j value → text form
    assertThat(TcFormat.size(65525)).isEqualTo("64Kb");
    assertThat(TcFormat.size(16382)).isEqualTo("16Kb");
    assertThat(TcFormat.size(102400)).isEqualTo("100Kb");
    assertThat(TcFormat.size(1515)).isEqualTo("1515b");
    assertThat(TcFormat.size(33554432)).isEqualTo("32Mb");
    assertThat(TcFormat.rate(12500000)).isEqualTo("100Mbit");
    assertThat(TcFormat.rate(2500000)).isEqualTo("20Mbit");
    assertThat(TcFormat.rate(68750)).isEqualTo("550Kbit");
    assertThat(TcFormat.rate(154321)).isEqualTo("1234Kbit"); // 1234568 bit/s: tc truncates
    assertThat(TcFormat.timeMicros(4999)).isEqualTo("5ms");
    assertThat(TcFormat.timeMicros(99999)).isEqualTo("100ms");
    assertThat(TcFormat.timeMicros(5447)).isEqualTo("5.45ms");
    assertThat(TcFormat.timeMicros(19760)).isEqualTo("19.8ms");
    assertThat(TcFormat.timeMicros(999)).isEqualTo("999us");
    assertThat(TcFormat.timeMicros(999_999)).isEqualTo("1e+03ms");
    assertThat(TcFormat.timeNanos(800)).isEqualTo("800ns");
    assertThat(TcFormat.g(0.0001234, 3)).isEqualTo("0.000123");
    assertThat(TcFormat.g(0.00001234, 3)).isEqualTo("1.23e-05");
  }

  @Property
  void sizeTextReadsBackWithinTcsTolerance(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long bytes) {
    // below 10^6 Kb; above it tc's %g prints 1.23457e+06Kb and loses digits, as sizeAboveAMillionKb shows
    String s = TcFormat.size(bytes);
    double unit = s.endsWith("Gb") ? 1L << 30 : s.endsWith("Mb") ? 1L << 20 : s.endsWith("Kb") ? 1024 : 1;
    double value = Double.parseDouble(s.substring(0, s.length() - (unit == 1 ? 1 : 2))) * unit;
    // sprint_size rounds to a Kb only within 16 bytes, to an Mb or Gb within 1024
    assertThat(Math.abs(value - bytes)).isLessThan(unit == 1 ? 1 : unit == 1024 ? 16 : 1024);
  }

  @Test
  void sizeAboveAMillionKbLosesDigitsAsTcDoes() {
    assertThat(TcFormat.size(1024L * 1_234_567)).isEqualTo("1.23457e+06Kb");
  }

  @Property
  void timeTextHasThreeSignificantDigits(@ForAll @LongRange(min = 1000, max = 4_000_000_000L) long micros) {
    String s = TcFormat.timeMicros(micros);
    double value = s.endsWith("ms") ? Double.parseDouble(s.substring(0, s.length() - 2)) * 1e3
        : Double.parseDouble(s.substring(0, s.length() - 1)) * 1e6;
    assertThat(Math.abs(value - micros) / micros).isLessThanOrEqualTo(0.005);
  }

  @Test
  void jsonErrorsNameWhatWasExpected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse("[{\"kind\":\"fq\"}]"))
        .isInstanceOf(ParseException.class).hasMessageContaining("kind and handle").hasMessageContaining("line 1");
  }

  private static List<Qdisc> withoutTextOnlyOptions(List<Qdisc> text) {
    return text.stream().map(q -> (Qdisc) ImmutableQdisc.copyOf(q).withOptions(
        q.options().entrySet().stream().filter(e -> !e.getKey().equals("peakrate")).toList().stream()
            .collect(com.google.common.collect.ImmutableMap.toImmutableMap(e -> e.getKey(), e -> e.getValue())))).toList();
  }
}
