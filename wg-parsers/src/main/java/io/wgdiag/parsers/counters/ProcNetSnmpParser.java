package io.wgdiag.parsers.counters;

import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code /proc/net/snmp} and {@code /proc/net/netstat}: pairs of lines, a header {@code Udp:
 * InDatagrams NoPorts ...} then the values {@code Udp: 2212345 0 ...}; and {@code /proc/net/snmp6}:
 * {@code Udp6InDatagrams 1234} lines. Values may be negative ({@code Tcp MaxConn -1}).
 */
public final class ProcNetSnmpParser extends LineParser<ProtocolCounters> {

  /** Creates the parser. */
  public ProcNetSnmpParser() {
    super("proc-net-snmp", ProtocolCounters.class);
  }

  @Override
  protected Session<ProtocolCounters> newSession() {
    CounterSections sections = new CounterSections();
    return new Session<>() {
      @Nullable String pendingProto;
      @Nullable List<String> pendingNames;

      final Fields f = new Fields();

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        if (inPlace(line)) {
          return true;
        }
        String t = line.stripped();
        int colon = t.indexOf(':');
        if (colon > 0 && t.substring(0, colon).indexOf(' ') < 0) {
          String proto = t.substring(0, colon);
          String[] words = Fields.BLANKS.split(t.substring(colon + 1).strip());
          boolean numbers = words.length > 0 && NetstatStatsParser.isNumber(words[0]);
          if (!numbers) {
            pendingProto = proto;
            pendingNames = new ArrayList<>(List.of(words));
            return true;
          }
          List<String> names = pendingNames;
          if (names == null || !proto.equals(pendingProto)) {
            throw line.errorAt(0, "expected the header line of '" + proto + ":' before its values");
          }
          if (words.length != names.size()) {
            throw line.errorAt(0, "expected " + names.size() + " values as the '" + proto + ":' header names, found " + words.length);
          }
          CounterSections.Section m = sections.section(proto);
          m.ensureRoom(words.length);
          for (int i = 0; i < words.length; i++) {
            m.put(names.get(i), NetstatStatsParser.value(line, words[i]));
          }
          pendingNames = null;
          pendingProto = null;
          return true;
        }
        // /proc/net/snmp6: "Ip6InReceives   1234"
        String[] w = Fields.BLANKS.split(t);
        if (w.length == 2 && NetstatStatsParser.isNumber(w[1])) {
          String[] pn = NstatParser.split(w[0]);
          sections.section(pn[0]).put(pn[1], NetstatStatsParser.value(line, w[1]));
          return true;
        }
        return false;
      }

      /**
       * The common shape, {@code Proto: a b c} with a blank after the colon, read in place: names
       * become strings, values are read where they stand. False for anything else (the general
       * path below reads it).
       */
      private boolean inPlace(LineCursor line) throws ParseException {
        if (Fields.indexOf(line.source(), '\t', line.lineStart(), line.lineEnd()) >= 0) {
          return false; // Fields would split at tabs only; the general path reads any blanks
        }
        f.split(line);
        int n = f.count();
        if (n < 2) {
          return false;
        }
        String src = f.text();
        int e0 = f.end(0);
        if (src.charAt(e0 - 1) != ':' || e0 - 1 == f.start(0)) {
          return false;
        }
        if (Fields.indexOf(src, ':', f.start(0), e0 - 1) >= 0) {
          return false;
        }
        String proto = line.token(f.start(0), e0 - 1);
        if (!NetstatStatsParser.isNumber(src, f.start(1), f.end(1))) {
          List<String> names = new ArrayList<>(n - 1);
          for (int i = 1; i < n; i++) {
            names.add(line.token(f.start(i), f.end(i)));
          }
          pendingProto = proto;
          pendingNames = names;
          return true;
        }
        List<String> names = pendingNames;
        if (names == null || !proto.equals(pendingProto)) {
          throw line.errorAt(0, "expected the header line of '" + proto + ":' before its values");
        }
        if (n - 1 != names.size()) {
          throw line.errorAt(0, "expected " + names.size() + " values as the '" + proto + ":' header names, found " + (n - 1));
        }
        CounterSections.Section m = sections.section(proto);
        m.ensureRoom(n - 1);
        for (int i = 1; i < n; i++) {
          m.put(names.get(i - 1), NetstatStatsParser.value(line, src, f.start(i), f.end(i)));
        }
        pendingNames = null;
        pendingProto = null;
        return true;
      }

      @Override
      public ProtocolCounters finish(int lines, boolean strict) throws ParseException {
        if (strict && pendingNames != null) {
          throw new ParseException(lines, 0, "", "expected the values line after the '" + pendingProto + ":' header");
        }
        return sections.build();
      }
    };
  }
}
