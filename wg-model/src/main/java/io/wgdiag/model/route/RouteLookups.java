package io.wgdiag.model.route;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import java.util.Optional;
import org.immutables.value.Value;

/** The output of one or more {@code ip route get} commands: one lookup each. */
@Value.Immutable
public abstract class RouteLookups {

  /** The lookups, in printed order. */
  @Value.Parameter
  public abstract ImmutableList<RouteLookup> lookups();

  /** The first lookup, if any. */
  @View
  public Optional<RouteLookup> first() {
    return lookups().isEmpty() ? Optional.empty() : Optional.of(lookups().get(0));
  }

  /** The lookup for {@code address}, if present. */
  public Optional<RouteLookup> forDestination(String address) {
    return lookups().stream().filter(l -> l.destination().equals(address)).findFirst();
  }

  /** A builder. */
  public static ImmutableRouteLookups.Builder builder() {
    return ImmutableRouteLookups.builder();
  }
}
