package io.wgdiag.parsers.netfilter;

import io.wgdiag.model.netfilter.ImmutableIptablesRule;
import io.wgdiag.model.netfilter.ImmutableIptablesRules;
import io.wgdiag.model.netfilter.IptablesRule;
import io.wgdiag.model.netfilter.IptablesRules;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The iptables rules parser as it was before it read rules through one reused word list and
 * {@code of(...)}: the reference its property compares with, on recorded and mutated input, kept
 * from round 6 of issue 7. A deliberate change to what the parser reads must be made here too, or
 * this reference and its property deleted together.
 */
final class FormerIptablesRulesParser extends LineParser<IptablesRules> {

  FormerIptablesRulesParser() {
    super("iptables-rules", IptablesRules.class);
  }

  @Override
  protected Session<IptablesRules> newSession() {
    ImmutableIptablesRules.Builder b = IptablesRules.builder();
    return new Session<>() {
      String table = "filter";

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        String t = line.stripped();
        if (t.startsWith("#") || t.equals("COMMIT")) {
          line.rest();
          return true;
        }
        if (t.startsWith("*")) {
          table = t.substring(1).strip();
          if (table.isEmpty()) {
            throw line.errorAt(0, "expected a table name after '*'");
          }
          return true;
        }
        ImmutableIptablesRule.Builder r = IptablesRule.builder().table(table).text(t).line(line.lineNumber());
        if (t.startsWith(":")) {
          line.expect(":");
          r.command(":").chain(line.word("the chain name"));
          String policy = line.word("the chain policy");
          r.policy(policy);
          line.rest(); // [packets:bytes]
          b.addRule(r.build());
          return true;
        }
        List<String> words = tokens(line);
        if (words.isEmpty() || !words.get(0).startsWith("-")) {
          return false;
        }
        String cmd = words.get(0);
        switch (cmd) {
          case "-P" -> {
            if (words.size() != 3) {
              throw line.errorAt(0, "expected '-P CHAIN POLICY'");
            }
            r.command(cmd).chain(words.get(1)).policy(words.get(2));
          }
          case "-N", "-X", "-F", "-Z" -> {
            if (words.size() < 2) {
              throw line.errorAt(0, "expected a chain after " + cmd);
            }
            r.command(cmd).chain(words.get(1));
          }
          case "-A", "-I", "-D", "-R" -> {
            if (words.size() < 2) {
              throw line.errorAt(0, "expected a chain after " + cmd);
            }
            r.command(cmd).chain(words.get(1));
            int i = 2;
            if (!cmd.equals("-A") && i < words.size() && Fields.onlyDigits(words.get(i), "")) {
              i++; // rule number
            }
            boolean inTarget = false;
            for (; i < words.size(); i++) {
              String w = words.get(i);
              if (!inTarget && (w.equals("-j") || w.equals("--jump") || w.equals("-g") || w.equals("--goto"))) {
                if (i + 1 >= words.size()) {
                  throw line.errorAt(t.length(), "expected a target after " + w);
                }
                r.target(words.get(++i));
                inTarget = true;
              } else if (inTarget) {
                r.addTargetOption(w);
              } else {
                r.addMatch(w);
              }
            }
          }
          default -> {
            return false;
          }
        }
        b.addRule(r.build());
        return true;
      }

      @Override
      public IptablesRules finish(int lines, boolean strict) {
        return b.build();
      }
    };
  }

  /**
   * Splits a rule into words, honouring double quotes ({@code --comment "a b"}). Read in place: a
   * plain word comes from the shared tokens ({@code -A}, {@code -p}, {@code udp}, {@code ACCEPT});
   * only a quoted one is built.
   */
  private static List<String> tokens(LineCursor line) throws ParseException {
    List<String> out = new ArrayList<>();
    String t = line.source();
    int base = line.lineStart();
    int end = line.lineEnd();
    int i = base;
    StringBuilder cur = new StringBuilder();
    boolean in = false;
    boolean quoted = false;
    boolean built = false; // the current word had a quote or an escape: it is in cur
    int start = i;
    while (i < end) {
      char c = t.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < end) {
          cur.append(t.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        if (in && !built) {
          cur.append(t, start, i);
        }
        quoted = true;
        in = true;
        built = true;
      } else if (c == ' ' || c == '\t') {
        if (in) {
          out.add(built ? cur.toString() : line.token(start, i));
          cur.setLength(0);
          in = false;
          built = false;
        }
      } else {
        if (!in) {
          start = i;
        }
        if (built) {
          cur.append(c);
        }
        in = true;
      }
      i++;
    }
    if (quoted) {
      throw line.errorAt(line.text().lastIndexOf('"'), "unterminated quote");
    }
    if (in) {
      out.add(built ? cur.toString() : line.token(start, end));
    }
    return out;
  }

}
