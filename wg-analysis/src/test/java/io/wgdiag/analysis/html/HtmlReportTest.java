package io.wgdiag.analysis.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Category;
import io.wgdiag.analysis.Direction;
import io.wgdiag.analysis.DropSite;
import io.wgdiag.analysis.Evidence;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.LossAttribution;
import io.wgdiag.analysis.RuledOut;
import io.wgdiag.analysis.Finding;
import io.wgdiag.analysis.Report;
import io.wgdiag.analysis.Severity;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;

/**
 * Renders the HTML report of every lab recording and checks it as a strict reader would: it parses
 * as XML, ids are unique and every anchor has its target, nothing is loaded from elsewhere, every
 * chart has a title and marks, no key-shaped token other than a public key of the case appears, and
 * the page stays under 200 KB. The pages are kept in {@code target/html-report/} for the browser test.
 */
class HtmlReportTest {
  static final Pattern KEY = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=");
  static final int MAX_BYTES = 200 * 1024;

  static Path lab() throws Exception {
    URL url = HtmlReportTest.class.getClassLoader().getResource("lab");
    return Path.of(url.toURI());
  }

  static List<Path> scenarios() throws Exception {
    try (Stream<Path> s = Files.list(lab())) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** Renders a lab recording into target/html-report/NAME.html and returns the page. */
  static String render(Path dir) throws Exception {
    LoadedEvidence e = EvidenceReader.standard().read(dir);
    Report r = Analysis.standard().run(e.kase());
    String html = HtmlReport.of(e, r).sourceDirectory(dir).render();
    Path out = Path.of("target", "html-report", dir.getFileName() + ".html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    return html;
  }

  @TestFactory
  Stream<DynamicTest> everyLabRecordingRendersAValidSelfContainedPage() throws Exception {
    List<Path> dirs = scenarios();
    assertThat(dirs).hasSizeGreaterThanOrEqualTo(10);
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      String html = render(dir);
      List<Element> svgs = XhtmlCheck.check(html);
      // each chart is drawn where its evidence exists: a DF ladder per end that probed, mpstat under
      // load, and the wg dumps of both ends (every lab recording has those)
      for (String end : new String[] {"local", "remote"}) {
        boolean ladder;
        try (Stream<Path> probes = Files.exists(dir.resolve(end + "/probe")) ? Files.list(dir.resolve(end + "/probe")) : Stream.empty()) {
          ladder = probes.anyMatch(p -> p.getFileName().toString().startsWith("ping@df-"));
        }
        assertThat(html.contains("id=\"chart-df-ladder-" + end + "\"")).as(end + " DF ladder chart").isEqualTo(ladder);
      }
      assertThat(html).contains("id=\"chart-cpu-local-1\"", "id=\"chart-transfer\"");
      assertThat(svgs).hasSizeGreaterThanOrEqualTo(4);
      assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("page size in bytes").isLessThan(MAX_BYTES);
      LoadedEvidence e = EvidenceReader.standard().read(dir);
      Set<String> publicKeys = Secrets.publicKeysOf(e.kase());
      Matcher m = KEY.matcher(html);
      while (m.find()) {
        assertThat(publicKeys).as("a key-shaped token in the page is a public key of the case").contains(m.group());
      }
      for (Path f : Files.walk(dir).filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] cols = line.split("\t");
          if (cols.length == 4 && !cols[0].startsWith("(")) {
            assertThat(html).as("the private key of " + f).doesNotContain(cols[0]);
          }
        }
      }
    }));
  }

  @Test
  void theBlackholeLadderMarksTheTunnelMtuAndTheLargestPassingSize() throws Exception {
    String html = render(lab().resolve("pmtu-blackhole"));
    Element svg = XhtmlCheck.check(html).stream()
        .filter(s -> s.getAttribute("id").equals("chart-df-ladder-local-svg")).findFirst().orElseThrow();
    String text = svg.getTextContent();
    // as recorded: 1160 and 1220 bytes answered, 1280 to 1420 lost silently, 1440 refused by wglaba0 (MTU 1420)
    assertThat(text).contains("wglaba0 MTU 1420", "largest passing 1220", "1280 B", "0/3 answered, lost silently",
        "refused locally (mtu 1420)");
    // iperf3 ran single and parallel; the single flow is drawn first
    String iperf = svgText(html, "chart-iperf-local-svg");
    assertThat(iperf.indexOf("single flow")).isNotNegative().isLessThan(iperf.indexOf("4 parallel flows"));
    // the local end sent far more into the tunnel than the remote end received
    assertThat(svgText(html, "chart-transfer-svg")).contains("sent by local 153.7 KiB", "received by remote 21.3 KiB");
    // evidence shows the text of its line, read from the bundle
    assertThat(html).contains("<code class=\"line\">$ ping -M do -s 1252 -c 3 -i 0.2 -W 1 10.60.0.10</code>");
    // the finding links to its chart
    assertThat(html).contains("See the chart: <a href=\"#chart-df-ladder-local\">");
    // the verdict names the top finding and links to it
    assertThat(html).containsPattern("<section id=\"verdict\" class=\"verdict sev-critical\"");
    assertThat(html).contains("href=\"#finding-1\">Path MTU blackhole");
  }

  static String svgText(String html, String id) throws Exception {
    return XhtmlCheck.check(html).stream().filter(s -> s.getAttribute("id").equals(id)).findFirst().orElseThrow().getTextContent();
  }

  @Test
  void keyMaterialInAnyTextIsMasked() throws Exception {
    String priv = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    String psk = "FpCyhws9cxwWoV4xELtfJvjJN+zQVReNh9aFVM5vPdc=";
    Finding f = Finding.builder().code("test.key").severity(Severity.WARNING).confidence(0.5).category(Category.OTHER)
        .title("private key: " + priv).explanation("a dump line: (hidden)\t" + priv + "\t51820\toff").decision("x " + psk)
        .addEvidence(Evidence.of("wg.txt:3", "preshared key = " + psk)).build();
    Report r = Report.builder().addFindings(f).build();
    String html = HtmlReport.of(Case.builder().build(), r).render();
    XhtmlCheck.check(html);
    assertThat(html).doesNotContain(priv).doesNotContain(psk).doesNotContain(priv.substring(0, 20)).contains("(redacted)");
    // the words alone are prose, not a key to mask
    assertThat(html).contains("Private and preshared keys never appear in it.");
    assertThat(new Secrets(Set.of()).mask("PrivateKey = " + priv.substring(0, 40) + " and private key: (hidden)"))
        .isEqualTo("PrivateKey = (redacted) and private key: (hidden)");
  }

  @Property(tries = 200)
  void anyTextStaysTextAndThePageStaysWellFormed(@ForAll @StringLength(max = 80) String s) throws Exception {
    Finding f = Finding.builder().code("c" + s).severity(Severity.CRITICAL).confidence(1).category(Category.MTU)
        .title(s).explanation(s).decision(s).addEvidence(Evidence.of(s, s)).build();
    Report r = Report.builder().addFindings(f).addAnalyzers(s).build();
    String html = HtmlReport.of(Case.builder().label(s).tunnelInterface(s).build(), r).render();
    XhtmlCheck.check(html);
    assertThat(html).doesNotContain("<script");
  }

  /** A report that attributes the two-ended loss draws each drop site and the residual; the ruled-out list shows. */
  @Test
  void lossAttributionDrawsTheDropSitesAndRuledOutIsListed() throws Exception {
    LossAttribution a = LossAttribution.builder().direction(Direction.LOCAL_TO_REMOTE).window("before → after")
        .sentBytes(1_000_000).receivedBytes(900_000).meanPacketBytes(1000).meanPacketSource("test").gapPackets(100)
        .addSites(DropSite.builder().site("qdisc tbf on la0 (drops)").host(Host.LOCAL).code("queue.qdisc-drops").packets(70)
            .attributedPackets(70).attributedBytes(70_000).source("local/after/tc-qdisc.txt:4").build())
        .tolerancePackets(5).build();
    RuledOut r = RuledOut.builder().check("route to the peer uses the tunnel").host(Host.LOCAL)
        .addEvidence(Evidence.of("local/ip-route-get@peer.txt:2", "10.60.0.10 dev wg0")).build();
    Report report = Report.builder().addLossAttributions(a).addRuledOut(r).build();
    String html = HtmlReport.of(Case.builder().build(), report).render();
    String chart = svgText(html, "chart-transfer-svg");
    assertThat(chart).contains("sent by local 976.6 KiB", "received by remote 878.9 KiB (10.0% missing)",
        "dropped at qdisc tbf on la0 (drops) (local): 70 packets", "counted nowhere: 30 packets (lost on the path)");
    assertThat(html).contains("<section id=\"ruled-out\"", "route to the peer uses the tunnel", "href=\"#ruled-out\"");
  }

  @Test
  void aCaseWithNoEvidenceSaysNothingWrongFoundAndDrawsNoChart() throws Exception {
    String html = HtmlReport.of(Case.builder().build(), Report.builder().build()).render();
    List<Element> svgs = XhtmlCheck.check(html);
    assertThat(svgs).isEmpty();
    assertThat(html).contains("Nothing wrong found");
  }
}
