package io.wgdiag.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an analyzer sees: the case, the thresholds, and where to put findings. Not thread-safe. */
public final class AnalysisContext {
  private final Case kase;
  private final AnalysisConfig config;
  private final List<Finding> findings = new ArrayList<>();
  private final List<NotAssessed> notAssessed = new ArrayList<>();
  private final List<RuledOut> ruledOut = new ArrayList<>();
  private final List<LossAttribution> attributions = new ArrayList<>();

  AnalysisContext(Case kase, AnalysisConfig config) {
    this.kase = kase;
    this.config = config;
  }

  /** The case under analysis. */
  public Case kase() {
    return kase;
  }

  /** The thresholds. */
  public AnalysisConfig config() {
    return config;
  }

  /** The local host. */
  public HostSnapshot local() {
    return kase.local();
  }

  /** The remote tunnel end, if given. */
  public Optional<HostSnapshot> remote() {
    return kase.remote();
  }

  /** Every host present: local, then remote. */
  public List<HostSnapshot> hosts() {
    List<HostSnapshot> out = new ArrayList<>();
    out.add(kase.local());
    kase.remote().ifPresent(out::add);
    return out;
  }

  /** What a command shows in place of the peer's tunnel address when it was not given. */
  public static final String PEER_PLACEHOLDER = "<peer tunnel address>";

  /**
   * The peer's tunnel address for a command run on {@code host}: the address given for the case
   * ({@link Case#peerTunnelAddress()}) on the local end, else {@link #PEER_PLACEHOLDER}. The address
   * is given for the local end only, so a command for the remote end keeps the placeholder.
   */
  public String peerAddressFor(Host host) {
    return host == Host.LOCAL ? kase.peerTunnelAddress().orElse(PEER_PLACEHOLDER) : PEER_PLACEHOLDER;
  }

  /** Reports a finding. */
  public void report(Finding finding) {
    findings.add(finding);
  }

  /** Reports a check that could not be made. */
  public void notAssessed(String check, String reason, String... collect) {
    NotAssessed n = NotAssessed.of(check, reason, collect);
    if (!notAssessed.contains(n)) {
      notAssessed.add(n);
    }
  }

  /**
   * Reports a check that ran and found the tunnel fine on {@code host}, with the evidence that says
   * so. A check already reported for the host gains the new evidence.
   */
  public void ruledOut(String check, Host host, Evidence... evidence) {
    for (int i = 0; i < ruledOut.size(); i++) {
      RuledOut r = ruledOut.get(i);
      if (r.check().equals(check) && r.host() == host) {
        List<Evidence> ev = new ArrayList<>(r.evidence());
        for (Evidence e : evidence) {
          if (!ev.contains(e)) {
            ev.add(e);
          }
        }
        ruledOut.set(i, ImmutableRuledOut.copyOf(r).withEvidence(ev));
        return;
      }
    }
    ruledOut.add(RuledOut.builder().check(check).host(host).addEvidence(evidence).build());
  }

  /** Records the decomposition of one direction's loss between the ends. */
  public void lossAttribution(LossAttribution attribution) {
    attributions.add(attribution);
  }

  /** The loss attributions recorded so far. */
  public List<LossAttribution> lossAttributions() {
    return java.util.Collections.unmodifiableList(attributions);
  }

  /** The findings reported so far, in report order (not ranked). */
  public List<Finding> reported() {
    return java.util.Collections.unmodifiableList(findings);
  }

  /** Whether a finding with one of {@code codes} was already reported for {@code host}. */
  public boolean findingsOnHost(Host host, String... codes) {
    for (Finding f : findings) {
      if (f.host() == host) {
        for (String c : codes) {
          if (f.code().equals(c)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  List<Finding> findings() {
    return findings;
  }

  List<NotAssessed> notAssessedList() {
    return notAssessed;
  }

  List<RuledOut> ruledOutList() {
    return ruledOut;
  }
}
