package io.wgdiag.examples.cli;

import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.Tool;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wgdiag tools}: the tool ids and the commands whose output each reads. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "List the tool ids and the commands whose output each one reads.")
final class ToolsCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    StringBuilder sb = new StringBuilder();
    for (Tool t : ParserRegistry.standard().tools()) {
      sb.append(String.format("%-18s %s%n", t.id(), t.summary()));
      for (String c : t.commands()) {
        sb.append(String.format("%-18s   $ %s%n", "", c));
      }
    }
    CommandSpec s = spec;
    if (s != null) {
      s.commandLine().getOut().print(sb);
      s.commandLine().getOut().flush();
    } else {
      System.out.print(sb);
    }
    return WgDiag.EXIT_OK;
  }
}
