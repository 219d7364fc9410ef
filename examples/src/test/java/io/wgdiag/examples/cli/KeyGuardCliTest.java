package io.wgdiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wgdiag.model.wireguard.WgShow;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.Secrets;
import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.TranscriptParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's outputs (parse and analyze, text and JSON, stdout and stderr) hold no private
 * or preshared key, and no key at all but the public keys the WireGuard parsers read from their
 * column.
 */
class KeyGuardCliTest {
  // made-up keys
  private static final String PRIV = "eCDzS8GwEBp4fNmEF2CtPzvW+D3wVN7W7a6dQ7gqS2s=";
  private static final String PUB = "k9cF6jQnmH4HcbMHbFcZvf6lH1D6aYWzbMaqPBhUb3M=";
  private static final String PEER = "tV5/m4Jg/goDhPzQMokXi1a/ttof9EO9GhtXmMmjbkA=";
  private static final String PSK = "XiChnXSv/D2d5feQSotqGGHUPzGY/OhM2IxX4qp5djA=";
  private static final String WG0_CONF = "[Interface]\nPrivateKey = " + PRIV + "\nAddress = 10.60.0.1/24\nListenPort = 51820\n\n"
      + "[Peer]\nPublicKey = " + PEER + "\nPresharedKey = " + PSK + "\nAllowedIPs = 10.60.0.10/32\nEndpoint = 192.0.2.2:51820\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertNoSecret(CliRunner.Result r, String... secrets) {
    for (String s : secrets) {
      assertThat(r.out()).doesNotContain(s);
      assertThat(r.err()).doesNotContain(s);
    }
  }

  @Test
  void aWgQuickConfigReadAsAChangeCommandsOutputPrintsNoKey() throws Exception {
    Path f = write("wg0.conf", WG0_CONF);
    for (String format : new String[] {"text", "json"}) {
      CliRunner.Result r = CliRunner.run("parse", "--tool", "change", "--format", format, f.toString());
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Address = 10.60.0.1/24").contains("PrivateKey = (redacted)");
      assertNoSecret(r, PRIV, PSK, PEER);
    }
  }

  @Test
  void aSessionWithCatWg0ConfAndADamagedDumpPrintsNoSecret() throws Exception {
    String session = "$ sudo cat /etc/wireguard/wg0.conf\n" + WG0_CONF
        + "$ sysctl net.core.rmem_max\nnet.core.rmem_max = 212992\nPrivateKey = " + PRIV + "\n"
        + "$ sudo wg show all dump\nwg0\t" + PRIV + "\t" + PUB + "\t51820\toff\n"
        + "wg0\t" + PEER + "\t" + PSK + "192.0.2.2:51820\t10.60.0.10/32\t0\t1\t2\toff\n"
        + "$ sudo wg show wg0 dump\n" + PRIV + "\t" + PUB + "\t51820\toff\n"
        + PEER + "\t" + PSK + "\t192.0.2.2:51820\t10.60.0.10/32\t1700000000\t100\t200\t25\n";
    Path f = write("session.txt", session);
    for (String format : new String[] {"text", "json"}) {
      CliRunner.Result lenient = CliRunner.run("parse", "--lenient", "--format", format, f.toString());
      assertThat(lenient.exit()).isZero();
      assertNoSecret(lenient, PRIV, PSK);
      // the intact dump's public keys are shown: a finding or a reader names its peer by them
      assertThat(lenient.out()).contains(PEER).contains(PUB);
      CliRunner.Result strict = CliRunner.run("parse", "--format", format, f.toString());
      assertThat(strict.exit()).isEqualTo(2);
      assertNoSecret(strict, PRIV, PSK);
      CliRunner.Result analyze = CliRunner.run("analyze", "--format", format, f.toString());
      assertNoSecret(analyze, PRIV, PSK);
    }
  }

  @Test
  void aDamagedDumpFailsWithOneLineNamingItsLineAndNoKey() throws Exception {
    Path f = write("dump.txt", "wg0\t" + PRIV + "\t" + PUB + "\t51820\toff\nwg0\t" + PEER + "\t" + PSK
        + "\t192.0.2.2:51820\t10.60.0.10/320\t1\t2\toff\n");
    CliRunner.Result r = CliRunner.run("parse", "--tool", "wg-show-dump", "--format", "json", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains(":2:");
    assertNoSecret(r, PRIV, PSK);
  }

  /** What collect writes to a bundle: the private and preshared keys hidden, public keys kept, any other key masked. */
  @Test
  void collectWritesNoSecretToABundle() {
    Redaction r = new Redaction(false);
    String dump = "wg0\t" + PRIV + "\t" + PUB + "\t51820\toff\nwg0\t" + PEER + "\t" + PSK + "\t192.0.2.2:51820\t10.60.0.10/32\t0\t1\t2\toff\n"
        + "wg0\t" + PEER + "\t" + PSK + "192.0.2.2:51820\t10.60.0.10/32\t0\t1\t2\toff\n";
    String out = r.apply(dump);
    assertThat(out).doesNotContain(PRIV).doesNotContain(PSK).contains(PUB).contains(PEER);
    String human = r.apply("interface: wg0\n  public key: " + PUB + "\n  private key: " + PRIV + "\n\npeer: " + PEER
        + "\n  preshared key: " + PSK + "\n" + WG0_CONF);
    assertThat(human).doesNotContain(PRIV).doesNotContain(PSK).contains("peer: " + PEER).contains("public key: " + PUB);
  }

  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final AtomicInteger RUNS = new AtomicInteger();

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withChars(B64).ofLength(43).map(s -> s + "=");
  }

  @Provide
  Arbitrary<String> transcripts() throws Exception {
    return Arbitraries.of(
        Files.readString(Path.of("samples", "field-guide-transcript.txt")),
        Files.readString(Path.of(java.util.Objects.requireNonNull(KeyGuardCliTest.class.getClassLoader().getResource("evidence/story-cloud-mtu-blackhole.txt")).toURI())));
  }

  /**
   * A key planted anywhere in a recorded session (glued to what stands there, or on a {@code
   * PrivateKey =} line of its own), with a byte beside it flipped, never comes out of {@code parse}
   * (strict and lenient, text and JSON), unless a WireGuard parser read it from a public-key column.
   */
  @Property(tries = 150)
  void aKeyPlantedInASessionNeverComesOutOfTheCommandLine(
      @ForAll("transcripts") String transcript, @ForAll("keys") String key,
      @ForAll @IntRange(min = 0, max = 1 << 20) int at, @ForAll boolean ownLine, @ForAll char flip) throws Exception {
    int pos = at % (transcript.length() + 1);
    StringBuilder b = new StringBuilder(transcript);
    String planted = ownLine ? "\nPrivateKey = " + key + "\n" : key;
    b.insert(pos, planted);
    int neighbour = pos + planted.length();
    if (neighbour < b.length() && flip != '\u0000') {
      b.setCharAt(neighbour, flip);
    }
    String text = b.toString();
    Set<String> shown = new HashSet<>();
    try {
      for (ParsedBlock pb : TranscriptParser.standard().parse(text, false).blocks()) {
        pb.model(WgShow.class).ifPresent(w -> shown.addAll(Secrets.publicKeys(w)));
      }
    } catch (ParseException e) {
      // nothing shown
    }
    Path f = Files.createTempFile("keyguard", ".txt"); // a property has no @TempDir
    try {
      Files.writeString(f, text, StandardCharsets.UTF_8);
      runAll(f, key, shown);
    } finally {
      Files.deleteIfExists(f);
    }
  }

  private static void runAll(Path f, String key, Set<String> shown) {
    for (String[] args : new String[][] {
        {"parse", "--format", "json", f.toString()}, {"parse", "--lenient", "--format", "json", f.toString()},
        {"parse", "--lenient", f.toString()}, {"parse", f.toString()}}) {
      RUNS.incrementAndGet();
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.err()).doesNotContain(key);
      if (!shown.contains(key)) {
        assertThat(r.out()).as("%s", String.join(" ", args)).doesNotContain(key);
      }
    }
  }

  @AfterContainer
  static void report() {
    System.out.println("KeyGuardCliTest: " + RUNS.get() + " command-line runs over sessions with a planted key");
  }
}
