package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Severity;
import org.immutables.value.Value;

/**
 * The tolerances that tell a change from run-to-run noise, named and documented. A difference
 * inside them is "no change", never an improvement. Override any of them:
 *
 * <pre>{@code
 * CompareConfig loose = CompareConfig.builder().throughputRelative(0.2).build();
 * Comparison c = Comparison.of(before, after, loose);
 * }</pre>
 */
@Value.Immutable
public abstract class CompareConfig {

  /** The defaults. */
  public static CompareConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutableCompareConfig.Builder builder() {
    return ImmutableCompareConfig.builder();
  }

  /**
   * Throughput changes within this share of the larger of the two figures are noise. Default 0.10 (±10%):
   * back-to-back iperf3 runs on one path differ by a few percent.
   */
  @Value.Default
  public double throughputRelative() {
    return 0.10;
  }

  /**
   * Whether the tolerance widens to the larger of the two runs' interval spread (the standard
   * deviation of iperf3's per-interval bitrates, in bits per second) when that exceeds {@link
   * #throughputRelative()}. Default true: a bursty path is not judged by 10%.
   */
  @Value.Default
  public boolean throughputIntervalSpread() {
    return true;
  }

  /** RTT changes within this many milliseconds are noise (the floor of the RTT tolerance). Default 1 ms. */
  @Value.Default
  public double rttFloorMillis() {
    return 1.0;
  }

  /** RTT changes within this share of the larger figure are noise, when above the floor. Default 0.20 (±20%). */
  @Value.Default
  public double rttRelative() {
    return 0.20;
  }

  /**
   * A rate (drops per packet, retransmits per segment) is judged only when each side counted at
   * least this many packets or segments. Default 1,000.
   */
  @Value.Default
  public long rateMinimumTrials() {
    return 1000;
  }

  /**
   * The z of the Wilson score interval around each rate: two rates differ only when their
   * intervals do not overlap. Default 1.96 (95%).
   */
  @Value.Default
  public double rateConfidenceZ() {
    return 1.96;
  }

  /**
   * Rates closer than this share (events per packet) are no change even when their intervals part,
   * as over millions of packets they do for differences nobody feels. Default 0.001 (0.1
   * percentage point).
   */
  @Value.Default
  public double rateMinimumDifference() {
    return 0.001;
  }

  /**
   * Rates closer than this share of the larger rate are no change, even when their Wilson intervals
   * part. Default 0.25 (±25%): drops and retransmits come in bursts, so two runs of one setup
   * differ by far more than binomial noise (12.1% against 13.2% UDP buffer errors in two lab runs
   * of the same load).
   */
  @Value.Default
  public double rateRelative() {
    return 0.25;
  }

  /**
   * A rate is judged only when the two sides counted within this factor of packets or segments of
   * each other. Default 10: a fix that lets 1,000 times the traffic through may also meet the next
   * queue, and more drops per packet at a thousandfold load is not the fix's fault; the new
   * finding says so instead.
   */
  @Value.Default
  public double rateLoadRatio() {
    return 10;
  }

  /**
   * A handshake older than this many seconds is stale. Default 180: WireGuard rekeys every 120 s
   * under traffic, so ages under 180 s are one state, "fresh", and differences among them are noise.
   */
  @Value.Default
  public long handshakeStaleSeconds() {
    return 180;
  }

  /** CPU changes within this many percentage points are noise. Default 10. */
  @Value.Default
  public double cpuPoints() {
    return 10;
  }

  /**
   * A finding at this severity or worse decides the verdict: resolved, it is an improvement; new
   * (or risen to it), it makes things worse. Milder findings are listed but do not decide: they
   * come and go with noise near their thresholds. Default critical.
   */
  @Value.Default
  public Severity decidingSeverity() {
    return Severity.CRITICAL;
  }

  /** Refuses negative tolerances. */
  @Value.Check
  protected void check() {
    if (throughputRelative() < 0 || rttFloorMillis() < 0 || rttRelative() < 0 || rateMinimumTrials() < 0
        || rateConfidenceZ() < 0 || rateLoadRatio() < 1 || rateMinimumDifference() < 0 || rateRelative() < 0 || handshakeStaleSeconds() < 0 || cpuPoints() < 0) {
      throw new IllegalStateException("tolerances must not be negative (and the load ratio at least 1): " + this);
    }
  }
}
