package io.wgdiag.analysis.bundle;

import io.wgdiag.parsers.text.LineSource;
import io.wgdiag.parsers.transcript.TranscriptReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The text of a blob, read as a stream: one pass finds its character set (UTF-8, or Latin-1 when
 * it is not valid UTF-8), refuses binary data (a NUL byte) and looks for a prompt line; then the
 * parsers read it through a {@link Reader}. No file is held whole: memory is a 64 KiB buffer and
 * the longest line.
 */
final class BlobText {
  private BlobText() {}

  /** Characters of a line kept to decide whether it is a prompt line. */
  private static final int PROMPT_PREFIX = 4096;

  /**
   * What the first pass found.
   *
   * @param charset how to decode the blob
   * @param transcript whether a line is a prompt line
   */
  record Scan(Charset charset, boolean transcript) {}

  /** The first pass over {@code b}, named {@code name} in errors, refused above {@code maxBytes}. */
  static Scan scan(Blob b, String name, long maxBytes) throws BundleException {
    boolean utf8 = true;
    boolean prompt = false;
    try (InputStream in = open(b, name, maxBytes)) {
      CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      byte[] buf = new byte[1 << 16];
      ByteBuffer bb = ByteBuffer.allocate((1 << 16) + 8);
      CharBuffer cb = CharBuffer.allocate(1 << 16);
      Lines lines = new Lines();
      long offset = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == 0) {
            throw new BundleException(name + ": binary data (a NUL byte at offset " + (offset + i) + "), not tool output");
          }
        }
        offset += n;
        if (utf8) {
          bb.put(buf, 0, n).flip();
          CoderResult r;
          do {
            r = dec.decode(bb, cb, false);
            cb.flip();
            prompt |= lines.feed(cb);
            cb.clear();
          } while (r.isOverflow());
          bb.compact();
          if (r.isError()) {
            utf8 = false;
          }
        }
      }
      if (utf8) {
        bb.flip();
        CoderResult r = dec.decode(bb, cb, true);
        if (r.isError() || bb.hasRemaining() || dec.flush(cb).isError()) {
          utf8 = false;
        } else {
          cb.flip();
          lines.feed(cb);
          prompt |= lines.end();
        }
      }
    } catch (IOException e) {
      throw failure(e, name);
    }
    if (!utf8) {
      prompt = hasPrompt(b, StandardCharsets.ISO_8859_1, name, maxBytes);
    }
    return new Scan(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1, prompt);
  }

  private static boolean hasPrompt(Blob b, Charset cs, String name, long maxBytes) throws BundleException {
    try (Reader r = new InputStreamReader(open(b, name, maxBytes), cs)) {
      Lines lines = new Lines();
      char[] buf = new char[1 << 16];
      int n;
      while ((n = r.read(buf)) >= 0) {
        if (lines.feed(CharBuffer.wrap(buf, 0, n))) {
          return true;
        }
      }
      return lines.end();
    } catch (IOException e) {
      throw failure(e, name);
    }
  }

  /** Splits characters into lines, keeping the first {@link #PROMPT_PREFIX} of each, and tells whether one is a prompt line. */
  private static final class Lines {
    private final StringBuilder line = new StringBuilder();
    private boolean found;

    boolean feed(CharBuffer cb) {
      while (cb.hasRemaining()) {
        char c = cb.get();
        if (c == '\n' || c == '\r') {
          end();
        } else if (line.length() < PROMPT_PREFIX) {
          line.append(c);
        }
      }
      return found;
    }

    boolean end() {
      if (line.length() > 0 && !found) {
        found = TranscriptReader.promptCommand(line.toString()).isPresent();
      }
      line.setLength(0);
      return found;
    }
  }

  /** A reader over the blob's text that fills each read as far as the text goes. */
  static Reader reader(Blob b, Charset cs, String name, long maxBytes) throws IOException {
    return new Filling(new InputStreamReader(open(b, name, maxBytes), cs));
  }

  /** The whole text of a small blob (properties, a manifest), decoded as {@link EvidenceReader#decode}. */
  static String small(Blob b, String name, long maxBytes) throws BundleException {
    byte[] bytes;
    try (InputStream in = open(b, name, maxBytes)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw failure(e, name);
    }
    return EvidenceReader.decode(bytes, name);
  }

  static BundleException failure(IOException e, String name) {
    if (e instanceof EvidenceReader.TooLargeException t) {
      return new BundleException(name + ": " + t.getReason());
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return new BundleException(name + ": no such file");
    }
    return new BundleException(name + ": cannot read: " + PathText.quote(String.valueOf(e.getMessage())));
  }

  /** The blob's bytes, refused (as {@link EvidenceReader.TooLargeException}) past {@code maxBytes}. */
  static InputStream open(Blob b, String name, long maxBytes) throws IOException {
    if (b.size() > maxBytes) {
      throw new EvidenceReader.TooLargeException(name, maxBytes);
    }
    return new Capped(b.open(), name, maxBytes);
  }

  /** A stream that refuses to give more than its limit. */
  private static final class Capped extends FilterInputStream {
    private final String name;
    private final long max;
    private long count;

    Capped(InputStream in, String name, long max) {
      super(in);
      this.name = name;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0 && ++count > max) {
        throw new EvidenceReader.TooLargeException(name, max);
      }
      return c;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new EvidenceReader.TooLargeException(name, max);
        }
      }
      return n;
    }
  }

  /** A reader whose reads return as many characters as asked for, short only at the end. */
  private static final class Filling extends Reader {
    private final Reader in;

    Filling(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int total = 0;
      while (total < len) {
        int n = in.read(cbuf, off + total, len - total);
        if (n < 0) {
          return total == 0 ? -1 : total;
        }
        total += n;
      }
      return total;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * The output of one command of a transcript, read line by line from the transcript and ending
   * before the next prompt line (kept for {@link #nextPrompt}); blank lines at the end of a block
   * are left out, as {@link TranscriptReader} leaves them.
   */
  static final class Blocks {
    private final LineSource lines;
    private int lineNo;
    private @Nullable String pendingPrompt;
    private int pendingPromptLine;
    private boolean done;

    Blocks(Reader reader) {
      this.lines = LineSource.of(reader);
    }

    /** The 1-based line of the last line read. */
    int lineNo() {
      return lineNo;
    }

    /**
     * Reads up to the next prompt line; returns the lines before it that are not blank (their
     * first, with its line number, through {@code firstText}), or null at the end.
     */
    @Nullable String nextPrompt(int[] firstNonBlank, String[] firstText) throws IOException {
      if (pendingPrompt != null) {
        String p = pendingPrompt;
        pendingPrompt = null;
        lineNo = pendingPromptLine;
        return p;
      }
      String line;
      while ((line = lines.next()) != null) {
        lineNo++;
        java.util.Optional<String> cmd = TranscriptReader.promptCommand(line);
        if (cmd.isPresent()) {
          return cmd.get();
        }
        if (firstNonBlank[0] == 0 && !line.isBlank()) {
          firstNonBlank[0] = lineNo;
          firstText[0] = line;
        }
      }
      done = true;
      return null;
    }

    /** The output of the command whose prompt was just read, as a reader that ends at the next prompt. */
    Reader output() {
      return new Reader() {
        private final StringBuilder buf = new StringBuilder();
        private int pos;
        private int blanks;
        private boolean end;

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
          int total = 0;
          while (total < len) {
            if (pos == buf.length()) {
              if (end || !fill()) {
                end = true;
                break;
              }
            }
            int k = Math.min(len - total, buf.length() - pos);
            buf.getChars(pos, pos + k, cbuf, off + total);
            pos += k;
            total += k;
          }
          return total == 0 && end ? -1 : total;
        }

        /** A line read after blank lines, held until the blanks before it are given out. */
        private @Nullable String held;

        /** The next piece of output into {@code buf}: at most 8,192 held blank lines, or one line. */
        private boolean fill() throws IOException {
          buf.setLength(0);
          pos = 0;
          while (true) {
            if (held != null) {
              if (blanks > 0) {
                int k = Math.min(blanks, 8192);
                for (int i = 0; i < k; i++) {
                  buf.append('\n');
                }
                blanks -= k;
                return true;
              }
              buf.append(held).append('\n');
              held = null;
              return true;
            }
            if (done || pendingPrompt != null) {
              return false;
            }
            String line = lines.next();
            if (line == null) {
              done = true;
              return false;
            }
            lineNo++;
            java.util.Optional<String> cmd = TranscriptReader.promptCommand(line);
            if (cmd.isPresent()) {
              pendingPrompt = cmd.get();
              pendingPromptLine = lineNo;
              return false;
            }
            if (line.isEmpty()) {
              blanks++;
              continue;
            }
            held = line;
          }
        }

        @Override
        public void close() {}
      };
    }

    /** Reads past what is left of the current block. */
    void skipBlock(Reader output) throws IOException {
      char[] sink = new char[8192];
      while (output.read(sink, 0, sink.length) >= 0) {
        // drained
      }
    }
  }
}
