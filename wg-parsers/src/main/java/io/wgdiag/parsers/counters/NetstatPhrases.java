package io.wgdiag.parsers.counters;

import java.util.Map;

/**
 * net-tools' free-text counter phrases ({@code statistics.c}) mapped to the kernel's counter names,
 * per section. Spellings of several net-tools versions are included ({@code segments send out} and
 * {@code segments sent out}, {@code retransmited} and {@code retransmitted}).
 */
final class NetstatPhrases {
  private NetstatPhrases() {}

  static final Map<String, Map<String, String>> BY_SECTION = Map.of(
      "Ip", Map.ofEntries(
          Map.entry("total packets received", "InReceives"),
          Map.entry("forwarded", "ForwDatagrams"),
          Map.entry("with invalid headers", "InHdrErrors"),
          Map.entry("with invalid addresses", "InAddrErrors"),
          Map.entry("with unknown protocol", "InUnknownProtos"),
          Map.entry("incoming packets discarded", "InDiscards"),
          Map.entry("incoming packets delivered", "InDelivers"),
          Map.entry("requests sent out", "OutRequests"),
          Map.entry("outgoing packets dropped", "OutDiscards"),
          Map.entry("dropped because of missing route", "OutNoRoutes"),
          Map.entry("fragments dropped after timeout", "ReasmTimeout"),
          Map.entry("reassemblies required", "ReasmReqds"),
          Map.entry("packets reassembled ok", "ReasmOKs"),
          Map.entry("packet reassemblies failed", "ReasmFails"),
          Map.entry("fragments received ok", "FragOKs"),
          Map.entry("fragments failed", "FragFails"),
          Map.entry("fragments created", "FragCreates")),
      "Icmp", Map.ofEntries(
          Map.entry("ICMP messages received", "InMsgs"),
          Map.entry("input ICMP message failed", "InErrors"),
          Map.entry("input ICMP message failed.", "InErrors"),
          Map.entry("ICMP messages sent", "OutMsgs"),
          Map.entry("ICMP messages failed", "OutErrors"),
          Map.entry("ICMP packets dropped because socket was locked", "InCsumErrors")),
      "Tcp", Map.ofEntries(
          Map.entry("active connection openings", "ActiveOpens"),
          Map.entry("active connections openings", "ActiveOpens"),
          Map.entry("passive connection openings", "PassiveOpens"),
          Map.entry("failed connection attempts", "AttemptFails"),
          Map.entry("connection resets received", "EstabResets"),
          Map.entry("connections established", "CurrEstab"),
          Map.entry("segments received", "InSegs"),
          Map.entry("segments sent out", "OutSegs"),
          Map.entry("segments send out", "OutSegs"),
          Map.entry("segments retransmitted", "RetransSegs"),
          Map.entry("segments retransmited", "RetransSegs"),
          Map.entry("bad segments received", "InErrs"),
          Map.entry("bad segments received.", "InErrs"),
          Map.entry("resets sent", "OutRsts")),
      "Udp", udp(),
      "UdpLite", udp(),
      "Udp6", udp(),
      "UdpLite6", udp());

  private static Map<String, String> udp() {
    return Map.of(
        "packets received", "InDatagrams",
        "packets to unknown port received", "NoPorts",
        "packets to unknown port received.", "NoPorts",
        "packet receive errors", "InErrors",
        "packets sent", "OutDatagrams",
        "receive buffer errors", "RcvbufErrors",
        "send buffer errors", "SndbufErrors",
        "ignored multicast packets", "IgnoredMulti");
  }

  /** ICMP histogram lines ({@code destination unreachable: 18}) under "ICMP input/output histogram:". */
  /** {@link #BY_SECTION} for lookups in place, by section. */
  static final Map<String, PhraseTable> TABLES = tables();

  private static Map<String, PhraseTable> tables() {
    Map<String, PhraseTable> t = new java.util.HashMap<>();
    BY_SECTION.forEach((section, phrases) -> t.put(section, new PhraseTable(phrases)));
    return Map.copyOf(t);
  }

  static final Map<String, String> ICMP_TYPES = Map.ofEntries(
      Map.entry("destination unreachable", "DestUnreachs"),
      Map.entry("timeout in transit", "TimeExcds"),
      Map.entry("wrong parameters", "ParmProbs"),
      Map.entry("source quenches", "SrcQuenchs"),
      Map.entry("redirects", "Redirects"),
      Map.entry("echo requests", "Echos"),
      Map.entry("echo replies", "EchoReps"),
      Map.entry("timestamp request", "Timestamps"),
      Map.entry("timestamp reply", "TimestampReps"),
      Map.entry("address mask request", "AddrMasks"),
      Map.entry("address mask replies", "AddrMaskReps"));

  /** {@link #ICMP_TYPES} for the input and output histograms: a type's name with In or Out before it. */
  static final PhraseTable ICMP_IN = histogram("In");

  static final PhraseTable ICMP_OUT = histogram("Out");

  private static PhraseTable histogram(String prefix) {
    Map<String, String> t = new java.util.HashMap<>();
    ICMP_TYPES.forEach((phrase, type) -> t.put(phrase, prefix + type));
    return new PhraseTable(t);
  }
}
