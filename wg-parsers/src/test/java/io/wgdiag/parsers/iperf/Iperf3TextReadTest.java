package io.wgdiag.parsers.iperf;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.iperf.IperfInterval;
import io.wgdiag.model.iperf.IperfResult;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseResult;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * iperf3's text, rows of every shape (TCP and UDP, good and malformed) in any order: each interval
 * points at the row it was read from, in order, with its end not before its start, and each
 * diagnostic names a line of the input.
 */
class Iperf3TextReadTest {

  private static final List<String> LINES = List.of(
      "Connecting to host 10.60.0.10, port 5201",
      "Connecting to host h",
      "Reverse mode, remote host 10.60.0.10 is sending",
      "[  5] local 10.60.0.1 port 43144 connected to 10.60.0.10 port 5201",
      "[  7] local 10.60.0.1 port 43146 connected to 10.60.0.10 port 5201",
      "[ ID] Interval           Transfer     Bitrate         Retr  Cwnd",
      "[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams",
      "[  5]   0.00-1.00   sec  62.2 MBytes   522 Mbits/sec    0   1.10 MBytes",
      "[  7]   0.00-1.00   sec  62.2 MBytes   522 Mbits/sec    3",
      "[SUM]   0.00-1.00   sec   124 MBytes  1.04 Gbits/sec    3             ",
      "[  5]   0.00-1.00   sec   129 KBytes  1.05 Mbits/sec  91  ",
      "[  5]   0.00-10.00  sec  1.25 MBytes  1.05 Mbits/sec  0.000 ms  0/906 (0%)  sender",
      "[  5]   0.00-10.04  sec  1.25 MBytes  1.05 Mbits/sec  0.017 ms  0/906 (0%)  receiver",
      "[  5]   0.00-15.00  sec   848 MBytes   474 Mbits/sec   44             sender",
      "[  7]   0.00-15.00  sec   846 MBytes   473 Mbits/sec                  receiver",
      "[  5]   0.00-1.00   sec  62.2 MBytes   522 Mbits/sec  0.5 ms  x",
      "[  5]   0.00-1.00   sec  62.2 Mbits   522 Mbits/sec",
      "[ 5 ]   1.00-2.00   sec  1 GBytes   8 Gbits/sec  2 ",
      "- - - - - - - - - - - - - - - - - - - - - - - - -",
      "iperf Done.",
      "iperf3: error - unable to connect to server: Connection refused",
      "  iperf Done.  ",
      "something else");

  @Property(tries = 300)
  void intervalsPointAtTheirRows(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 22) Integer> picks) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int k : picks) {
      text.append(LINES.get(k)).append('\n');
    }
    String[] lines = text.toString().split("\n", -1);
    ParseResult<IperfResult> got = new Iperf3Parser().parseLenient(text);
    int last = 0;
    for (IperfInterval g : got.model().intervals()) {
      assertThat(g.line()).isGreaterThan(last).isLessThanOrEqualTo(lines.length);
      last = g.line();
      assertThat(lines[g.line() - 1]).contains(" sec ");
      assertThat(g.endSeconds()).isGreaterThanOrEqualTo(g.startSeconds());
      assertThat(g.bytes()).isNotNegative();
    }
    for (Diagnostic d : got.diagnostics()) {
      assertThat(d.line()).isBetween(1, lines.length);
    }
  }
}
