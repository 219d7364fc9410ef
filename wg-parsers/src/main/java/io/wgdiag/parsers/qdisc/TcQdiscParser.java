package io.wgdiag.parsers.qdisc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.model.qdisc.ImmutableQdisc;
import io.wgdiag.model.qdisc.ImmutableQdiscReport;
import io.wgdiag.model.qdisc.Qdisc;
import io.wgdiag.model.qdisc.QdiscReport;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.KeyValues;
import io.wgdiag.parsers.text.LineCursor;
import io.wgdiag.parsers.text.LineParser;
import io.wgdiag.parsers.text.SharedOptionals;
import io.wgdiag.parsers.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code tc qdisc show} and {@code tc -s qdisc show} (iproute2 {@code tc/tc_qdisc.c}): the
 * header of each qdisc with its options, the {@code Sent}/{@code backlog} statistics and the
 * kind-specific statistics lines (fq_codel, fq, cake, htb, tbf, ...), kept as key-value pairs.
 */
public final class TcQdiscParser extends LineParser<QdiscReport> {

  /** Creates the parser. */
  public TcQdiscParser() {
    super("tc-qdisc", QdiscReport.class);
  }

  /** The members of a {@code tc -j -s qdisc} object that are not kind-specific statistics. */
  private static final java.util.Set<String> JSON_COMMON = java.util.Set.of("kind", "handle", "dev", "root", "parent",
      "refcnt", "options", "bytes", "packets", "drops", "overlimits", "requeues", "backlog", "qlen", "rate", "pps",
      "ingress_block", "egress_block", "offloaded");

