package io.wgdiag.model.nic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code ethtool -k IFACE} (possibly filtered by egrep) and the messages {@code ethtool -K} prints.
 *
 * <pre>{@code
 * Features for eth0:
 * rx-checksumming: on
 * tcp-segmentation-offload: on
 * generic-receive-offload: on
 * Cannot get device settings: Operation not supported
 * }</pre>
 */
@Value.Immutable
public abstract class EthtoolFeatures {

  /** Short names people use, mapped to ethtool's feature names. */
  public static final ImmutableMap<String, String> ALIASES = ImmutableMap.<String, String>builder()
      .put("gro", "generic-receive-offload")
      .put("gso", "generic-segmentation-offload")
      .put("tso", "tcp-segmentation-offload")
      .put("lro", "large-receive-offload")
      .put("rx", "rx-checksumming")
      .put("tx", "tx-checksumming")
      .put("sg", "scatter-gather")
      .put("rx-gro-hw", "rx-gro-hw")
      .put("ufo", "udp-fragmentation-offload")
      .buildOrThrow();

  /** The device from the {@code Features for IFACE:} header, absent when the output was filtered. */
  public abstract Optional<String> device();

  /** The features, in printed order. */
  public abstract ImmutableList<EthtoolFeature> features();

  /** Lines ethtool printed that are not features: errors and notices, e.g. {@code Cannot get device settings: Operation not supported}. */
  public abstract ImmutableList<String> messages();

  /** The feature named {@code name} or by its short alias ({@code gro}, {@code gso}, {@code tso}). */
  public Optional<EthtoolFeature> feature(String name) {
    String full = ALIASES.getOrDefault(name, name);
    return features().stream().filter(f -> f.name().equals(full)).findFirst();
  }

  /** Whether a feature is on, if it was printed. */
  public Optional<Boolean> isEnabled(String name) {
    return feature(name).map(EthtoolFeature::enabled);
  }

  /** A builder. */
  public static ImmutableEthtoolFeatures.Builder builder() {
    return ImmutableEthtoolFeatures.builder();
  }
}
