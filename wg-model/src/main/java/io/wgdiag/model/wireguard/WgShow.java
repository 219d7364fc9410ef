package io.wgdiag.model.wireguard;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.View;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code wg show} (human form) or {@code wg show dump} printed: interfaces and their peers.
 * Both forms give this model, so they compare directly.
 */
@Value.Immutable
public abstract class WgShow {

  /** The interfaces, in printed order. */
  public abstract ImmutableList<WgInterface> interfaces();

  /** The interface named {@code name}; a dump without names matches any single interface. */
  public Optional<WgInterface> iface(String name) {
    for (WgInterface i : interfaces()) {
      if (i.name().equals(name)) {
        return Optional.of(i);
      }
    }
    if (interfaces().size() == 1 && interfaces().get(0).name().isEmpty()) {
      return Optional.of(interfaces().get(0));
    }
    return Optional.empty();
  }

  /** Every peer of every interface. */
  @View
  public ImmutableList<WgPeer> allPeers() {
    return interfaces().stream().flatMap(i -> i.peers().stream()).collect(ImmutableList.toImmutableList());
  }

  /** A builder. */
  public static ImmutableWgShow.Builder builder() {
    return ImmutableWgShow.builder();
  }
}
