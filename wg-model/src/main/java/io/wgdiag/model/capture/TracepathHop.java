package io.wgdiag.model.capture;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One line of {@code tracepath}: {@code  2:  198.51.100.2   0.171ms reached}, {@code  1?: [LOCALHOST]  pmtu 1300}. */
@Value.Immutable
public abstract class TracepathHop {

  /** The hop number (TTL). */
  public abstract int hop();

  /** Whether this is the {@code N?:} line of a probe still guessing its TTL (the local line). */
  @Value.Default
  public boolean guessed() {
    return false;
  }

  /** The responding address ({@code [LOCALHOST]} for the local line); absent for {@code no reply}. */
  public abstract Optional<String> address();

  /** The round-trip time in milliseconds, when printed. */
  public abstract OptionalDouble rttMillis();

  /** The path MTU in bytes reported on this line ({@code pmtu 1300}): where the PMTU drops. */
  public abstract OptionalInt pmtuBytes();

  /** The reply's hop count when it differs from the hop ({@code asymm N}): an asymmetric path. */
  public abstract OptionalInt asymmetricHops();

  /** Whether the destination answered ({@code reached}). */
  @Value.Default
  public boolean reached() {
    return false;
  }

  /** The 1-based line in the parsed text; 0 if unknown. */
  @Value.Auxiliary
  @Value.Default
  public int line() {
    return 0;
  }

  /**
   * What tracepath printed instead of (or after) a time, when the probe failed: {@code !H} (host
   * unreachable), {@code !N} (network unreachable), {@code !A} (administratively prohibited), {@code
   * !P} (protocol error), {@code send failed} (the probe could not be sent, e.g. no route or a local
   * MTU error), {@code no info}, {@code reply received} (a reply to the probe itself).
   */
  public abstract java.util.Optional<String> error();

  /** Whether tracepath said "This broken router returned corrupted payload". */
  @Value.Default
  public boolean corruptedPayload() {
    return false;
  }

  /** A builder. */
  public static ImmutableTracepathHop.Builder builder() {
    return ImmutableTracepathHop.builder();
  }
}
