package io.wgdiag.parsers.netfilter;

import io.wgdiag.model.netfilter.ImmutableNftRuleset;
import io.wgdiag.model.netfilter.NftRule;
import io.wgdiag.model.netfilter.NftRuleset;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The nft ruleset parser as it was before it read lines in place: the reference its property
 * compares with, on recorded and mutated input, kept from the rewrite of round 5 of issue 7. A
 * deliberate change to what the parser reads must be made here too, or this reference and its
 * property deleted together.
 */
final class FormerNftRulesetParser extends LineParser<NftRuleset> {

  FormerNftRulesetParser() {
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

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String t = line.stripped();
        if (t.startsWith("#")) {
          return true; // comments and "# Warning: table ip x is managed by iptables-nft"
        }
        if (t.equals("}")) {
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
        if (t.endsWith("{")) {
          String[] w = Fields.BLANKS.split(t.substring(0, t.length() - 1).strip());
          switch (w[0]) {
            case "table" -> {
              if (w.length < 2 || !stack.isEmpty()) {
                throw line.errorAt(0, "expected 'table [family] name {' at the top level");
              }
              family = w.length >= 3 ? w[1] : "ip";
              table = w[w.length - 1];
            }
            case "chain" -> {
              if (w.length < 2 || table.isEmpty()) {
                throw line.errorAt(0, "expected 'chain name {' inside a table");
              }
              chain = w[1];
            }
            default -> { } // set, map, flowtable, counter, quota, ... and elements = { spanning lines
          }
          stack.push(new String[] {w[0], w[0].equals("table") ? table : w.length > 1 ? w[1] : ""});
          return true;
        }
        if (stack.isEmpty()) {
          return false;
        }
        if (!chain.isEmpty() && t.startsWith("type ") && t.contains(" hook ")) {
          b.putBaseChain(family + " " + table + " " + chain, t);
          return true;
        }
        if (t.endsWith("}") && !stack.isEmpty() && t.indexOf('{') < 0) {
          // the end of a multi-line element list: "10.0.0.2 }"
          stack.pop();
          return true;
        }
        if (!chain.isEmpty() && stack.peek()[0].equals("chain")) {
          b.addRule(NftRule.builder().family(family).table(table).chain(chain).text(t).line(line.lineNumber()).build());
        }
        return true;
      }

      @Override
      public NftRuleset finish(int lines, boolean strict) throws ParseException {
        if (strict && !stack.isEmpty()) {
          throw new ParseException(lines, 0, "", "expected '}' to close " + stack.peek()[0] + " " + stack.peek()[1] + " before the end");
        }
        return b.build();
      }
    };
  }
}
