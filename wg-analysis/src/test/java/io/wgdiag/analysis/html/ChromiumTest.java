package io.wgdiag.analysis.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Opens the HTML report of every lab recording in real headless Chromium (Debian's {@code
 * chromium}; {@code .ci/install-chromium} installs it): the page loads with no console message
 * at all (the page has no script, so any message is an error Chromium found, such as an invalid
 * SVG attribute), every chart SVG the page holds is laid out with a non-empty box and marks in it,
 * and a full-page screenshot is kept in {@code target/html-report/NAME.png}. Skips with a message
 * when {@code /usr/bin/chromium} is absent. Every Chromium run is bounded to 90 s.
 *
 * <p>The layout is measured by a harness page (its own script, written next to the report) that
 * loads the report in a frame and writes each SVG's box into its DOM, which {@code --dump-dom}
 * prints: no DevTools client and no extra dependency.
 */
class ChromiumTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final long TIMEOUT_SECONDS = 90;
  static final int WIDTH = 1000;
  /** The height of the charts' screenshot, in CSS pixels. */
  static final int CHARTS_HEIGHT = 1400;
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[^\\]]*\\] (.*)");

  @TestFactory
  Stream<DynamicTest> everyLabReportOpensInChromiumWithItsChartsDrawn() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "skipped: /usr/bin/chromium is absent (install it with .ci/install-chromium, as root)");
    List<Path> dirs = HtmlReportTest.scenarios();
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      String name = dir.getFileName().toString();
      String html = HtmlReportTest.render(dir);
      int charts = count(html, "<svg ");
      Path out = Path.of("target", "html-report").toAbsolutePath();
      Path page = out.resolve(name + ".html");
      Path harness = out.resolve(name + ".check.html");
      Files.writeString(harness, harness(page.getFileName().toString()), StandardCharsets.UTF_8);

      Run measured = chromium(out, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
          harness.toUri().toString());
      assertThat(measured.console()).as("console messages while measuring " + name).isEmpty();
      Matcher m = Pattern.compile("<pre id=\"out\">([^<]*)</pre>").matcher(measured.stdout());
      assertThat(m.find()).as("the harness wrote its measurements:\n" + measured.stdout()).isTrue();
      String report = m.group(1);
      assertThat(report).as("harness").doesNotContain("error").contains("svgs " + charts);
      Matcher svg = Pattern.compile("svg (\\S+) (\\d+)x(\\d+) marks (\\d+) bbox (\\d+)x(\\d+)").matcher(report);
      int seen = 0;
      while (svg.find()) {
        seen++;
        String id = svg.group(1);
        assertThat(Integer.parseInt(svg.group(2))).as(id + " width").isGreaterThan(200);
        assertThat(Integer.parseInt(svg.group(3))).as(id + " height").isGreaterThan(60);
        assertThat(Integer.parseInt(svg.group(4))).as(id + " marks").isGreaterThan(2);
        assertThat(Integer.parseInt(svg.group(5))).as(id + " drawn width").isGreaterThan(100);
        assertThat(Integer.parseInt(svg.group(6))).as(id + " drawn height").isGreaterThan(40);
      }
      assertThat(seen).as("charts measured").isEqualTo(charts).isGreaterThanOrEqualTo(5);
      Matcher h = Pattern.compile("height (\\d+)").matcher(report);
      assertThat(h.find()).isTrue();
      int height = Math.min(20000, Integer.parseInt(h.group(1)));

      Path png = out.resolve(name + ".png");
      Files.deleteIfExists(png);
      Run shot = chromium(out, "--hide-scrollbars", "--window-size=" + WIDTH + "," + height, "--screenshot=" + png,
          page.toUri().toString());
      assertThat(shot.console()).as("console messages of " + name).isEmpty();
      byte[] bytes = Files.readAllBytes(png);
      assertThat(bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G').as("a PNG at " + png).isTrue();
      java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.wrap(bytes, 16, 8);
      assertThat(ihdr.getInt()).as("screenshot width").isEqualTo(WIDTH);
      assertThat(ihdr.getInt()).as("screenshot height").isEqualTo(height);
      // a blank page of this size compresses to a few KB; text and charts do not
      assertThat(bytes.length).as("the screenshot shows more than a blank page").isGreaterThan(30_000);

      // the charts, as the README shows them: a frame of the page from its Charts heading
      Matcher c = Pattern.compile("charts (\\d+)").matcher(report);
      assertThat(c.find()).isTrue();
      Path frame = out.resolve(name + ".charts.html");
      Files.writeString(frame, frame(page.getFileName().toString(), Integer.parseInt(c.group(1)) - 16, CHARTS_HEIGHT));
      Path chartsPng = out.resolve(name + "-charts.png");
      Files.deleteIfExists(chartsPng);
      Run chartShot = chromium(out, "--allow-file-access-from-files", "--hide-scrollbars",
          "--window-size=" + WIDTH + "," + CHARTS_HEIGHT, "--screenshot=" + chartsPng, frame.toUri().toString());
      assertThat(chartShot.console()).as("console messages of " + name + "'s charts").isEmpty();
      assertThat(Files.size(chartsPng)).as("the charts' screenshot").isGreaterThan(30_000);
    }));
  }

  /** A harness page that loads {@code report} in a frame and writes what it measured into a {@code <pre>}. */
  static String harness(String report) {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>harness</title></head><body>
        <iframe id="f" src="%s" style="width:%dpx;height:900px"></iframe>
        <pre id="out">pending</pre>
        <script>
        document.getElementById('f').addEventListener('load', function () {
          var out = [];
          try {
            var d = this.contentDocument;
            var svgs = d.querySelectorAll('svg');
            out.push('svgs ' + svgs.length);
            svgs.forEach(function (s) {
              var r = s.getBoundingClientRect();
              var b = s.getBBox();
              var marks = s.querySelectorAll('rect,polyline,circle,path,line').length;
              out.push('svg ' + s.id + ' ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' marks ' + marks
                  + ' bbox ' + Math.round(b.width) + 'x' + Math.round(b.height));
            });
            out.push('height ' + d.documentElement.scrollHeight);
            var c = d.getElementById('charts');
            out.push('charts ' + Math.round(c.getBoundingClientRect().top + d.defaultView.scrollY));
          } catch (e) {
            out.push('error ' + e);
          }
          document.getElementById('out').textContent = out.join('\\n');
        });
        </script></body></html>
        """.formatted(report, WIDTH);
  }

  /** A page that shows {@code report} from {@code top} pixels down, {@code height} pixels of it. */
  static String frame(String report, int top, int height) {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>frame</title></head>
        <body style="margin:0;overflow:hidden"><iframe src="%s" style="position:absolute;left:0;top:-%dpx;width:%dpx;height:%dpx;border:0"></iframe></body></html>
        """.formatted(report, top, WIDTH, top + height);
  }

  record Run(String stdout, List<String> console) {}

  /** Runs headless Chromium with {@code args}, bounded in time; its console messages from stderr. */
  static Run chromium(Path work, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("wgdiag-chromium");
    Path stdout = work.resolve("chromium.out");
    Path stderr = work.resolve("chromium.err");
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
      }
      List<String> console = new ArrayList<>();
      for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
        Matcher m = CONSOLE.matcher(line);
        if (m.find()) {
          console.add(m.group(1));
        }
      }
      return new Run(Files.readString(stdout, StandardCharsets.UTF_8), console);
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