  /**
   * {@code tc -j [-s] qdisc}: the same model as the text form. Options and kind-specific statistics
   * are strings as the text form prints them: tc's JSON prints raw numbers (rates in bytes per
   * second, sizes in bytes, times in microseconds), which are formatted with tc's own rules
   * ({@link TcFormat}); false flags, which the text form omits, are dropped. Counters are exact in
   * both forms.
   */
  @Override
  protected JsonForm<QdiscReport> jsonForm() {
    return (p, diagnostics, strict) -> {
      p.nextToken();
      Object tree = io.wgdiag.parsers.text.JsonSupport.tree(p);
      if (!(tree instanceof java.util.List<?> list)) {
        throw io.wgdiag.parsers.text.JsonSupport.error(p, "a JSON array of qdiscs");
      }
      ImmutableQdiscReport.Builder out = QdiscReport.builder();
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m) || !(m.get("kind") instanceof String kind) || !(m.get("handle") instanceof String handle)) {
          throw io.wgdiag.parsers.text.JsonSupport.error(p, "a qdisc object with kind and handle");
        }
        ImmutableQdisc.Builder b = Qdisc.builder().kind(kind).handle(handle);
        if (m.get("dev") instanceof String dev) {
          b.device(dev);
        }
        if (Boolean.TRUE.equals(m.get("root"))) {
          b.root(true);
        }
        if (m.get("parent") instanceof String parent) {
          b.parent(parent);
        }
        if (m.get("refcnt") instanceof Long refcnt) {
          b.refcnt((int) (long) refcnt);
        }
        if (Boolean.TRUE.equals(m.get("offloaded"))) {
          b.putOption("offloaded", "");
        }
        if (m.get("options") instanceof Map<?, ?> opts) {
          opts.forEach((k, v) -> {
            String text = jsonText(kind, String.valueOf(k), v);
            if (text != null) {
              b.putOption(String.valueOf(k), text);
            }
          });
        }
        if (m.get("bytes") instanceof Long v) {
          b.sentBytes(v);
        }
        if (m.get("packets") instanceof Long v) {
          b.sentPackets(v);
        }
        if (m.get("drops") instanceof Long v) {
          b.dropped(v);
        }
        if (m.get("overlimits") instanceof Long v) {
          b.overlimits(v);
        }
        if (m.get("requeues") instanceof Long v) {
          b.requeues(v);
        }
        if (m.get("backlog") instanceof Long v) {
          b.backlogBytes(v);
        }
        if (m.get("qlen") instanceof Long v) {
          b.backlogPackets(v);
        }
        if (m.get("rate") instanceof Long v) {
          b.rateBitsPerSecond(v * 8.0);
        }
        m.forEach((k, v) -> {
          if (!JSON_COMMON.contains(String.valueOf(k))) {
            String text = jsonText(kind, String.valueOf(k), v);
            if (text != null) {
              b.putStat(String.valueOf(k), text);
            }
          }
        });
        if (kind.equals("fq")) {
          io.wgdiag.model.qdisc.FqStats fq = KindStats.fqFromJson(m);
          if (fq != null) {
            b.fq(fq);
          }
        }
        out.addQdisc(b.build());
      }
      return out.build();
    };
  }

  /** A JSON option or statistic as the text form prints it; null for a false flag, which text omits. */
  private static @Nullable String jsonText(String kind, String key, @Nullable Object v) {
    if (v instanceof Long n) {
      return TcFormat.text(kind, key, n);
    } else if (v instanceof java.util.List<?> l) {
      return String.join(" ", l.stream().map(String::valueOf).toList());
    } else if (v instanceof Boolean flag) {
      return flag ? "" : null;
    } else if (v == null || v == io.wgdiag.parsers.text.JsonSupport.NULL) {
      return "";
    }
    return String.valueOf(v);
  }

  @Override
  protected Session<QdiscReport> newSession() {
    return new Session<>() {
      /** The qdiscs read so far, copied once into the report's list at the end. */
      final List<Qdisc> out = new ArrayList<>();
      @Nullable Draft q;
      /** The kind-specific statistics of {@link #q}; a name printed twice (fq's throttled) keeps its first value. */
      final KeyValues stats = new KeyValues();
      /** One line's pairs, and one qdisc draft, reused from line to line and qdisc to qdisc. */
      final KeyValues pairs = new KeyValues();
      final Draft reused = new Draft();
      /** The options of {@link #q}, and the map of the last qdisc's options. */
      final KeyValues options = new KeyValues();
      ImmutableMap<String, String> lastOptions = ImmutableMap.of();
      /** The typed statistics of {@link #q} when it is a cake or an fq, else null. */
      @Nullable KindStats kindStats;

      @Override
      public boolean accept(LineCursor line) throws ParseException {
        // Each keyword is tried only where the line's first character can start it: a statistics
        // line is not compared with seven keywords before its pairs are read.
        char c = line.peek();
        if (c == 'd' || c == 'r' || c == 'a') { // tc monitor's prefixes
          line.tryConsumeWord("deleted");
          line.tryConsumeWord("replaced");
          line.tryConsumeWord("added");
          c = line.peek();
        }
        if (c == 'q' && line.tryConsumeWord("qdisc")) {
          flush();
          q = header(reused.clear(), pairs, options, line);
          kindStats = KindStats.forKind(q.kind);
          return true;
        }
        Draft b = q;
        if (b == null) {
          return false;
        }
        // cake's and fq's own lines; cake's tin table has a backlog row of its own
        KindStats ks = kindStats;
        if (ks != null && c != 'S' && (ks.inTable() || !((c == 'r' && line.lookingAtWord("rate"))
            || (c == 'b' && line.lookingAtWord("backlog")))) && ks.accept(line)) {
          return true;
        }
        if (c == 'S' && line.tryConsumeWord("Sent")) {
          sent(b, line);
          return true;
        }
        if ((c == 'r' && line.lookingAtWord("rate")) || (c == 'b' && line.lookingAtWord("backlog"))) {
          backlog(b, line);
          return true;
        }
        // kind-specific statistics: "maxpacket 1514 drop_overlimit 0 ...", "flows 3 (inactive 1 throttled 0)"
        pairs(line, pairs);
        for (int i = 0; i < pairs.size(); i++) {
          stats.putIfAbsent(pairs.key(i), pairs.value(i));
        }
        return true;
      }

      private void flush() {
        if (q != null) {
          // The maps are built at their size and set on the value, not put entry by entry through
          // the builder (which would copy them again); the children of an mq or a multiq print
          // the same options, so a qdisc whose options equal the previous one's shares its map.
          // A qdisc whose options were skipped as the previous one's text (header) has none read.
          if (!q.optionsAsBefore && !sameAs(options, lastOptions)) {
            lastOptions = options.toMap();
          }
          q.rememberOptionsText();
          ImmutableQdisc built = q.build(lastOptions, stats.toMap());
          KindStats ks = kindStats;
          if (ks != null) {
            io.wgdiag.model.qdisc.CakeStats cake = ks.cakeStats();
            io.wgdiag.model.qdisc.FqStats fq = ks.fqStats();
            built = cake != null ? built.withCake(cake) : fq != null ? built.withFq(fq) : built;
          }
          out.add(built);
          q = null;
          kindStats = null;
        }
        stats.clear();
      }

      @Override
      public QdiscReport finish(int lines, boolean strict) {
        flush();
        return ImmutableQdiscReport.of(ImmutableList.copyOf(out));
      }
    };
  }

  /** Reads a {@code qdisc} line into {@code b}, and its options into {@code options} (cleared first). */
  private static Draft header(Draft b, KeyValues pairs, KeyValues options, LineCursor line)
      throws ParseException {
    options.clear();
    b.line = line.lineNumber();
    b.kind = line.word("the qdisc kind");
    String handle = line.word("the handle such as 0:");
    if (!handle.endsWith(":")) {
      throw line.errorAt(line.position() - handle.length(), "expected a handle such as 1:, found '" + handle + "'");
    }
    b.handle = handle;
    while (!line.atEnd()) {
      if (line.tryConsumeWord("dev")) {
        b.device = line.word("the device after 'dev'");
      } else if (line.tryConsumeWord("root")) {
        b.root = true;
      } else if (line.tryConsumeWord("parent")) {
        b.parent = line.word("the parent after 'parent'");
      } else if (line.tryConsumeWord("refcnt")) {
        b.refcnt = (int) Math.min(Integer.MAX_VALUE, line.number("the reference count"));
      } else if (line.tryConsumeWord("ingress_block") || line.tryConsumeWord("egress_block")) {
        line.word("the block index");
      } else if (line.tryConsumeWord("offloaded")) {
        putOption(options, "offloaded", "");
      } else if (line.lookingAt("--")) {
        line.word(); // ingress and clsact print a row of dashes where other kinds print options
      } else {
        // The options run to the end of the line. The children of an mq (one per transmit queue)
        // and the same qdisc on many devices print the same options: where the text equals the
        // previous qdisc's, whose options were read from such a text alone, its map is taken as
        // it is, without reading the text again.
        int from = line.lineStart() + line.position(); // blanks skipped by atEnd; the rest as it is
        int to = line.lineEnd();
        if (options.size() == 0 && b.sameOptionsText(line.source(), from, to)) {
          b.optionsAsBefore = true;
          line.skipRest();
          break;
        }
        boolean alone = options.size() == 0;
        pairs(line, pairs);
        for (int i = 0; i < pairs.size(); i++) {
          putOption(options, pairs.key(i), pairs.value(i));
        }
        if (alone) {
          b.optionsText(line.source(), from, to);
        }
      }
    }
    return b;
  }

  /** Adds an option; a name printed twice collects both values, as within one line's pairs. */
  private static void putOption(KeyValues options, String key, String value) {
    int i = options.find(key);
    if (i < 0) {
      options.add(key, value);
    } else if (!value.isEmpty()) {
      String prev = options.value(i);
      options.setValue(i, prev.isEmpty() ? value : prev + " " + value);
    }
  }

  /** Whether {@code map} holds exactly the pairs of {@code kv}, in the same order. */
  private static boolean sameAs(KeyValues kv, ImmutableMap<String, String> map) {
    if (kv.size() != map.size()) {
      return false;
    }
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!e.getKey().equals(kv.key(i)) || !e.getValue().equals(kv.value(i))) {
        return false;
      }
      i++;
    }
    return true;
  }

  /**
   * Reads one line's {@code key value} pairs into {@code acc} (cleared first), in print order: a
   * key followed by a non-value is a flag (value ""), values after a key are joined with blanks,
   * and a key printed twice on the line collects the values of both.
   */
  private static void pairs(LineCursor line, KeyValues acc) throws ParseException {
    acc.clear();
    int last = -1;
    // The joined values of each key with more than one (priomap 1 2 2 2 ..., or a key printed
    // again), by key position: appended to where they stand and made strings once at the end, so a
    // key repeated along a long line costs a character copied once, not its whole run per value.
    @Nullable StringBuilder[] runs = NO_RUNS;
    String src = line.source();
    while (!line.atEnd()) {
      int start = line.lineStart() + line.position();
      line.skipWord();
      int end = line.lineStart() + line.position();
      String clean = cleaned(line, start, end);
      if (clean.isEmpty()) {
        continue;
      }
      if (isValue(clean)) {
        if (last < 0) {
          throw line.errorAt(start - line.lineStart(), "expected a name before the value '" + src.substring(start, end) + "'");
        }
        StringBuilder run = last < runs.length ? runs[last] : null;
        if (run != null) {
          run.append(' ').append(clean);
        } else if (acc.value(last).isEmpty()) {
          acc.setValue(last, clean);
        } else {
          if (last >= runs.length) {
            runs = java.util.Arrays.copyOf(runs, Math.max(8, Math.max(last + 1, acc.size() * 2)));
          }
          runs[last] = new StringBuilder(acc.value(last)).append(' ').append(clean);
        }
      } else {
        last = acc.find(clean);
        if (last < 0) {
          last = acc.add(clean, "");
        }
      }
    }
    for (int i = 0; i < runs.length; i++) {
      StringBuilder run = runs[i];
      if (run != null) {
        acc.setValue(i, run.toString());
      }
    }
  }

  /** No key with more than one value yet: {@link #pairs}' runs before the first. */
  private static final @Nullable StringBuilder[] NO_RUNS = new StringBuilder[0];

  /**
   * The word {@code [start, end)} of the line's source without its parentheses and commas ({@code
   * (inactive}, {@code 0)}, {@code 1,}): most words have none and are the cursor's shared token.
   */
  private static String cleaned(LineCursor line, int start, int end) {
    String src = line.source();
    for (int i = start; i < end; i++) {
      char c = src.charAt(i);
      if (c == '(' || c == ')' || c == ',') {
        StringBuilder kept = new StringBuilder(end - start);
        for (int j = start; j < end; j++) {
          char k = src.charAt(j);
          if (k != '(' && k != ')' && k != ',') {
            kept.append(k);
          }
        }
        return kept.toString();
      }
    }
    return line.token(start, end);
  }

  private static boolean isValue(String w) {
    char c = w.charAt(0);
    return Character.isDigit(c) || (c == '-' && w.length() > 1 && Character.isDigit(w.charAt(1))) || w.startsWith("0x");
  }

  /** {@code Sent 912345678 bytes 701234 pkt (dropped 123, overlimits 0 requeues 12)}. */
  private static void sent(Draft b, LineCursor line) throws ParseException {
    if (line.tryConsumeWord("software") || line.tryConsumeWord("hardware")) {
      line.skipRest(); // offload split lines repeat the totals
      return;
    }
    b.sentBytes = SharedOptionals.ofLong(line.number("the bytes sent"));
    line.expect("bytes");
    b.sentPackets = SharedOptionals.ofLong(line.number("the packets sent"));
    if (!(line.tryConsumeWord("pkt") || line.tryConsumeWord("pkts") || line.tryConsumeWord("packets"))) {
      throw line.error("'pkt'");
    }
    if (line.tryConsume("(")) {
      while (!line.atEnd() && !line.lookingAt(")")) {
        String k = line.word("dropped, overlimits or requeues");
        long v = line.number("a count after '", k, "'");
        line.tryConsume(",");
        switch (k) {
          case "dropped" -> b.dropped = SharedOptionals.ofLong(v);
          case "overlimits" -> b.overlimits = SharedOptionals.ofLong(v);
          case "requeues" -> b.requeues = SharedOptionals.ofLong(v);
          default -> throw line.errorAt(line.position() - 1, "expected dropped, overlimits or requeues, found '" + k + "'");
        }
      }
      line.expect(")");
    }
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
  }

  /** {@code [rate 1234Kbit 30pps ]backlog 0b 0p requeues 12}. */
  private static void backlog(Draft b, LineCursor line) throws ParseException {
    if (line.tryConsumeWord("rate")) {
      LineCursor.Quantity r = line.quantity("a rate such as 1234Kbit");
      double bps = Units.bitsPerSecond(r.value(), r.unit());
      if (Double.isNaN(bps)) {
        throw line.errorAt(line.position() - r.unit().length(), "expected a rate unit (bit, Kbit, Mbit, Gbit), found '" + r.unit() + "'");
      }
      b.rateBitsPerSecond = OptionalDouble.of(bps);
      line.quantity("a packet rate such as 30pps");
    }
    if (line.tryConsumeWord("backlog")) {
      LineCursor.Quantity bytes = line.quantity("the backlog in bytes such as 0b");
      long by = Units.bytes(bytes.value(), bytes.unit());
      if (by < 0) {
        throw line.errorAt(line.position() - bytes.unit().length(), "expected a size unit (b, Kb, Mb), found '" + bytes.unit() + "'");
      }
      b.backlogBytes = SharedOptionals.ofLong(by);
      b.backlogPackets = SharedOptionals.ofLong(line.number("the backlog in packets", "p"));
    }
    if (line.tryConsumeWord("requeues")) {
      b.requeues = SharedOptionals.ofLong(line.number("the requeue count"));
    }
    if (!line.atEnd()) {
      throw line.error("end of line");
    }
  }

  /**
   * One qdisc being read, reused from qdisc to qdisc: its maps are built once at their size and
   * handed with its fields to {@link ImmutableQdisc#of}, where the value's builder would make two
   * map builders per qdisc and copy the maps into them entry by entry.
   */
  private static final class Draft {
    private static final OptionalLong NONE = OptionalLong.empty();
    String kind = "";
    String handle = "";
    @Nullable String device;
    @Nullable String parent;
    boolean root;
    int refcnt = -1;
    OptionalLong sentBytes = NONE;
    OptionalLong sentPackets = NONE;
    OptionalLong dropped = NONE;
    OptionalLong overlimits = NONE;
    OptionalLong requeues = NONE;
    OptionalLong backlogBytes = NONE;
    OptionalLong backlogPackets = NONE;
    OptionalDouble rateBitsPerSecond = OptionalDouble.empty();
    int line;
    /** Whether this qdisc's options are the previous qdisc's, their text being the same (header). */
    boolean optionsAsBefore;
    /**
     * The text this qdisc's options were read from alone ({@code [optionsFrom, optionsTo)} of
     * {@code optionsSource}), or null; and the same for the last qdisc built, whose map the
     * session keeps. Positions into an immutable string, so no copy of the text is made.
     */
    @Nullable String optionsSource;
    int optionsFrom;
    int optionsTo;
    @Nullable String lastSource;
    int lastFrom;
    int lastTo;

    /** Whether {@code [from, to)} of {@code src} is the text the last qdisc's options were read from alone. */
    boolean sameOptionsText(String src, int from, int to) {
      String last = lastSource;
      return last != null && to - from == lastTo - lastFrom && src.regionMatches(from, last, lastFrom, to - from);
    }

    void optionsText(String src, int from, int to) {
      optionsSource = src;
      optionsFrom = from;
      optionsTo = to;
    }

    /**
     * Called as this qdisc is built with the session's options map: from now on that map is the
     * one of this qdisc's text, or of no text if its options were not read from one alone.
     */
    void rememberOptionsText() {
      if (!optionsAsBefore) {
        lastSource = optionsSource;
        lastFrom = optionsFrom;
        lastTo = optionsTo;
      }
    }

    /** Back to a qdisc with nothing read, for the next {@code qdisc} line. */
    Draft clear() {
      kind = "";
      handle = "";
      device = null;
      parent = null;
      root = false;
      refcnt = -1;
      sentBytes = NONE;
      sentPackets = NONE;
      dropped = NONE;
      overlimits = NONE;
      requeues = NONE;
      backlogBytes = NONE;
      backlogPackets = NONE;
      rateBitsPerSecond = OptionalDouble.empty();
      line = 0;
      optionsAsBefore = false;
      optionsSource = null;
      return this;
    }

    ImmutableQdisc build(ImmutableMap<String, String> options, ImmutableMap<String, String> stats) {
      // the device and the parent are wrapped here, where the value unwraps them again at once
      return ImmutableQdisc.of(kind, handle, Optional.ofNullable(device), Optional.ofNullable(parent), root,
          refcnt < 0 ? OptionalInt.empty() : SharedOptionals.ofInt(refcnt), options, sentBytes, sentPackets, dropped, overlimits,
          requeues, backlogBytes, backlogPackets, rateBitsPerSecond, stats, line);
    }
  }
}
