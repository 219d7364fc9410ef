package io.wgdiag.parsers.netfilter;

import io.wgdiag.model.netfilter.ImmutableNftRule;
import io.wgdiag.model.netfilter.ImmutableNftRuleset;
import io.wgdiag.model.netfilter.NftRule;
import io.wgdiag.model.netfilter.NftRuleset;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Names;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code nft list ruleset} (and {@code nft -a}): nested {@code table}, {@code chain}, {@code
 * set}/{@code map} blocks and the rule lines inside chains, kept as text with their table and chain.
 * Unbalanced braces are an error naming the line.
 */
public final class NftRulesetParser extends LineParser<NftRuleset> {

  /** Creates the parser. */
  public NftRulesetParser() {
    super("nft-ruleset", NftRuleset.class);
  }

  @Override
  protected Session<NftRuleset> newSession() {
    ImmutableNftRuleset.Builder b = NftRuleset.builder();
    return new Session<>() {
      final Deque<String[]> stack = new ArrayDeque<>(); // {kind, name}
      String family = "";
      String table = "";
      String chain = "";

      /** One rule builder for the parse: every attribute is set for each rule. */
      final ImmutableNftRule.Builder rule = NftRule.builder();
      /** A block line's words, as positions in the line's source: starts and ends. */
      int[] words = new int[16];
      /** The base chains read so far ({@code family table chain}): a few, scanned. */
      final Names baseChains = new Names();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // the line without its outer white space, read in place: only the text kept becomes a string
        String src = line.source();
        int from = Fields.trimStart(src, line.lineStart(), line.lineEnd());
        int to = Fields.trimEnd(src, from, line.lineEnd());
        if (from < to && src.charAt(from) == '#') {
          return true; // comments and "# Warning: table ip x is managed by iptables-nft"
        }
        if (Fields.is(src, from, to, "}")) {
          if (stack.isEmpty()) {
            throw line.errorAt(line.text().indexOf('}'), "a '}' with no open block");
          }
          String[] closed = stack.pop();
          if (closed[0].equals("chain")) {
            chain = "";
          } else if (closed[0].equals("table")) {
            table = "";
            family = "";
          }
          return true;
        }
        if (from < to && src.charAt(to - 1) == '{') {
          // the words before the brace, as Fields.BLANKS splits the stripped text
          int w0 = Fields.trimStart(src, from, to - 1);
          int n = split(src, w0, Fields.trimEnd(src, w0, to - 1));
          String kind = n == 0 ? "" : Fields.is(src, words[0], words[1], "table") ? "table"
              : Fields.is(src, words[0], words[1], "chain") ? "chain" : line.token(words[0], words[1]);
          int count = Math.max(1, n); // "{" alone is one empty word
          switch (kind) {
            case "table" -> {
              if (count < 2 || !stack.isEmpty()) {
                throw line.errorAt(0, "expected 'table [family] name {' at the top level");
              }
              family = count >= 3 ? word(line, 1) : "ip";
              table = word(line, count - 1);
            }
            case "chain" -> {
              if (count < 2 || table.isEmpty()) {
                throw line.errorAt(0, "expected 'chain name {' inside a table");
              }
              chain = word(line, 1);
            }
            default -> { } // set, map, flowtable, counter, quota, ... and elements = { spanning lines
          }
          stack.push(new String[] {kind, kind.equals("table") ? table : kind.equals("chain") ? chain
              : count > 1 ? word(line, 1) : ""});
          return true;
        }
        if (stack.isEmpty()) {
          return false;
        }
        if (!chain.isEmpty() && Fields.startsWith(src, from, to, "type ") && Fields.indexOf(src, " hook ", from, to) >= 0) {
          String name = family + " " + table + " " + chain;
          if (baseChains.find(name) >= 0) {
            // the ruleset's map would refuse it when the ruleset is made, for the whole input
            throw line.errorAt(from - line.lineStart(), "a second base chain line for chain " + name);
          }
          baseChains.add(name);
          b.putBaseChain(name, src.substring(from, to));
          return true;
        }
        if (from < to && src.charAt(to - 1) == '}' && !stack.isEmpty() && Fields.indexOf(src, '{', from, to) < 0) {
          // the end of a multi-line element list: "10.0.0.2 }"
          stack.pop();
          return true;
        }
        if (!chain.isEmpty() && stack.peek()[0].equals("chain")) {
          b.addRule(rule.clear().family(family).table(table).chain(chain).text(src.substring(from, to))
              .line(line.lineNumber()).build());
        }
        return true;
      }

      /**
       * Splits {@code [from, to)} at runs of blanks into {@link #words} (within a line, the blanks of
       * {@link Fields#fieldEnd} are the white space {@code \\s} matches); the number of words.
       */
      private int split(String src, int from, int to) {
        int n = 0;
        int i = from;
        while (i < to) {
          if (2 * n + 2 > words.length) {
            words = java.util.Arrays.copyOf(words, words.length * 2);
          }
          int end = Fields.fieldEnd(src, i, to);
          words[2 * n] = i;
          words[2 * n + 1] = end;
          n++;
          i = Fields.skipBlanks(src, end, to);
        }
        return n;
      }

      /** Word {@code i} of the last {@link #split}. */
      private String word(LineCursor line, int i) {
        return line.token(words[2 * i], words[2 * i + 1]);
      }

      @Override
      public @Nullable ParseException endProblem(int lines) {
        return stack.isEmpty() ? null
            : new ParseException(lines, 0, "", "expected '}' to close " + stack.peek()[0] + " " + stack.peek()[1] + " before the end");
      }

      @Override
      public NftRuleset finish(int lines, boolean strict) throws ParseException {
        return b.build();
      }
    };
  }
}
