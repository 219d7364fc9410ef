package io.wgdiag.analysis.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Coverage-guided fuzzing of the bundle reader (Jazzer): {@link EvidenceReader#read(Path)} over a
 * directory and over a {@code .tar.gz}, both written from the fuzzer's bytes into a fresh temporary
 * directory, returns evidence or throws {@link BundleException}, nothing else.
 *
 * <p>The bytes are records {@code path NUL content NUL ...} (the last content runs to the end): each
 * file is written under the directory (a path cleaned to letters, digits, {@code . _ - @ /}, at most
 * three levels, no {@code ..}) and into a ustar {@code .tar.gz} of the same entries. Bytes that
 * start with the gzip magic ({@code 1f 8b}) are also read as a {@code .tar.gz} as they are, so the
 * archive reading itself is fuzzed. Seeds ({@code BundleFuzzTestInputs/bundle/}): the lab bundles
 * of {@code src/test/resources/lab/}, each written in the record form, cut to its first 64 KB. How
 * to fuzz it for a set time: docs/robustness.md.
 */
class BundleFuzzTest {

  @FuzzTest
  void bundle(byte[] data) throws IOException {
    Path root = Files.createTempDirectory("wgdiag-fuzz");
    try {
      List<String[]> files = records(data);
      Path dir = Files.createDirectory(root.resolve("bundle"));
      for (String[] f : files) {
        Path p = dir.resolve(f[0]);
        Path parent = p.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        if (!Files.isDirectory(p)) {
          Files.writeString(p, f[1], StandardCharsets.UTF_8);
        }
      }
      read(dir);
      Path tgz = root.resolve("bundle.tar.gz");
      Files.write(tgz, tarGz(files));
      read(tgz);
      if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
        Path raw = root.resolve("raw.tar.gz");
        Files.write(raw, data);
        read(raw);
      }
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void read(Path path) {
    try {
      EvidenceReader.standard().read(path);
    } catch (BundleException e) {
      // refused, with a message: allowed
    }
  }

  /** The {@code path NUL content NUL} records of {@code data}, paths cleaned; at most 16 files. */
  static List<String[]> records(byte[] data) {
    String s = new String(data, StandardCharsets.UTF_8);
    String[] parts = s.split("\u0000", -1);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < parts.length && out.size() < 16; i += 2) {
      String path = clean(parts[i]);
      if (!path.isEmpty() && out.stream().noneMatch(f -> f[0].equals(path) || f[0].startsWith(path + "/") || path.startsWith(f[0] + "/"))) {
        out.add(new String[] {path, parts[i + 1]});
      }
    }
    return out;
  }

  private static String clean(String path) {
    List<String> kept = new ArrayList<>();
    for (String part : path.split("/")) {
      StringBuilder b = new StringBuilder();
      for (char c : part.toCharArray()) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@') {
          b.append(c);
        }
      }
      String p = b.length() > 60 ? b.substring(0, 60) : b.toString();
      if (!p.isEmpty() && !p.equals(".") && !p.equals("..") && kept.size() < 3) {
        kept.add(p);
      }
    }
    return String.join("/", kept);
  }

  /** A gzip'd ustar archive of {@code files} under one top directory, as `tar czf` writes it. */
  static byte[] tarGz(List<String[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      for (String[] f : files) {
        byte[] content = f[1].getBytes(StandardCharsets.UTF_8);
        gz.write(header("bundle/" + f[0], content.length));
        gz.write(content);
        gz.write(new byte[(512 - content.length % 512) % 512]);
      }
      gz.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
    put(h, 100, String.format("%07o", 0644));
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, "00000000000");
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  static {
    // fail early (not once per input) if the temporary directory cannot be written
    try {
      Files.deleteIfExists(Files.createTempFile("wgdiag-fuzz", ".probe"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
