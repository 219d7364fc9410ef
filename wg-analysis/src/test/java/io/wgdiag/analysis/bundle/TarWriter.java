package io.wgdiag.analysis.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes test tarballs with the system's {@code tar}, so the reader is checked against a real tar. */
final class TarWriter {
  private TarWriter() {}

  static void write(Path dir, String top, Path out) throws IOException, InterruptedException {
    Path staging = Files.createTempDirectory("tarw");
    Path copy = staging.resolve(top);
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        Path t = copy.resolve(dir.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t);
        }
      }
    }
    Process p = new ProcessBuilder(List.of("tar", "-C", staging.toString(), "-czf", out.toString(), top))
        .redirectErrorStream(true).start();
    if (p.waitFor() != 0) {
      throw new IOException("tar failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }

}
