package io.wgdiag.parsers.route;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.route.ImmutableRule;
import io.wgdiag.model.route.ImmutableRuleSet;
import io.wgdiag.model.route.Rule;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.KeyValues;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ip rule show} (iproute2 {@code print_rule}):
 *
 * <pre>{@code
 * 0:	from all lookup local
 * 1000:	from 10.60.0.0/24 lookup 100
 * 32764:	from all lookup main suppress_prefixlength 0
 * 32765:	not from all fwmark 0xca6c lookup 51820
 * 32766:	from all lookup main
 * }</pre>
 */
public final class IpRuleParser extends LineParser<RuleSet> {

  /** Creates the parser. */
  public IpRuleParser() {
    super("ip-rule", RuleSet.class);
  }

  @Override
  protected JsonForm<RuleSet> jsonForm() {
    return (p, diagnostics, strict) -> RouteJson.rules(p, diagnostics);
  }

  @Override
  protected Session<RuleSet> newSession() {
    return newSession(0);
  }

  /**
   * {@code ip rule} prints one rule a line, so the list is made for as many rules as the text has
   * lines (one {@code indexOf} pass) and is handed over without a copy when every line was a rule.
   */
  @Override
  protected Session<RuleSet> newSessionFor(String text) {
    int lines = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    return newSession(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? lines : lines + 1);
  }

