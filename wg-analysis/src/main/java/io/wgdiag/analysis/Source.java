package io.wgdiag.analysis;

/**
 * Where a fact was read: a file (or transcript) and a 1-based line, printed as {@code
 * local/probe/pmtu.txt:7}.
 *
 * @param file the file name as the user knows it, relative to the bundle where there is one
 * @param line the 1-based line, 0 when not known
 */
public record Source(String file, int line) {

  /** The same file, another line. */
  public Source atLine(int newLine) {
    return new Source(file, newLine);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
