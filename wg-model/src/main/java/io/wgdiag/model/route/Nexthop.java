package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One path of a multipath route: {@code nexthop via 192.0.2.1 dev eth0 weight 1}. */
@Value.Immutable
public abstract class Nexthop {

  /** The gateway ({@code via}). */
  public abstract Optional<String> gateway();

  /** The device ({@code dev}). */
  public abstract Optional<String> device();

  /** The weight (1 when not printed). */
  public abstract OptionalInt weight();

  /** Flags such as {@code onlink}, {@code dead}, {@code linkdown}. */
  public abstract ImmutableList<String> flags();

  /** A builder. */
  public static ImmutableNexthop.Builder builder() {
    return ImmutableNexthop.builder();
  }
}
