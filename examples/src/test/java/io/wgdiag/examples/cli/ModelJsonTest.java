package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wgdiag.parsers.ParserRegistry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Streaming a model to JSON gives exactly the JSON of its {@link ModelTree} tree. */
class ModelJsonTest {

  @Test
  void everyModelOfTheSampleBundleStreamsAsItsTree() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("samples", "lab-pmtu-blackhole"))) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    int compared = 0;
    for (Path f : files) {
      String name = f.getFileName().toString();
      String tool = name.substring(0, name.length() - 4).replaceAll("@.*", "");
      if (ParserRegistry.standard().find(tool).isEmpty()) {
        continue;
      }
      Object model = ParserRegistry.standard().parser(tool).parseLenient(Files.readString(f)).model();
      StringWriter tree = new StringWriter();
      Output.json(ModelTree.of(model), tree, false);
      StringWriter streamed = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(streamed)) {
        ModelJson.write(g, model);
      }
      assertThat(streamed.toString() + "\n").as(f.toString()).isEqualTo(tree.toString());
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(15);
  }
}
