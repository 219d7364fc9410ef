package io.wgdiag.parsers.link;

import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ip link show} ({@code -d}, {@code -o}, {@code -j}): links with flags, MTU, qdisc, state, {@code link/TYPE} and details.
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
public final class IpLinkParser extends LineParser<Links> {
  /** Creates the parser. */
  public IpLinkParser() {
    super("ip-link", Links.class);
  }

  @Override
  protected Session<Links> newSession() {
    return linkSession();
  }

  /** A session over {@link LinkText}: {@code ip link} and {@code ip -s link} share one grammar. */
  static Session<Links> linkSession() {
    LinkText text = new LinkText();
    return new Session<>() {
      @Override
      public boolean accept(LineCursor line) throws ParseException {
        return text.accept(line);
      }

      @Override
      public @Nullable ParseException endProblem(int lines) {
        return text.endProblem();
      }

      @Override
      public Links finish(int lines, boolean strict) throws ParseException {
        return text.finish(strict);
      }
    };
  }

  @Override
  protected @Nullable JsonForm<Links> jsonForm() {
    return LinkJson.INSTANCE;
  }
}
