package io.wgdiag.examples.cli;

import io.wgdiag.analysis.bundle.BundleException;
import io.wgdiag.analysis.bundle.EvidenceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command-line input (a file, or {@code -} for stdin) as text, refusing binary data. */
final class Inputs {
  private Inputs() {}

  /** Largest input read into memory, in bytes. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  /** An input that cannot be used; its message is the one line printed to stderr. */
  static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message);
    }
  }

  static String read(String name, InputStream stdin) throws InputException {
    byte[] bytes;
    try {
      if (name.equals("-")) {
        bytes = readAll(stdin);
      } else {
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
          throw new InputException(Messages.path(name) + ": is a directory");
        }
        bytes = EvidenceReader.readFile(p, MAX_BYTES);
      }
    } catch (EvidenceReader.TooLargeException e) {
      throw new InputException(Messages.path(name) + ": larger than " + MAX_BYTES + " bytes");
    } catch (NoSuchFileException e) {
      throw new InputException(Messages.path(name) + ": no such file");
    } catch (IOException e) {
      throw new InputException(Messages.path(name) + ": cannot read: " + e.getMessage());
    }
    try {
      return EvidenceReader.decode(bytes, name);
    } catch (BundleException e) {
      throw new InputException(String.valueOf(e.getMessage()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException, InputException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > MAX_BYTES) {
        throw new InputException("-: larger than " + MAX_BYTES + " bytes");
      }
    }
    return out.toByteArray();
  }
}
