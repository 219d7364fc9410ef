package io.wgdiag.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.google.common.collect.ImmutableSet;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.Secrets;
import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The command line's key guard: every text it writes (text, JSON, stderr) passes through {@link
 * Secrets#mask}, which masks every WireGuard key except the public keys the WireGuard parsers read
 * from their own column (a finding names its peer, and {@code wg set wg0 peer KEY ...} needs it).
 * Defence in depth: the parsers already let no private or preshared key out.
 */
final class KeyGuard {
  /** Masks every key. */
  static final KeyGuard ALL = new KeyGuard(ImmutableSet.of());

  private final Set<String> publicKeys;

  private KeyGuard(Set<String> publicKeys) {
    this.publicKeys = publicKeys;
  }

  /** A guard that shows the public keys of the transcript's WireGuard models. */
  static KeyGuard of(ParsedTranscript transcript) {
    ImmutableSet.Builder<String> keys = ImmutableSet.builder();
    for (ParsedBlock b : transcript.blocks()) {
      b.model().filter(WgShow.class::isInstance).map(WgShow.class::cast).ifPresent(w -> keys.addAll(Secrets.publicKeys(w)));
    }
    return new KeyGuard(keys.build());
  }

  /** A guard that shows the public keys of the case's WireGuard models, on both hosts. */
  static KeyGuard of(Case kase) {
    ImmutableSet.Builder<String> keys = ImmutableSet.builder();
    for (Optional<HostSnapshot> h : java.util.List.of(Optional.of(kase.local()), kase.remote())) {
      h.ifPresent(s -> {
        for (Fact<WgShow> f : s.facts(WgShow.class)) {
          keys.addAll(Secrets.publicKeys(f.value()));
        }
      });
    }
    return new KeyGuard(keys.build());
  }

  /** {@code text} with every key but the known public ones masked. */
  String mask(String text) {
    return Secrets.mask(text, publicKeys);
  }

  /** A generator that writes every string and field name through {@link #mask}. */
  JsonGenerator wrap(JsonGenerator g) {
    return new JsonGeneratorDelegate(g, false) {
      @Override
      public void writeString(String text) throws IOException {
        delegate.writeString(mask(text));
      }

      @Override
      public void writeString(char[] text, int offset, int len) throws IOException {
        delegate.writeString(mask(new String(text, offset, len)));
      }

      @Override
      public void writeString(com.fasterxml.jackson.core.SerializableString text) throws IOException {
        delegate.writeString(mask(text.getValue()));
      }

      @Override
      public void writeFieldName(String name) throws IOException {
        delegate.writeFieldName(mask(name));
      }
    };
  }
}
