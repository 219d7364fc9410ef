package io.wgdiag.analysis.compare;

import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Fact;
import io.wgdiag.analysis.HostSnapshot;
import io.wgdiag.analysis.Phase;
import io.wgdiag.model.ping.PingError;
import io.wgdiag.model.ping.PingReply;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.wireguard.WgShow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/** RTT idle and under load, and the DF ladder, from ping. */
final class PingMeasures {
  private PingMeasures() {}


  /**
   * The median RTT of the idle pings through the tunnel, in milliseconds: pings outside the {@code
   * during} phase, not marked {@code loaded}, not to the underlay; DF probes count only when no
   * plain ping was captured.
   */
  static Optional<Reading> rttIdle(HostSnapshot host) {
    Set<String> underlay = endpointHosts(host);
    List<Fact<PingResult>> plain = new ArrayList<>();
    List<Fact<PingResult>> df = new ArrayList<>();
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      if (!loaded(f) && !isUnderlay(f, underlay)) {
        (isDfProbe(f.capture()) ? df : plain).add(f);
      }
    }
    return rtt(plain.isEmpty() ? df : plain, plain.isEmpty() ? " (DF probes)" : "");
  }

  /** The median RTT of the pings through the tunnel while the load ran ({@code during}, or marked {@code loaded}), in milliseconds. */
  static Optional<Reading> rttLoaded(HostSnapshot host) {
    Set<String> underlay = endpointHosts(host);
    List<Fact<PingResult>> pings = new ArrayList<>();
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      if (loaded(f) && !isUnderlay(f, underlay) && !isDfProbe(f.capture())) {
        pings.add(f);
      }
    }
    return rtt(pings, "");
  }

  private static Optional<Reading> rtt(List<Fact<PingResult>> pings, String which) {
    List<Double> times = new ArrayList<>();
    String source = "";
    long sent = 0;
    for (Fact<PingResult> f : pings) {
      sent += f.value().transmitted().orElse(0);
      source = source.isEmpty() ? f.source().toString() : source;
      for (PingReply r : f.value().replies()) {
        if (!r.duplicate() && r.timeMillis().isPresent()) {
          times.add(r.timeMillis().getAsDouble());
        }
      }
    }
    if (times.isEmpty()) {
      // pings went out and none came back: the round trip never completed
      return sent == 0 ? Optional.empty() : Optional.of(new Reading(Double.POSITIVE_INFINITY, "no reply to " + sent + " pings" + which,
          OptionalDouble.empty(), 0, 0, OptionalDouble.empty(), "ping", source));
    }
    times.sort(Double::compare);
    int n = times.size();
    double median = n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2;
    String text = Format.ms(median) + " median of " + n + " replies (" + Format.ms(times.get(0)) + "–" + Format.ms(times.get(n - 1)) + ")" + which;
    return Optional.of(new Reading(median, text, OptionalDouble.empty(), 0, n, OptionalDouble.empty(), "ping", source));
  }

  private static boolean loaded(Fact<PingResult> f) {
    return f.phase() == Phase.DURING || f.capture().qualifier().map(q -> q.contains("loaded")).orElse(false);
  }

  // ---- DF ladder ----------------------------------------------------------------------------------

  /**
   * The largest DF ping through the tunnel that was answered, in bytes on the wire (0 when none
   * was), with the smallest larger probe the path lost or refused. Probes the sending host refused
   * itself ({@code local error: message too long}) measure its interface, not the path, and are
   * left out; so are probes to the underlay.
   */
  static Optional<Reading> dfLargestPassing(HostSnapshot host) {
    Set<String> underlay = endpointHosts(host);
    TreeMap<Integer, Boolean> ladder = new TreeMap<>();
    String source = "";
    for (Fact<PingResult> f : host.facts(PingResult.class)) {
      PingResult r = f.value();
      if (!isDfProbe(f.capture()) || isUnderlay(f, underlay) || r.packetBytes().isEmpty()
          || r.firstError(PingError.Kind.LOCAL_MESSAGE_TOO_LONG).isPresent()) {
        continue;
      }
      boolean passed = r.uniqueReplies() > 0;
      boolean failed = !passed && r.transmitted().orElse(0) > 0;
      if (passed || failed) {
        ladder.merge(r.packetBytes().getAsInt(), passed, Boolean::logicalOr);
        if (passed) {
          source = f.source().toString();
        }
      }
    }
    if (ladder.isEmpty()) {
      return Optional.empty();
    }
    int largest = 0;
    for (var e : ladder.entrySet()) {
      if (e.getValue()) {
        largest = e.getKey();
      }
    }
    OptionalDouble failedAbove = OptionalDouble.empty();
    for (var e : ladder.tailMap(largest, false).entrySet()) {
      if (!e.getValue()) {
        failedAbove = OptionalDouble.of(e.getKey());
        break;
      }
    }
    String text = (largest == 0 ? "none passed" : largest + " bytes")
        + (failedAbove.isPresent() ? ", " + (int) failedAbove.getAsDouble() + " lost" : "") + " (" + ladder.size() + " sizes probed)";
    return Optional.of(new Reading(largest, text, OptionalDouble.empty(), 0, ladder.size(), failedAbove, "DF ping ladder",
        source.isEmpty() ? "DF ping ladder" : source));
  }

  /** Whether a ping was a DF probe: {@code -M do} on its command line, or a {@code df} qualifier. */
  static boolean isDfProbe(Capture c) {
    return c.command().matches(".*-M\\s*do\\b.*") || c.qualifier().map(q -> q.startsWith("df")).orElse(false);
  }

  private static boolean isUnderlay(Fact<PingResult> f, Set<String> endpointHosts) {
    return f.capture().qualifier().map(q -> q.contains("underlay")).orElse(false)
        || f.value().destination().map(endpointHosts::contains).orElse(false);
  }

  private static Set<String> endpointHosts(HostSnapshot host) {
    Set<String> out = new HashSet<>();
    host.latest(WgShow.class).ifPresent(w -> w.value().allPeers().forEach(p -> p.endpoint().ifPresent(e -> out.add(e.host()))));
    return out;
  }
}
