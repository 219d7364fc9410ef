package io.wgdiag.parsers.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.model.ping.PingReply;
import io.wgdiag.model.ping.PingResult;
import io.wgdiag.model.route.Route;
import io.wgdiag.model.route.RouteTable;
import io.wgdiag.model.tcp.SsReport;
import io.wgdiag.model.tcp.TcpSocket;
import io.wgdiag.parsers.Fixtures;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.StreamingParser;
import io.wgdiag.parsers.ping.PingParser;
import io.wgdiag.parsers.route.IpRouteParser;
import io.wgdiag.parsers.tcp.SsTcpInfoParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The streaming Reader path: the same items as a full parse, none kept, any input size in a small heap. */
class StreamingTest {

  @Test
  void streamedItemsAreTheFullParsesItemsAndTheModelKeepsTheRest() throws Exception {
    String ping = Fixtures.read("fixtures/ping/jc-centos-7.7-ping6-hostname-O-D-p-s.txt");
    List<PingReply> replies = new ArrayList<>();
    PingResult streamed = new PingParser().parseStreaming(new StringReader(ping), replies::add);
    PingResult full = new PingParser().parse(ping);
    assertThat(replies).isNotEmpty().isEqualTo(full.replies());
    assertThat(streamed.replies()).isEmpty();
    assertThat(io.wgdiag.model.ping.ImmutablePingResult.copyOf(full).withReplies(List.of())).isEqualTo(streamed);

    String routes = Fixtures.read("fixtures/ip-route/lab-table-all.txt");
    List<Route> seen = new ArrayList<>();
    RouteTable table = new IpRouteParser().parseStreaming(new StringReader(routes), seen::add);
    assertThat(seen).isNotEmpty().isEqualTo(new IpRouteParser().parse(routes).routes());
    assertThat(table.routes()).isEmpty();

    String ss = Fixtures.read("fixtures/ss-tcp-info/lab-loopback-ss-tiepm.txt");
    List<TcpSocket> sockets = new ArrayList<>();
    SsReport report = new SsTcpInfoParser().parseStreaming(new StringReader(ss), sockets::add);
    assertThat(sockets).isNotEmpty().isEqualTo(new SsTcpInfoParser().parse(ss).sockets());
    assertThat(report.sockets()).isEmpty();
  }

  @Test
  void errorsKeepTheirLineAndASinkFailureStopsTheParse() {
    assertThatThrownBy(() -> new IpRouteParser().parseStreaming(new StringReader("default via 192.0.2.1 dev eth0\n10.0.0.0/8 via\n"), r -> { }))
        .isInstanceOf(ParseException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> new IpRouteParser().parseStreaming(new StringReader("default via 192.0.2.1 dev eth0\n10.0.0.0/8 dev eth1\n"), r -> {
      throw new IllegalStateException("enough");
    })).hasMessageContaining("enough");
  }

  @Test
  void registryOffersStreamingByItemType() {
    assertThat(ParserRegistry.standard().streaming("ping", PingReply.class).itemType()).isEqualTo(PingReply.class);
    assertThatThrownBy(() -> ParserRegistry.standard().streaming("sysctl", Object.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not stream");
    assertThatThrownBy(() -> ParserRegistry.standard().streaming("ping", Route.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatedInputIsWhatTheParsersRead() throws Exception {
    for (String tool : new String[] {"ping", "ip-route", "ss-tcp-info"}) {
      GeneratedReader in = tool.equals("ping") ? GeneratedReader.ping(200_000)
          : tool.equals("ip-route") ? GeneratedReader.ipRoute(200_000) : GeneratedReader.ss(200_000);
      String text = new String(new java.io.BufferedReader(in).lines().reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      assertThat(ParserRegistry.standard().parser(tool).parseLenient(text).diagnostics()).as(tool).isEmpty();
    }
  }

  /** A gigabyte of each streaming tool's output through the Reader path in a 256 MB heap (a child JVM). */
  @Test
  @Tag("slow")
  void oneGigabyteInA256MegabyteHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String tool : new String[] {"ping", "ip-route", "ss-tcp-info"}) {
      Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          StreamingMain.class.getName(), tool, Long.toString(1L << 30)).redirectErrorStream(true).start();
      boolean done = p.waitFor(300, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(done).as(tool + " finished in 300 s").isTrue();
      assertThat(p.exitValue()).as(tool + ": " + out).isZero();
      String line = out.lines().filter(l -> l.startsWith("items=")).findFirst().orElseThrow();
      System.out.println("streaming " + tool + ": " + line);
      long bytes = Long.parseLong(line.replaceAll(".*bytes=(\\d+).*", "$1"));
      long items = Long.parseLong(line.replaceAll(".*items=(\\d+).*", "$1"));
      long maxHeap = Long.parseLong(line.replaceAll(".*maxheap=(\\d+).*", "$1"));
      assertThat(bytes).isGreaterThanOrEqualTo(1L << 30);
      assertThat(maxHeap).isLessThanOrEqualTo(256L << 20);
      // every generated line is one item (ss: two lines per socket), plus the header route for ip-route
      assertThat(items).isGreaterThan(bytes / 400);
    }
  }
}
