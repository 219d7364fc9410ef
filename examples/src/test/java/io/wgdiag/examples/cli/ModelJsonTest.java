package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wgdiag.parsers.ParserRegistry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Streaming a model to JSON gives exactly the JSON of its {@link ModelTree} tree. */
class ModelJsonTest {

  /** A capture of the sample bundle: its file, its tool and the model parsed from it. */
  private record Sample(Path file, String tool, Object model) {}

  /** Every capture of the sample bundle that a standard parser reads, parsed leniently. */
  private static List<Sample> samples() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("samples", "lab-pmtu-blackhole"))) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<Sample> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String tool = name.substring(0, name.length() - 4).replaceAll("@.*", "");
      if (ParserRegistry.standard().find(tool).isPresent()) {
        out.add(new Sample(f, tool, ParserRegistry.standard().parser(tool).parseLenient(Files.readString(f)).model()));
      }
    }
    return out;
  }

  @Test
  void everyModelOfTheSampleBundleStreamsAsItsTree() throws Exception {
    int compared = 0;
    for (Sample sample : samples()) {
      Path f = sample.file();
      Object model = sample.model();
      StringWriter tree = new StringWriter();
      Output.json(ModelTree.of(model), tree, false);
      StringWriter streamed = new StringWriter();
      try (JsonGenerator g = KeyGuard.ALL.wrap(Output.JSON.createGenerator(streamed))) { // as Output.json guards it
        ModelJson.write(g, model);
      }
      assertThat(streamed.toString() + "\n").as(f.toString()).isEqualTo(tree.toString());
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(15);
  }

  @Test
  void viewsAreLeftOutSoNoRowIsWrittenTwice() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> tools = new HashSet<>();
    for (Sample sample : samples()) {
      Path f = sample.file();
      String tool = sample.tool();
      StringWriter json = new StringWriter();
      Output.json(ModelTree.of(sample.model()), json, false);
      // every row carries its line: a row written twice (a view such as perCpu beside cpus) shows as two equal objects
      List<JsonNode> rows = new ArrayList<>();
      collectRows(mapper.readTree(json.toString()), rows);
      assertThat(new HashSet<>(rows)).as(f.toString()).hasSameSizeAs(rows);
      if (!rows.isEmpty()) {
        tools.add(tool);
      }
    }
    assertThat(tools).contains("mpstat", "proc-interrupts", "top", "wg-show", "ip-rule", "iptables-rules", "tc-qdisc", "ip-route");
  }

  @Test
  void busyTimeHasNoBinaryNoise() throws Exception {
    Object model = ParserRegistry.standard().parser("mpstat")
        .parse("12:00:01 AM  CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle\n"
            + "12:00:02 AM  all    4.24    0.00    4.79    0.00    0.00   10.27    0.00    0.00    0.00   80.70\n");
    StringWriter json = new StringWriter();
    Output.json(ModelTree.of(model), json, false);
    assertThat(json.toString()).contains("\"busyPercent\":19.3,").doesNotContain("19.29999");
  }

  private static void collectRows(JsonNode n, List<JsonNode> out) {
    if (n.isObject() && n.has("line")) {
      out.add(n);
    }
    n.elements().forEachRemaining(c -> collectRows(c, out));
  }
}
