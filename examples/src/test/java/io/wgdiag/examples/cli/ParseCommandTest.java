package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void parsesATranscriptToJson() throws Exception {
    Path f = write("t.txt", "$ sysctl net.core.rmem_max\nnet.core.rmem_max = 212992\n$ sudo ip link set dev wg0 mtu 1380\n");
    CliRunner.Result r = CliRunner.run("parse", "--format", "json", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode b0 = root.get("blocks").get(0);
    assertThat(b0.get("line").asInt()).isEqualTo(1);
    assertThat(b0.get("tool").asText()).isEqualTo("sysctl");
    assertThat(b0.get("model").get("values").get("net.core.rmem_max").asText()).isEqualTo("212992");
    assertThat(b0.get("diagnostics")).isEmpty();
    assertThat(root.get("blocks").get(1).get("tool").asText()).isEqualTo("change");
    assertThat(root.get("blocks").get(1).get("model").get("succeeded").asBoolean()).isTrue();
  }

  @Test
  void standardOutputGetsTheSameJsonAsBytesAsAWriterGetsAsText() throws Exception {
    // non-ASCII text on purpose: the byte path must write the UTF-8 the writer path encodes
    Path f = write("t.txt", "$ sysctl kernel.hostname\nkernel.hostname = gw-Zürich-µ1\n$ ping -c 1 10.60.0.10\n"
        + "PING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n64 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=0.052 ms\n");
    CliRunner.Result text = CliRunner.run("parse", "--format", "json", f.toString());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    picocli.CommandLine cl = WgDiag.commandLine();
    StdOut out = StdOut.over(bytes);
    cl.setOut(out);
    int code = cl.execute("parse", "--format", "json", f.toString());
    out.flush();
    assertThat(code).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(text.out()).contains("gw-Zürich-µ1");
  }

  @Test
  void aReaderThatGoesAwayEndsTheOutputQuietly() throws Exception {
    // `wgdiag parse --format json big.txt | head -c 100`: the pipe closes after the first bytes
    Path f = write("t.txt", "$ ping -c 2 10.60.0.10\nPING 10.60.0.10 (10.60.0.10) 56(84) bytes of data.\n"
        + "64 bytes from 10.60.0.10: icmp_seq=1 ttl=64 time=0.052 ms\n64 bytes from 10.60.0.10: icmp_seq=2 ttl=64 time=0.061 ms\n");
    int[] written = {0};
    java.io.OutputStream closesAfter = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        if (++written[0] > 100) {
          throw new java.io.IOException("Broken pipe");
        }
      }
    };
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = WgDiag.commandLine();
    StdOut out = StdOut.over(closesAfter);
    cl.setOut(out);
    cl.setErr(new java.io.PrintWriter(err, true));
    int code = cl.execute("parse", "--format", "json", f.toString());
    out.flush();
    assertThat(written[0]).isGreaterThan(100);
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty(); // no "internal error: Broken pipe"
  }

  @Test
  void readsRawOutputOfOneToolFromStdin() throws Exception {
    CliRunner.Result r = CliRunner.runWithStdin("net.ipv4.ip_forward = 1\n", "parse", "--tool", "sysctl", "--format", "json", "-");
    assertThat(r.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("blocks").get(0).get("model").get("values").get("net.ipv4.ip_forward").asText()).isEqualTo("1");
  }

  @Test
  void malformedInputExitsTwoWithOneLocatedLine() throws Exception {
    Path f = write("bad.txt", "$ sysctl -a\nnet.core.rmem_max = 1\nthis is not sysctl output\n");
    CliRunner.Result r = CliRunner.run("parse", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).isEqualTo(f + ":3:1: unrecognised line for sysctl");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void lenientKeepsTheUnreadLineAsADiagnostic() throws Exception {
    Path f = write("bad.txt", "$ sysctl -a\nnet.core.rmem_max = 1\nthis is not sysctl output\n");
    CliRunner.Result r = CliRunner.run("parse", "--lenient", "--format", "json", f.toString());
    assertThat(r.exit()).isZero();
    JsonNode d = new ObjectMapper().readTree(r.out()).get("blocks").get(0).get("diagnostics").get(0);
    assertThat(d.get("line").asInt()).isEqualTo(3);
    assertThat(d.get("text").asText()).isEqualTo("this is not sysctl output");
  }

  @Test
  void unknownCommandInStrictModeNamesThePromptLine() throws Exception {
    Path f = write("t.txt", "$ sysctl net.core.rmem_max\nnet.core.rmem_max = 1\n$ cd /tmp\n");
    CliRunner.Result r = CliRunner.run("parse", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith(f + ":3:1: no parser for the command 'cd /tmp'");
  }

  @Test
  void badInputsAndUsageExitTwoWithoutAStackTrace() throws Exception {
    Path bin = dir.resolve("bin.dat");
    Files.write(bin, new byte[] {'a', 0, 'b'});
    for (String[] args : new String[][] {
        {"parse", dir.resolve("missing.txt").toString()},
        {"parse", bin.toString()},
        {"parse", "--tool", "nope", "-"},
        {"parse", "--format", "yaml", "-"},
        {"parse"},
        {"frobnicate"},
    }) {
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedInOneLine() throws Exception {
    Path big = dir.resolve("big.txt");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(Inputs.MAX_BYTES + 1); // sparse: nothing is written
    }
    CliRunner.Result r = CliRunner.run("parse", big.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(big + ": larger than " + Inputs.MAX_BYTES + " bytes" + System.lineSeparator());
  }

  @Test
  void toolsListsEveryToolId() {
    CliRunner.Result r = CliRunner.run("tools");
    assertThat(r.exit()).isZero();
    for (String id : new String[] {"wg-show", "wg-show-dump", "ip-route-get", "ip-route", "ip-rule", "ip-link",
        "ip-link-stats", "sysctl", "ping", "ss-tcp-info", "iperf3", "iperf3-json", "mpstat", "top",
        "proc-interrupts", "proc-softnet-stat", "netstat-stats", "proc-net-snmp", "nstat", "tc-qdisc",
        "conntrack-stats", "ethtool-features", "iptables-rules", "nft-ruleset", "tcpdump", "tracepath"}) {
      assertThat(r.out()).contains(id + " ");
    }
  }

  @Test
  void everySubcommandHasHelp() {
    for (String cmd : new String[] {"parse", "analyze", "collect", "tools"}) {
      CliRunner.Result r = CliRunner.run(cmd, "--help");
      assertThat(r.exit()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: wgdiag " + cmd);
    }
  }

  /**
   * picocli wraps each description string at 80 columns and starts every further string on a new
   * line, so a sentence cut into two strings comes out with a stray short line in the middle
   * ("...or an" / "unpacked" / "sosreport) and ..."). Here: no line of any help is a short piece
   * followed by a line that carries on its sentence in lower case, and none is wider than 80.
   */
  @Test
  void helpTextWrapsAsSentencesWithinEightyColumns() {
    for (String cmd : new String[] {"--help", "parse", "analyze", "collect", "tools"}) {
      CliRunner.Result r = cmd.startsWith("-") ? CliRunner.run(cmd) : CliRunner.run(cmd, "--help");
      String[] lines = r.out().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        assertThat(lines[i].length()).as(cmd + " line " + (i + 1) + ": " + lines[i]).isLessThanOrEqualTo(80);
        if (i + 1 < lines.length && !lines[i].isBlank() && lines[i].length() < 60) {
          String next = lines[i + 1];
          boolean carriesOn = !next.isEmpty() && Character.isLowerCase(next.charAt(0));
          assertThat(carriesOn).as(cmd + " lines " + (i + 1) + "-" + (i + 2) + ": '" + lines[i] + "' / '" + next + "'").isFalse();
        }
      }
    }
  }

  @Test
  void buildsOnlyTheNamedSubcommandAndAllForTheTopLevel() {
    assertThat(WgDiag.commandLine(new String[] {"parse", "--tool", "ping", "x"}).getSubcommands().keySet())
        .containsExactly("parse");
    assertThat(WgDiag.commandLine(new String[] {"--help"}).getSubcommands().keySet())
        .containsExactly("analyze", "compare", "collect", "parse", "tools");
    CliRunner.Result help = CliRunner.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("analyze", "compare", "collect", "parse", "tools");
    CliRunner.Result unknown = CliRunner.run("parsee", "x");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("wgdiag: ").contains("parsee");
  }
}
