package io.wgdiag.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wgdiag.analysis.Host;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The noise rules: a difference inside the tolerance is no change, and swapping the sides swaps the verdict. */
class JudgeTest {
  private final Judge judge = new Judge(CompareConfig.defaults());

  private static Reading figure(double v) {
    return Reading.of(v, "", "same", "test");
  }

  private MeasureChange judge(Measure m, Reading b, Reading a) {
    return judge.judge(m, Host.LOCAL, Optional.of(b), Optional.of(a));
  }

  @Property
  void throughputWithinTenPercentIsNoChange(@ForAll @DoubleRange(min = 1e3, max = 1e10) double before,
      @ForAll @DoubleRange(min = -0.0999, max = 0.0999) @Scale(5) double share) {
    double after = before * (1 + share);
    assertThat(judge(Measure.SINGLE_FLOW_THROUGHPUT, figure(before), figure(after)).verdict()).isEqualTo(Change.NO_CHANGE);
  }

  @Property
  void swappingTheSidesSwapsTheVerdict(@ForAll @DoubleRange(min = 0, max = 1e4) double x, @ForAll @DoubleRange(min = 0, max = 1e4) double y) {
    for (Measure m : new Measure[] {Measure.PARALLEL_THROUGHPUT, Measure.RTT_LOADED, Measure.CPU_MAX_BUSY}) {
      Change forward = judge(m, figure(x), figure(y)).verdict();
      Change backward = judge(m, figure(y), figure(x)).verdict();
      Change mirrored = forward == Change.IMPROVED ? Change.WORSE : forward == Change.WORSE ? Change.IMPROVED : forward;
      assertThat(backward).as(m + " " + x + " / " + y).isEqualTo(mirrored);
    }
  }

  @Property
  void anRttChangeUnderAMillisecondIsNoise(@ForAll @DoubleRange(min = 0, max = 4) double before,
      @ForAll @DoubleRange(min = -0.999, max = 0.999) @Scale(4) double delta) {
    double after = Math.max(0, before + delta);
    assertThat(judge(Measure.RTT_IDLE, figure(before), figure(after)).verdict()).isEqualTo(Change.NO_CHANGE);
  }

  @Property
  void theWilsonIntervalHoldsTheObservedRate(@ForAll @LongRange(min = 1, max = 10_000_000) long n, @ForAll @DoubleRange(min = 0, max = 1) double share) {
    long k = Math.round(n * share);
    double[] w = Judge.wilson(k, n, 1.96);
    assertThat(w[0]).isLessThanOrEqualTo((double) k / n + 1e-12);
    assertThat(w[1]).isGreaterThanOrEqualTo((double) k / n - 1e-12);
    assertThat(w[0]).isBetween(0.0, 1.0);
    assertThat(w[1]).isBetween(0.0, 1.0);
  }

  @Test
  void wilsonMatchesItsTextbookValue() {
    // 0 of 10 at 95%: [0, 0.2775]; 5 of 10: [0.2366, 0.7634]
    assertThat(Judge.wilson(0, 10, 1.96)[1]).isCloseTo(0.2775, within(1e-4));
    assertThat(Judge.wilson(5, 10, 1.96)[0]).isCloseTo(0.2366, within(1e-4));
    assertThat(Judge.wilson(5, 10, 1.96)[1]).isCloseTo(0.7634, within(1e-4));
  }

  @Test
  void ratesNeedAMinimumSampleAndComparableLoads() {
    Reading small = Reading.rate(0, 500, "packets", "same", "t");
    Reading big = Reading.rate(100, 10_000, "packets", "same", "t");
    assertThat(judge(Measure.QDISC_DROPS, small, big).verdict()).isEqualTo(Change.TOO_FEW_SAMPLES);
    Reading huge = Reading.rate(10_000, 1_000_000, "packets", "same", "t");
    assertThat(judge(Measure.QDISC_DROPS, big, huge).verdict()).isEqualTo(Change.LOAD_DIFFERS);
  }

  @Test
  void ratesApartBeyondTheirNoiseChange() {
    Reading low = Reading.rate(20, 100_000, "packets", "same", "t"); // 0.02%
    Reading high = Reading.rate(2_000, 100_000, "packets", "same", "t"); // 2%
    assertThat(judge(Measure.UDP_DROPS, low, high).verdict()).isEqualTo(Change.WORSE);
    assertThat(judge(Measure.UDP_DROPS, high, low).verdict()).isEqualTo(Change.IMPROVED);
    // 12.1% against 13.2% over a million datagrams: the intervals part, but bursts make runs differ this much
    Reading a = Reading.rate(121_000, 1_000_000, "d", "same", "t");
    Reading b = Reading.rate(132_000, 1_000_000, "d", "same", "t");
    MeasureChange c = judge(Measure.UDP_DROPS, a, b);
    assertThat(c.verdict()).isEqualTo(Change.NO_CHANGE);
    assertThat(c.note()).contains("apart").contains("within");
  }

  @Test
  void aDfLadderChangesOnlyWhereOneSidePassedWhatTheOtherLost() {
    Reading blackhole = new Reading(1220, "", OptionalDouble.empty(), 0, 8, OptionalDouble.of(1280), "DF ping ladder", "t");
    Reading whole = new Reading(1420, "", OptionalDouble.empty(), 0, 8, OptionalDouble.empty(), "DF ping ladder", "t");
    Reading shortLadder = new Reading(1200, "", OptionalDouble.empty(), 0, 2, OptionalDouble.empty(), "DF ping ladder", "t");
    assertThat(judge(Measure.DF_LARGEST_PASSING, blackhole, whole).verdict()).isEqualTo(Change.IMPROVED);
    assertThat(judge(Measure.DF_LARGEST_PASSING, whole, blackhole).verdict()).isEqualTo(Change.WORSE);
    // a ladder that stopped at 1200 never probed what the other lost: no change
    assertThat(judge(Measure.DF_LARGEST_PASSING, shortLadder, whole).verdict()).isEqualTo(Change.NO_CHANGE);
  }

  @Test
  void handshakeAgesUnderTheStaleLimitAreOneState() {
    assertThat(judge(Measure.HANDSHAKE_AGE, figure(5), figure(170)).verdict()).isEqualTo(Change.NO_CHANGE);
    assertThat(judge(Measure.HANDSHAKE_AGE, figure(5), figure(400)).verdict()).isEqualTo(Change.WORSE);
    assertThat(judge(Measure.HANDSHAKE_AGE, figure(Double.POSITIVE_INFINITY), figure(400)).verdict()).isEqualTo(Change.IMPROVED);
    assertThat(judge(Measure.HANDSHAKE_AGE, figure(Double.POSITIVE_INFINITY), figure(Double.POSITIVE_INFINITY)).verdict())
        .isEqualTo(Change.NO_CHANGE);
  }

  @Test
  void readingsOfDifferentBasesAreNotCompared() {
    MeasureChange c = judge(Measure.PARALLEL_THROUGHPUT, Reading.of(1e6, "", "iperf3 -P 4 -b 1M", "t"), Reading.of(9e8, "", "iperf3 -P 4", "t"));
    assertThat(c.verdict()).isEqualTo(Change.NOT_COMPARABLE);
    assertThat(c.verdict().lacksEvidence()).isTrue();
  }
}
