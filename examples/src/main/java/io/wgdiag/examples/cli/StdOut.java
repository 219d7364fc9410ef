package io.wgdiag.examples.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for a command-line run: UTF-8 through one 64 KB buffer straight to the file
 * descriptor, not {@code System.out}'s layers. Text goes through the writer; JSON is written as
 * bytes to {@link #bytes()} (Jackson's UTF-8 generator, with no char-to-byte step after it).
 * {@code println} still flushes, so collect's progress lines show as they come.
 */
final class StdOut extends PrintWriter {
  private final OutputStream bytes;

  private StdOut(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    this.bytes = bytes;
  }

  /** The process's standard output. */
  static StdOut open() {
    return over(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
  }

  /**
   * Output to {@code out} (tests give a byte array). The bytes go through a {@link PrintStream},
   * which, as a {@link PrintWriter} does, keeps a write error (a reader that went away: {@code |
   * head}) to itself instead of throwing it, so a closed pipe ends the output quietly.
   */
  static StdOut over(OutputStream out) {
    return new StdOut(new PrintStream(out, false, StandardCharsets.UTF_8));
  }

  /** The byte stream under this writer: flush the writer first, as {@link Output#json} does. */
  OutputStream bytes() {
    return bytes;
  }
}
