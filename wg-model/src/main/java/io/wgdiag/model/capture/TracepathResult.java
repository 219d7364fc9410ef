package io.wgdiag.model.capture;

import com.google.common.collect.ImmutableList;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * {@code tracepath -n HOST}: hops, the path MTU found, and the hop counts each way.
 *
 * <pre>{@code
 *  1?: [LOCALHOST]                      pmtu 1300
 *  1:  192.0.2.254                                           0.132ms
 *  2:  198.51.100.2                                          0.171ms reached
 *      Resume: pmtu 1300 hops 2 back 2
 * }</pre>
 */
@Value.Immutable
public abstract class TracepathResult {

  /** The hop lines, in printed order. */
  public abstract ImmutableList<TracepathHop> hops();

  /** The path MTU in bytes from the {@code Resume:} or {@code Too many hops:} line. */
  public abstract OptionalInt pmtuBytes();

  /** The hops to the destination ({@code hops N}). */
  public abstract OptionalInt hopCount();

  /** The hops back ({@code back N}); differing from {@link #hopCount()} means an asymmetric path. */
  public abstract OptionalInt backHopCount();

  /** Whether tracepath gave up ({@code Too many hops}). */
  @Value.Default
  public boolean tooManyHops() {
    return false;
  }

  /** The smallest PMTU any hop line reported, or the final one. */
  public OptionalInt smallestPmtuBytes() {
    int min = Integer.MAX_VALUE;
    for (TracepathHop h : hops()) {
      if (h.pmtuBytes().isPresent()) {
        min = Math.min(min, h.pmtuBytes().getAsInt());
      }
    }
    if (pmtuBytes().isPresent()) {
      min = Math.min(min, pmtuBytes().getAsInt());
    }
    return min == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(min);
  }

  /** A builder. */
  public static ImmutableTracepathResult.Builder builder() {
    return ImmutableTracepathResult.builder();
  }
}
