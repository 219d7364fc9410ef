package io.wgdiag.parsers.transcript;

import com.google.common.collect.ImmutableList;

/**
 * One command of a terminal transcript and what it printed.
 *
 * @param line the 1-based line number of the prompt line in the transcript
 * @param command the command after the prompt, e.g. {@code sudo wg show wg0}
 * @param output the lines the command printed, joined with {@code \n}; a wrapper the reader
 *     removed (a {@code watch} header, a {@code sudo} prompt, a {@code pdsh} prefix) leaves its
 *     line blank or shortened in place, so line numbers stay those of the transcript
 * @param notes what the reader removed around the output, one sentence each, e.g. {@code stripped
 *     pdsh prefix 'gw1: ' from 42 lines}
 */
public record TranscriptBlock(int line, String command, String output, ImmutableList<String> notes) {

  /** A block with nothing removed around its output. */
  public TranscriptBlock(int line, String command, String output) {
    this(line, command, output, ImmutableList.of());
  }

  /** The 1-based transcript line of the first output line. */
  public int firstOutputLine() {
    return line + 1;
  }
}
