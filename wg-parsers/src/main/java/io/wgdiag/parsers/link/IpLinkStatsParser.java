package io.wgdiag.parsers.link;

import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.text.LineParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ip -s link} and {@code ip -s -s link} (every iproute2 layout, {@code -h}, {@code -j}): links with their counters.
 *
 * <pre>{@code
 * 2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000
 *     link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
 *     RX:  bytes packets errors dropped  missed   mcast
 *     9012345678 8123456      0    1452       0  120345
 *     TX:  bytes packets errors dropped carrier collsns
 *     8123456789 7012345      0       0       0       0
 * }</pre>
 *
 * <p>{@link IpLinkParser} and {@link IpLinkStatsParser} read the same grammar into the same
 * {@link Links}: counter blocks are read by the column labels of their own header row (so the
 * 4.x, 5.10 and 5.14+ layouts all read by meaning), detail lines ({@code -d}) keep the kind and
 * every token, known or not. The JSON form ({@code ip -j ...}) yields an equal model.
 */
public final class IpLinkStatsParser extends LineParser<Links> {
  /** Creates the parser. */
  public IpLinkStatsParser() {
    super("ip-link-stats", Links.class);
  }

  @Override
  protected Session<Links> newSession() {
    return IpLinkParser.linkSession();
  }

  @Override
  protected @Nullable JsonForm<Links> jsonForm() {
    return LinkJson.INSTANCE;
  }
}
