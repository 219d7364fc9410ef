package io.wgdiag.parsers.transcript;

/**
 * One command of a terminal transcript and what it printed.
 *
 * @param line the 1-based line number of the prompt line in the transcript
 * @param command the command after the prompt, e.g. {@code sudo wg show wg0}
 * @param output the lines the command printed, joined with {@code \n}
 */
public record TranscriptBlock(int line, String command, String output) {

  /** The 1-based transcript line of the first output line. */
  public int firstOutputLine() {
    return line + 1;
  }
}