  private Session<RuleSet> newSession(int expectedRules) {
    ImmutableList.Builder<Rule> out = ImmutableList.builderWithExpectedSize(expectedRules);
    return new Session<>() {
      /** One rule being read, reused from line to line. */
      final Draft r = new Draft();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (!line.atDigit()) {
          return false;
        }
        r.clear(line.lineNumber());
        r.priority = line.number("the rule priority");
        line.expect(":");
        while (!line.atEnd()) {
          String w = line.word();
          switch (w) {
            case "not" -> r.inverted = true;
            case "from" -> r.from = line.word("the source after 'from'");
            case "to" -> r.to = line.word("the destination after 'to'");
            case "iif" -> r.iif = line.word("the interface after 'iif'");
            case "oif" -> r.oif = line.word("the interface after 'oif'");
            case "[detached]" -> other(r, line, line.position() - w.length(), "detached", "");
            case "fwmark" -> fwmark(r, line);
            case "lookup" -> r.table = line.word("the table after 'lookup'");
            case "table" -> r.table = line.word("the table after 'table'");
            case "suppress_prefixlength" -> {
              r.suppressPrefixLength = line.integer("the prefix length");
              r.hasSuppressPrefixLength = true;
            }
            case "uidrange" -> r.uidRange = line.word("the uid range");
            case "goto" -> r.action = "goto " + line.word("the target after 'goto'");
            case "blackhole", "unreachable", "prohibit", "nop", "unresolved", "masquerade" -> r.action = w;
            default -> {
              int at = line.position() - w.length();
              String next = line.peekWord();
              if (next.isEmpty() || isKeyword(next)) {
                other(r, line, at, w, "");
              } else {
                line.skipWord(); // the value just peeked, kept as that string
                other(r, line, at, w, next);
              }
            }
          }
        }
        out.add(r.build());
        return true;
      }

      @Override
      public RuleSet finish(int lines, boolean strict) {
        return ImmutableRuleSet.of(out.build());
      }
    };
  }

  /**
   * Keeps selector {@code key}, read at 0-based position {@code at}, which the parser has no field for; one printed twice on a line is an error
   * at its second place (checked as it is read, so a line repeating one key costs one lookup a
   * word, not a map that fails only at the end).
   */
  private static void other(Draft r, LineCursor line, int at, String key, String value) throws ParseException {
    if (r.other.find(key) >= 0) {
      throw line.errorAt(at, "the selector '" + ParseException.cut(key) + "' a second time on one rule");
    }
    r.other.add(key, value);
  }

  /**
   * One rule being read, reused from line to line: a rule costs the {@link Rule} and what it keeps,
   * not a builder of its own (whose clearing would make a new map builder) nor an {@code Optional}
   * per selector. A selector printed twice keeps the last value, and an other-key printed twice
   * is an error where it is read again.
   */
  private static final class Draft {
    long priority;
    boolean inverted;
    String from = "all";
    @Nullable String to;
    @Nullable String iif;
    @Nullable String oif;
    boolean hasFwmark;
    long fwmark;
    boolean hasFwmask;
    long fwmask;
    @Nullable String table;
    @Nullable String action;
    boolean hasSuppressPrefixLength;
    int suppressPrefixLength;
    @Nullable String uidRange;
    final KeyValues other = new KeyValues();
    int line;
    /**
     * The rule builder, reused from rule to rule: its nullable setters take a value without the
     * Optional that {@code ImmutableRule.of} needs (16 bytes a selector), and every setter is called
     * for every rule, so nothing carries over. It never holds other-selectors.
     */
    final ImmutableRule.Builder out = ImmutableRule.builder();

    void clear(int lineNumber) {
      priority = 0;
      inverted = false;
      from = "all";
      to = null;
      iif = null;
      oif = null;
      hasFwmark = false;
      hasFwmask = false;
      table = null;
      action = null;
      hasSuppressPrefixLength = false;
      uidRange = null;
      other.clear();
      line = lineNumber;
    }

    Rule build() {
      if (other.size() > 0) { // rare (ipproto, dport, ...): made directly, so the builder never holds a map
        return ImmutableRule.of(priority, inverted, from, Optional.ofNullable(to), Optional.ofNullable(iif),
            Optional.ofNullable(oif), hasFwmark ? OptionalLong.of(fwmark) : OptionalLong.empty(),
            hasFwmask ? OptionalLong.of(fwmask) : OptionalLong.empty(), Optional.ofNullable(table),
            Optional.ofNullable(action),
            hasSuppressPrefixLength ? OptionalInt.of(suppressPrefixLength) : OptionalInt.empty(),
            Optional.ofNullable(uidRange), other.toMap(), line);
      }
      ImmutableRule.Builder b = out.priority(priority).inverted(inverted).from(from).to(to).iif(iif).oif(oif)
          .table(table).action(action).uidRange(uidRange).line(line);
      if (hasFwmark) {
        b.fwmark(fwmark);
      } else {
        b.fwmark(OptionalLong.empty());
      }
      if (hasFwmask) {
        b.fwmask(fwmask);
      } else {
        b.fwmask(OptionalLong.empty());
      }
      if (hasSuppressPrefixLength) {
        b.suppressPrefixLength(suppressPrefixLength);
      } else {
        b.suppressPrefixLength(OptionalInt.empty());
      }
      return b.build();
    }
  }

  private static boolean isKeyword(String w) {
    return switch (w) {
      case "not", "from", "to", "iif", "oif", "fwmark", "lookup", "table", "suppress_prefixlength",
          "suppress_ifgroup", "uidrange", "goto", "blackhole", "unreachable", "prohibit", "nop", "ipproto",
          "sport", "dport", "tos", "dsfield", "realms", "proto", "l3mdev", "tun_id", "dscp", "flowlabel",
          "[detached]", "unresolved" -> true;
      default -> false;
    };
  }

  /** {@code fwmark MARK[/MASK]}, each hex ({@code 0x}) or decimal, read in place. */
  private static void fwmark(Draft r, LineCursor line) throws ParseException {
    String what = "the fwmark after 'fwmark'";
    if (line.atEnd()) {
      throw line.error(what);
    }
    int at = line.position();
    String src = line.source();
    int from = line.lineStart() + at;
    line.skipWord();
    int end = line.lineStart() + line.position();
    int slash = Fields.indexOf(src, '/', from, end);
    try {
      r.fwmark = parse(src, from, slash < 0 ? end : slash);
      r.hasFwmark = true;
      if (slash >= 0) {
        r.fwmask = parse(src, slash + 1, end);
        r.hasFwmask = true;
      }
    } catch (NumberFormatException e) {
      throw line.errorAt(at, "expected a fwmark such as 0xca6c or 0xca6c/0xffff, found '" + src.substring(from, end) + "'");
    }
  }

  /** {@code [from, to)} of {@code s} as {@code 0x}-prefixed hex or decimal, as {@link Long#parseLong} reads it. */
  private static long parse(String s, int from, int to) {
    boolean hex = to - from >= 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
    return hex ? Long.parseUnsignedLong(s, from + 2, to, 16) : Long.parseLong(s, from, to, 10);
  }
}
