package io.wgdiag.analysis;

import com.google.common.collect.ImmutableListMultimap;
import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The evidence of one investigation: the local host, optionally the remote tunnel end, each with
 * its phases, and what the user told us (tunnel interface, peer tunnel address, label).
 *
 * <pre>{@code
 * Case c = Case.builder()
 *     .tunnelInterface("wg0")
 *     .local(Phase.UNNAMED, TranscriptParser.standard().parse(text, false), "incident.txt")
 *     .build();
 * }</pre>
 */
public final class Case {
  private final HostSnapshot local;
  private final @Nullable HostSnapshot remote;
  private final @Nullable String tunnelInterface;
  private final @Nullable String peerTunnelAddress;
  private final @Nullable String label;
  private final @Nullable String captureTime;

  private Case(Builder b) {
    this.local = new HostSnapshot(Host.LOCAL, b.local.build());
    ImmutableListMultimap<Phase, Capture> r = b.remote.build();
    this.remote = r.isEmpty() ? null : new HostSnapshot(Host.REMOTE, r);
    this.tunnelInterface = b.tunnelInterface;
    this.peerTunnelAddress = b.peerTunnelAddress;
    this.label = b.label;
    this.captureTime = b.captureTime;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The local host's snapshot (possibly empty). */
  public HostSnapshot local() {
    return local;
  }

  /** The remote tunnel end's snapshot, if any evidence from it was given. */
  public Optional<HostSnapshot> remote() {
    return Optional.ofNullable(remote);
  }

  /** The snapshot of {@code host}, if present. */
  public Optional<HostSnapshot> host(Host host) {
    return host == Host.LOCAL ? Optional.of(local) : remote();
  }

  /** The tunnel interface, as given ({@code bundle.properties}) — else the analyzers infer it. */
  public Optional<String> tunnelInterface() {
    return Optional.ofNullable(tunnelInterface);
  }

  /** The peer's address inside the tunnel, as given. */
  public Optional<String> peerTunnelAddress() {
    return Optional.ofNullable(peerTunnelAddress);
  }

  /** A free-text label for the case. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** When the evidence was captured, as given. */
  public Optional<String> captureTime() {
    return Optional.ofNullable(captureTime);
  }

  /** Builds a {@link Case}. Not thread-safe. */
  public static final class Builder {
    private final ImmutableListMultimap.Builder<Phase, Capture> local = ImmutableListMultimap.builder();
    private final ImmutableListMultimap.Builder<Phase, Capture> remote = ImmutableListMultimap.builder();
    private @Nullable String tunnelInterface;
    private @Nullable String peerTunnelAddress;
    private @Nullable String label;
    private @Nullable String captureTime;

    private Builder() {}

    /** Adds one capture to {@code host} at {@code phase}. */
    public Builder add(Host host, Phase phase, Capture capture) {
      (host == Host.LOCAL ? local : remote).put(phase, capture);
      return this;
    }

    /** Adds a parsed model of {@code toolId} to {@code host}, read from {@code file}. */
    public Builder add(Host host, Phase phase, String toolId, Object model, String file) {
      return add(host, phase, new Capture(toolId, "", Optional.empty(), false, new Source(file, 0), model));
    }

    /** Adds every parsed block of a transcript read from {@code file} to {@code host}. */
    public Builder add(Host host, Phase phase, ParsedTranscript transcript, String file) {
      for (ParsedBlock b : transcript.blocks()) {
        if (b.toolId().isPresent() && b.model().isPresent()) {
          add(host, phase,
              new Capture(b.toolId().get(), b.command(), b.qualifier(), b.filtered(),
                  new Source(file, b.line()), b.model().get()));
        }
      }
      return this;
    }

    /** Adds a parsed transcript to the local host. */
    public Builder local(Phase phase, ParsedTranscript transcript, String file) {
      return add(Host.LOCAL, phase, transcript, file);
    }

    /** Adds a parsed transcript to the remote host. */
    public Builder remote(Phase phase, ParsedTranscript transcript, String file) {
      return add(Host.REMOTE, phase, transcript, file);
    }

    /** The tunnel interface, e.g. {@code wg0}. */
    public Builder tunnelInterface(@Nullable String name) {
      this.tunnelInterface = name;
      return this;
    }

    /** The peer's address inside the tunnel, e.g. {@code 10.60.0.10}. */
    public Builder peerTunnelAddress(@Nullable String address) {
      this.peerTunnelAddress = address;
      return this;
    }

    /** A free-text label. */
    public Builder label(@Nullable String text) {
      this.label = text;
      return this;
    }

    /** The capture time, as given. */
    public Builder captureTime(@Nullable String time) {
      this.captureTime = time;
      return this;
    }

    /** The case. */
    public Case build() {
      return new Case(this);
    }
  }
}
