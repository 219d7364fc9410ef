package io.wgdiag.parsers.route;

import io.wgdiag.model.route.ImmutableRule;
import io.wgdiag.model.route.ImmutableRuleSet;
import io.wgdiag.model.route.Rule;
import io.wgdiag.model.route.RuleSet;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;

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
    ImmutableRuleSet.Builder out = RuleSet.builder();
    return new Session<>() {
      /** One rule builder for the parse, cleared per rule. */
      final ImmutableRule.Builder reused = Rule.builder();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (!line.atDigit()) {
          return false;
        }
        ImmutableRule.Builder r = reused.clear().line(line.lineNumber());
        r.priority(line.number("the rule priority"));
        line.expect(":");
        while (!line.atEnd()) {
          String w = line.word();
          switch (w) {
            case "not" -> r.inverted(true);
            case "from" -> r.from(line.word("the source after 'from'"));
            case "to" -> r.to(line.word("the destination after 'to'"));
            case "iif" -> r.iif(line.word("the interface after 'iif'"));
            case "oif" -> r.oif(line.word("the interface after 'oif'"));
            case "[detached]" -> r.putOther("detached", "");
            case "fwmark" -> fwmark(r, line);
            case "lookup" -> r.table(line.word("the table after 'lookup'"));
            case "table" -> r.table(line.word("the table after 'table'"));
            case "suppress_prefixlength" -> r.suppressPrefixLength(line.integer("the prefix length"));
            case "uidrange" -> r.uidRange(line.word("the uid range"));
            case "goto" -> r.action("goto " + line.word("the target after 'goto'"));
            case "blackhole", "unreachable", "prohibit", "nop", "unresolved", "masquerade" -> r.action(w);
            default -> {
              String next = line.peekWord();
              r.putOther(w, next.isEmpty() || isKeyword(next) ? "" : line.word());
            }
          }
        }
        out.addRule(r.build());
        return true;
      }

      @Override
      public RuleSet finish(int lines, boolean strict) {
        return out.build();
      }
    };
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

  private static void fwmark(ImmutableRule.Builder r, LineCursor line) throws ParseException {
    int at = line.skipBlanks().position();
    String v = line.word("the fwmark after 'fwmark'");
    String[] p = v.split("/", 2);
    try {
      r.fwmark(parse(p[0]));
      if (p.length == 2) {
        r.fwmask(parse(p[1]));
      }
    } catch (NumberFormatException e) {
      throw line.errorAt(at, "expected a fwmark such as 0xca6c or 0xca6c/0xffff, found '" + v + "'");
    }
  }

  private static long parse(String s) {
    return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
  }
}
