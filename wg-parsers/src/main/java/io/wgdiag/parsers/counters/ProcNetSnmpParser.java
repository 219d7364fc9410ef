package io.wgdiag.parsers.counters;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import io.wgdiag.model.counters.ProtocolCounters;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.Names;
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
      /** {@link #pendingNames} when read in place and each name is there once, else null. */
      @Nullable ImmutableList<String> pendingDistinct;

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
            pendingDistinct = null;
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
          pendingDistinct = null;
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
       * become strings, values are read where they stand. A header's names (each once) and its
       * values become an empty section's lists as they are ({@link CounterSections.Section#set}).
       * False for anything else (the general path below reads it).
       */
      private boolean inPlace(LineCursor line) throws ParseException {
        String src = line.source();
        int lo = line.lineStart();
        int hi = line.lineEnd();
        if (Fields.indexOf(src, '\t', lo, hi) >= 0) {
          return false; // Fields would split at tabs only; the general path reads any blanks
        }
        lo = Fields.skipBlanks(src, lo, hi); // trailing blanks end no field: every scan below skips them
        int e0 = Fields.fieldEnd(src, lo, hi);
        int s1 = Fields.skipBlanks(src, e0, hi);
        if (s1 >= hi) {
          return false; // fewer than two fields
        }
        if (src.charAt(e0 - 1) != ':' || e0 - 1 == lo) {
          return false;
        }
        if (Fields.indexOf(src, ':', lo, e0 - 1) >= 0) {
          return false;
        }
        String proto = line.token(lo, e0 - 1);
        int count = Fields.countFields(src, s1, hi);
        if (!NetstatStatsParser.isNumber(src, s1, Fields.fieldEnd(src, s1, hi))) {
          ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize(count); // exactly full: build() keeps its array
          for (int i = s1; i < hi; ) {
            int e = Fields.fieldEnd(src, i, hi);
            names.add(line.token(i, e));
            i = Fields.skipBlanks(src, e, hi);
          }
          ImmutableList<String> list = names.build();
          pendingProto = proto;
          pendingNames = list;
          pendingDistinct = Names.firstRepeated(list) == null ? list : null;
          return true;
        }
        List<String> names = pendingNames;
        if (names == null || !proto.equals(pendingProto)) {
          throw line.errorAt(0, "expected the header line of '" + proto + ":' before its values");
        }
        if (count != names.size()) {
          throw line.errorAt(0, "expected " + names.size() + " values as the '" + proto + ":' header names, found " + count);
        }
        CounterSections.Section m = sections.section(proto);
        ImmutableList<String> whole = pendingDistinct;
        if (whole != null && m.isEmpty()) {
          ImmutableLongArray.Builder values = ImmutableLongArray.builder(count); // exactly full: build() keeps its array
          try {
            for (int i = s1; i < hi; ) {
              int e = Fields.fieldEnd(src, i, hi);
              values.add(NetstatStatsParser.value(line, src, i, e));
              i = Fields.skipBlanks(src, e, hi);
            }
          } catch (ParseException e) {
            // as put by put: the values before the bad one stay (a lenient parse goes on with them)
            ImmutableLongArray read = values.build();
            for (int i = 0; i < read.length(); i++) {
              m.put(whole.get(i), read.get(i));
            }
            throw e;
          }
          m.set(whole, values.build());
        } else {
          m.ensureRoom(count);
          int k = 0;
          for (int i = s1; i < hi; ) {
            int e = Fields.fieldEnd(src, i, hi);
            m.put(names.get(k++), NetstatStatsParser.value(line, src, i, e));
            i = Fields.skipBlanks(src, e, hi);
          }
        }
        pendingNames = null;
        pendingProto = null;
        pendingDistinct = null;
        return true;
      }

      @Override
      public @Nullable ParseException endProblem(int lines) {
        return pendingNames == null ? null
            : new ParseException(lines, 0, "", "expected the values line after the '" + pendingProto + ":' header");
      }

      @Override
      public ProtocolCounters finish(int lines, boolean strict) throws ParseException {
        return sections.build();
      }
    };
  }
}
