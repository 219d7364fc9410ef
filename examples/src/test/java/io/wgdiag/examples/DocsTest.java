package io.wgdiag.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's Markdown (README, docs, every module's and fixture folder's notes) as a reader on
 * GitHub follows it: every relative link names a file that exists, every {@code #anchor} names a
 * heading of its page, and no template placeholder (a line that is one upper-case token, such as
 * {@code JC_MEMORY_TABLE}) was left where a generated table should have gone.
 */
class DocsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** {@code [text](target)}, the target up to a blank or the closing parenthesis. */
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern PLACEHOLDER = Pattern.compile("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$");

  private static List<Path> markdown() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> {
            String rel = ROOT.relativize(p).toString();
            return !rel.startsWith(".") && !rel.contains("/target/") && !rel.startsWith("target/")
                && !rel.contains("node_modules");
          })
          .sorted()
          .toList();
    }
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, each blank a hyphen. */
  static String slug(String heading) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < heading.length(); ) {
      int c = heading.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        sb.appendCodePoint(Character.toLowerCase(c));
      } else if (c == ' ') {
        sb.append('-');
      }
    }
    return sb.toString();
  }

  /** The anchors of a page's headings, with GitHub's {@code -1}, {@code -2} for repeats. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> out = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fence = false;
    for (String line : Files.readAllLines(page)) {
      if (line.startsWith("```")) {
        fence = !fence;
      }
      if (fence || !line.startsWith("#")) {
        continue;
      }
      String text = line.replaceFirst("^#+\\s*", "").strip();
      String s = slug(text);
      int n = seen.merge(s, 1, Integer::sum);
      out.add(n == 1 ? s : s + "-" + (n - 1));
    }
    return out;
  }

  @Test
  void slugsFollowGitHubsRule() {
    assertThat(slug("Round 8: a character-scan floor, ip route get and ip rule at scale, sysctl's '=', netstat's phrases"))
        .isEqualTo("round-8-a-character-scan-floor-ip-route-get-and-ip-rule-at-scale-sysctls--netstats-phrases");
    assertThat(slug("Side by side with jc")).isEqualTo("side-by-side-with-jc");
    assertThat(slug("`wg show` and `ip -s link`")).isEqualTo("wg-show-and-ip--s-link");
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = markdown();
    assertThat(pages).as("Markdown files under " + ROOT).hasSizeGreaterThan(10);
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page);
      boolean fence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("```")) {
          fence = !fence;
        }
        if (fence) {
          continue;
        }
        Matcher m = LINK.matcher(line);
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*")) {
            continue; // https:, mailto: and the like are not checked here
          }
          checked++;
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          String anchor = hash < 0 ? "" : target.substring(hash + 1);
          Path dest = file.isEmpty() ? page : page.resolveSibling(file).normalize();
          String where = ROOT.relativize(page) + ":" + (i + 1) + ": " + target;
          if (!Files.exists(dest)) {
            broken.add(where + " (no such file)");
          } else if (!anchor.isEmpty() && dest.toString().endsWith(".md")
              && !anchors(dest).contains(anchor.toLowerCase(Locale.ROOT))) {
            broken.add(where + " (no such heading)");
          }
        }
      }
    }
    // the pages link to each other: 9 relative links once the round-by-round history page went
    assertThat(checked).as("links checked").isGreaterThan(5);
    assertThat(broken).isEmpty();
  }

  @Test
  void noTemplatePlaceholderIsLeftInThePages() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path page : markdown()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (PLACEHOLDER.matcher(lines.get(i).strip()).matches()) {
          found.add(ROOT.relativize(page) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
