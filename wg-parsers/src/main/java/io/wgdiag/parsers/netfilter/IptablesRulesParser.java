package io.wgdiag.parsers.netfilter;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.netfilter.ImmutableIptablesRule;
import io.wgdiag.model.netfilter.ImmutableIptablesRules;
import io.wgdiag.model.netfilter.IptablesRule;
import io.wgdiag.model.netfilter.IptablesRules;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code iptables -S} and {@code iptables-save} (ip6tables too): policies, chains and rules,
 * parsed into match tokens, target and target options; deep enough to answer whether TCP MSS is
 * clamped and whether the ICMP messages PMTU discovery needs are dropped.
 *
 * <pre>{@code
 * *mangle
 * :FORWARD ACCEPT [0:0]
 * -P INPUT ACCEPT
 * -A FORWARD -o wg0 -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --clamp-mss-to-pmtu
 * -A INPUT -p icmp -m icmp --icmp-type 3/4 -j DROP
 * COMMIT
 * }</pre>
 */
public final class IptablesRulesParser extends LineParser<IptablesRules> {

  /** Creates the parser. */
  public IptablesRulesParser() {
    super("iptables-rules", IptablesRules.class);
  }

  @Override
  protected Session<IptablesRules> newSession() {
    return new Session<>() {
      String table = "filter";
      final List<IptablesRule> rules = new ArrayList<>();
      /** The words of the rule being read, reused line to line. */
      final Words words = new Words();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        char first = line.peek();
        if (first == '#' || (line.lookingAtWord("COMMIT") && restIsBlank(line, "COMMIT".length()))) {
          return true; // a comment or COMMIT: nothing kept
        }
        if (first == '*') {
          line.expect("*");
          if (line.atEnd()) {
            throw line.errorAt(0, "expected a table name after '*'");
          }
          int at = line.position();
          String name = line.word("the table name"); // a known word: mangle, filter, nat
          if (!line.atEnd()) {
            line.position(at);
            name = line.rest();
          }
          table = name;
          return true;
        }
        String t = line.stripped();
        if (first == ':') {
          line.expect(":");
          String chain = line.word("the chain name");
          String policy = line.word("the chain policy");
          // the counters [packets:bytes] are not kept
          rules.add(ImmutableIptablesRule.of(table, ":", chain, verdict(policy), ImmutableList.of(),
              Optional.empty(), ImmutableList.of(), t, line.lineNumber()));
          return true;
        }
        Words w = words;
        tokens(line, w);
        if (w.isEmpty() || !w.get(0).startsWith("-")) {
          return false;
        }
        String cmd = w.get(0);
        IptablesRule r;
        switch (cmd) {
          case "-P" -> {
            if (w.size() != 3) {
              throw line.errorAt(0, "expected '-P CHAIN POLICY'");
            }
            r = ImmutableIptablesRule.of(table, cmd, w.get(1), verdict(w.get(2)), ImmutableList.of(),
                Optional.empty(), ImmutableList.of(), t, line.lineNumber());
          }
          case "-N", "-X", "-F", "-Z" -> {
            if (w.size() < 2) {
              throw line.errorAt(0, "expected a chain after " + cmd);
            }
            r = ImmutableIptablesRule.of(table, cmd, w.get(1), Optional.empty(), ImmutableList.of(),
                Optional.empty(), ImmutableList.of(), t, line.lineNumber());
          }
          case "-A", "-I", "-D", "-R" -> {
            if (w.size() < 2) {
              throw line.errorAt(0, "expected a chain after " + cmd);
            }
            int i = 2;
            if (!cmd.equals("-A") && i < w.size() && Fields.onlyDigits(w.get(i), "")) {
              i++; // rule number
            }
            int matchesFrom = i;
            int jump = -1;
            for (; i < w.size(); i++) {
              String s = w.get(i);
              if (s.equals("-j") || s.equals("--jump") || s.equals("-g") || s.equals("--goto")) {
                if (i + 1 >= w.size()) {
                  throw line.errorAt(t.length(), "expected a target after " + s);
                }
                jump = i;
                break;
              }
            }
            int matchesTo = jump < 0 ? w.size() : jump;
            r = ImmutableIptablesRule.of(table, cmd, w.get(1), Optional.empty(), w.slice(matchesFrom, matchesTo),
                jump < 0 ? Optional.empty() : verdict(w.get(jump + 1)),
                jump < 0 ? ImmutableList.of() : w.slice(jump + 2, w.size()), t, line.lineNumber());
          }
          default -> {
            return false;
          }
        }
        rules.add(r);
        return true;
      }

      @Override
      public IptablesRules finish(int lines, boolean strict) {
        return ImmutableIptablesRules.of(ImmutableList.copyOf(rules));
      }
    };
  }

  private static final ImmutableMap<String, Optional<String>> VERDICTS = verdicts("ACCEPT", "DROP", "REJECT",
      "RETURN", "TCPMSS", "MASQUERADE", "SNAT", "DNAT", "LOG", "MARK", "CONNMARK", "NOTRACK", "CT", "QUEUE");

  /** Each target wrapped once; a plain loop, not a stream, as it runs when the class loads. */
  private static ImmutableMap<String, Optional<String>> verdicts(String... targets) {
    ImmutableMap.Builder<String, Optional<String>> b = ImmutableMap.builderWithExpectedSize(targets.length);
    for (String t : targets) {
      b.put(t, Optional.of(t));
    }
    return b.buildOrThrow();
  }

  /**
   * {@code Optional.of(target)}, one wrapper for the whole JVM for each common target and policy
   * ({@code ACCEPT}, {@code DROP}, {@code TCPMSS}, ...): a policy or target is on almost every line.
   */
  private static Optional<String> verdict(String target) {
    Optional<String> known = VERDICTS.get(target);
    return known != null ? known : Optional.of(target);
  }

  /** Whether only blanks follow the next {@code length} characters (after blanks). */
  private static boolean restIsBlank(LineCursor line, int length) {
    int at = line.position();
    line.position(at + length);
    boolean blank = line.atEnd();
    line.position(at);
    return blank;
  }

  /**
   * The words of one rule, reused from rule to rule. {@link #slice} hands a range to {@link
   * ImmutableList#copyOf(java.util.Collection)} through this list itself, whose {@link #toArray()}
   * is then the list's one array: no sub-list view and no second copy.
   */
  static final class Words extends AbstractList<String> {
    private String[] words = new String[16];
    private int size;
    private int from;
    private int to = -1; // a slice is being copied while to >= 0
    /** A quoted word being built; made at the first quote. */
    private @Nullable StringBuilder quoted;

    StringBuilder quoted() {
      StringBuilder q = quoted;
      if (q == null) {
        q = new StringBuilder();
        quoted = q;
      }
      return q;
    }

    @Override
    public void clear() {
      size = 0;
    }

    @Override
    public boolean add(String w) {
      if (size == words.length) {
        words = Arrays.copyOf(words, size * 2);
      }
      words[size++] = w;
      return true;
    }

    @Override
    public String get(int i) {
      return words[to < 0 ? Objects.checkIndex(i, size) : from + Objects.checkIndex(i, to - from)];
    }

    @Override
    public int size() {
      return to < 0 ? size : to - from;
    }

    @Override
    public Object[] toArray() {
      return to < 0 ? Arrays.copyOf(words, size, Object[].class) : Arrays.copyOfRange(words, from, to, Object[].class);
    }

    /** Words {@code [start, end)} as an immutable list. */
    ImmutableList<String> slice(int start, int end) {
      if (start >= end) {
        return ImmutableList.of();
      }
      if (end - start == 1) {
        return ImmutableList.of(words[start]);
      }
      from = start;
      to = end;
      try {
        return ImmutableList.copyOf(this);
      } finally {
        to = -1;
      }
    }
  }

  /**
   * Splits a rule into {@code out}, honouring double quotes ({@code --comment "a b"}). Read in
   * place: a plain word comes from the shared tokens ({@code -A}, {@code -p}, {@code udp}, {@code
   * ACCEPT}); only a quoted one is built, in the words' {@link Words#quoted() buffer}.
   */
  private static void tokens(LineCursor line, Words out) throws ParseException {
    out.clear();
    String t = line.source();
    int base = line.lineStart();
    int end = line.lineEnd();
    int i = base;
    boolean in = false;
    boolean quoted = false;
    boolean built = false; // the current word had a quote: it is in the buffer
    int start = i;
    while (i < end) {
      char c = t.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < end) {
          out.quoted().append(t.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          out.quoted().append(c);
        }
      } else if (c == '"') {
        if (!built) {
          out.quoted().setLength(0);
          if (in) {
            out.quoted().append(t, start, i);
          }
        }
        quoted = true;
        in = true;
        built = true;
      } else if (c == ' ' || c == '\t') {
        if (in) {
          out.add(built ? out.quoted().toString() : line.token(start, i));
          in = false;
          built = false;
        }
      } else {
        if (!in) {
          start = i;
        }
        if (built) {
          out.quoted().append(c);
        }
        in = true;
      }
      i++;
    }
    if (quoted) {
      throw line.errorAt(line.text().lastIndexOf('"'), "unterminated quote");
    }
    if (in) {
      out.add(built ? out.quoted().toString() : line.token(start, end));
    }
  }

}
