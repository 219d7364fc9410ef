package io.wgdiag.parsers.link;

import com.google.common.collect.ImmutableList;
import io.wgdiag.model.link.ImmutableLink;
import io.wgdiag.model.link.ImmutableVirtualFunction;
import io.wgdiag.model.link.ImmutableLinkStats;
import io.wgdiag.model.link.Link;
import io.wgdiag.model.link.LinkStats;
import io.wgdiag.model.link.Links;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.text.Fields;
import io.wgdiag.parsers.text.LineCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The text reader of {@code ip [-s [-s]] [-d] [-o] [-h] link show}, shared by {@link IpLinkParser}
 * and {@link IpLinkStatsParser}: a link header starts a link; the {@code link/TYPE} line, detail
 * lines and counter blocks follow it. Indentation is never consulted (pasted output loses it).
 */
final class LinkText {
  /** Detail keys that take one value, wherever they appear on the link or detail lines. */
  private static final Set<String> KEYED =
      Set.of(
          "brd", "peer", "permaddr", "link-netns", "link-netnsid", "protodown", "promiscuity",
          "allmulti", "minmtu", "maxmtu", "addrgenmode", "numtxqueues", "numrxqueues",
          "gso_max_size", "gso_max_segs", "tso_max_size", "tso_max_segs", "gro_max_size",
          "gso_ipv4_max_size", "gro_ipv4_max_size", "parentbus", "parentdev", "portname", "portid",
          "switchid", "altname");

  private final List<Link> links = new ArrayList<>();
  private ImmutableLink.@Nullable Builder link;
  /**
   * The one builder every link of the parse is read into, cleared at each header: a link's builder
   * holds some forty fields, made again for every link otherwise. A link is built from it before
   * the next header clears it.
   */
  private final ImmutableLink.Builder linkBuilder = Link.builder();
  private int linkLine;
  private boolean sawLinkLine;
  private int detailLines;
  /** The counters of the open link by ordinal, -1 where not printed; {@link #counterCount} of them set. */
  private final long[] counters = emptyCounters();
  private int counterCount;
  private final Map<String, Long> otherCounters = new LinkedHashMap<>();
  private int statsLine;
  private boolean approximate;
  /** The block whose value row comes next, and its column labels; null when none is pending. */
  private @Nullable String block;
  private List<String> labels = List.of();

  private static long[] emptyCounters() {
    long[] c = new long[Counter.COUNT];
    Arrays.fill(c, -1);
    return c;
  }

  boolean accept(LineCursor line) throws ParseException {
    if (block == null && Fields.indexOf(line.source(), '\\', line.lineStart(), line.lineEnd()) >= 0) {
      String text = line.text();
      // ip -o: one link per line, its line breaks printed as a literal backslash.
      int from = 0;
      while (from <= text.length()) {
        int cut = text.indexOf('\\', from);
        int end = cut < 0 ? text.length() : cut;
        LineCursor piece = LineCursor.of(text.substring(from, end), line.lineNumber());
        if (!piece.isBlank() && !acceptOne(piece)) {
          return false;
        }
        from = end + 1;
      }
      return true;
    }
    return acceptOne(line);
  }

  private boolean acceptOne(LineCursor line) throws ParseException {
    if (vfBlock != null) {
      vfValues(line);
      return true;
    }
    if (block != null) {
      values(line);
      return true;
    }
    if (line.atDigit()) {
      closeVf();
      header(line);
      return true;
    }
    if (link == null) {
      return false;
    }
    if (line.lookingAtWord("vf")) {
      closeVf();
      vf = VfText.read(line);
      return true;
    }
    if (vf != null && (line.lookingAt("RX:") || line.lookingAt("TX:"))) {
      vfStatsHeader(line);
      return true;
    }
    if (line.lookingAt("RX:") || line.lookingAt("TX:")) {
      statsHeader(line, line.lookingAt("RX:") ? "RX:" : "TX:", 3);
      return true;
    }
    if (line.lookingAt("RX errors:") || line.lookingAt("TX errors:")) {
      statsHeader(line, line.lookingAt("RX errors:") ? "RX errors:" : "TX errors:", 10);
      return true;
    }
    if (!sawLinkLine && line.lookingAt("link/")) {
      linkLine(line, link);
      sawLinkLine = true;
      return true;
    }
    if (!sawLinkLine && counterCount == 0) {
      throw line.error("the 'link/TYPE' line after the header of link " + linkLine);
    }
    detailLine(line, link);
    return true;
  }

  /**
   * What is wrong at the end: a counters header ({@code RX:}) with no row of values under it, or
   * only one of the RX and TX rows (the link's counters would go missing); null if nothing.
   */
  @Nullable ParseException endProblem() {
    if (block != null) {
      return new ParseException(statsLine, 1, block, "expected a row of values under '" + block + "'");
    }
    if (link != null && (counterCount != 0 || !otherCounters.isEmpty()) && Counter.firstMissing(counters) != null) {
      return new ParseException(statsLine, 1, "", "expected both the 'RX:' and the 'TX:' rows of the counters");
    }
    return null;
  }

  Links finish(boolean strict) throws ParseException {
    closeLink(strict);
    return Links.builder().links(links).build();
  }

  // ---------------------------------------------------------------- header

  private void header(LineCursor line) throws ParseException {
    closeLink(true);
    ImmutableLink.Builder b = linkBuilder.clear().line(line.lineNumber());
    long index = line.number("an interface index");
    if (index > Integer.MAX_VALUE) {
      throw line.error("an interface index");
    }
    b.index((int) index);
    line.expect(":");
    int at = line.skipBlanks().position();
    String name = line.until(':').strip();
    line.expect(":");
    int sep = name.indexOf('@');
    if (sep >= 0) {
      b.parent(name.substring(sep + 1));
      name = name.substring(0, sep);
    }
    if (name.isEmpty()) {
      line.position(at);
      throw line.error("an interface name");
    }
    b.name(name);
    line.expect("<");
    // the flags in place, as until('>') and a split on ',' would give them, empty ones skipped
    line.skipBlanks();
    String src = line.source();
    int from = line.lineStart() + line.position();
    int close = Fields.indexOf(src, '>', from, line.lineEnd());
    if (close < 0) {
      close = line.lineEnd();
    }
    for (int f = from; f <= close; ) {
      int comma = Fields.indexOf(src, ',', f, close);
      if (comma < 0) {
        comma = close;
      }
      if (comma > f) {
        b.addFlag(line.token(f, comma));
      }
      f = comma + 1;
    }
    line.position(close - line.lineStart());
    line.expect(">");
    boolean mtu = false;
    boolean state = false;
    String w;
    while ((w = line.wordOrNull()) != null) {
      switch (w) {
        case "mtu" -> {
          long v = line.number("the MTU in bytes after 'mtu'");
          if (v > Integer.MAX_VALUE) {
            throw line.error("an MTU in bytes");
          }
          b.mtuBytes((int) v);
          mtu = true;
        }
        case "qdisc" -> b.qdisc(line.word("a qdisc name after 'qdisc'"));
        case "master" -> b.master(line.word("a link name after 'master'"));
        case "state" -> {
          b.operState(line.word("a state after 'state'"));
          state = true;
        }
        case "mode" -> b.linkMode(line.word("a link mode after 'mode'"));
        case "group" -> b.group(line.word("a group after 'group'"));
        case "qlen" -> b.txQueueLengthPackets(line.number("a queue length after 'qlen'"));
        default -> {
          if (w.startsWith("xdp")) {
            b.xdp(w);
          } else {
            b.addOtherDetail(w); // 'event ...' (ip monitor) or a token of a newer iproute2
          }
        }
      }
    }
    if (!mtu) {
      throw line.error("'mtu'");
    }
    if (!state) {
      throw line.error("'state'");
    }
    link = b;
    linkLine = line.lineNumber();
    sawLinkLine = false;
    detailLines = 0;
  }

  // ---------------------------------------------------------------- link/TYPE and details

  private static void linkLine(LineCursor line, ImmutableLink.Builder b) throws ParseException {
    line.expect("link/");
    String type = line.wordOrNull();
    if (type == null || type.isEmpty()) {
      throw line.error("a link type after 'link/'");
    }
    b.linkType(type);
    String next = line.peekWord();
    if (!next.isEmpty() && !KEYED.contains(next)) {
      b.address(line.word());
    }
    keyed(line, b);
  }

  private void detailLine(LineCursor line, ImmutableLink.Builder b) throws ParseException {
    detailLines++;
    String first = line.peekWord();
    if (first.equals("alias")) {
      line.word();
      b.alias(line.rest());
      return;
    }
    if (first.endsWith("_slave") && first.length() > 6) {
      line.word();
      b.slaveKind(first.substring(0, first.length() - 6));
      b.addAllSlaveKindDetails(kindTokens(line));
    } else if (detailLines == 1 && counterCount == 0 && !KEYED.contains(first)) {
      line.word();
      b.kind(first);
      b.addAllKindDetails(kindTokens(line));
    }
    keyed(line, b);
  }

  /** The kind's own tokens: up to the first generic detail key. */
  private static List<String> kindTokens(LineCursor line) {
    List<String> out = new ArrayList<>();
    while (!line.atEnd()) {
      int at = line.position();
      String w = line.wordOrNull();
      if (w == null || KEYED.contains(w)) {
        line.position(at);
        break;
      }
      out.add(w);
    }
    return out;
  }

  /** Reads {@code key value} pairs to the end of the line; an unknown token is kept, never fatal. */
  private static void keyed(LineCursor line, ImmutableLink.Builder b) throws ParseException {
    String k;
    while ((k = line.wordOrNull()) != null) {
      switch (k) {
        case "brd" -> b.broadcast(line.word("an address after 'brd'"));
        case "peer" -> b.peerAddress(line.word("an address after 'peer'"));
        case "permaddr" -> b.permanentAddress(line.word("an address after 'permaddr'"));
        case "link-netns" -> b.linkNetnsName(line.word("a namespace after 'link-netns'"))
            .parentInOtherNamespace(true);
        case "link-netnsid" -> b.linkNetnsId(integer(line, "a namespace id after 'link-netnsid'"))
            .parentInOtherNamespace(true);
        case "protodown" -> b.protoDown("on".equals(line.word("'on' or 'off' after 'protodown'")));
        case "promiscuity" -> b.promiscuity(integer(line, "a count after 'promiscuity'"));
        case "allmulti" -> b.allmulti(integer(line, "a count after 'allmulti'"));
        case "minmtu" -> b.minMtuBytes(integer(line, "bytes after 'minmtu'"));
        case "maxmtu" -> b.maxMtuBytes(integer(line, "bytes after 'maxmtu'"));
        case "addrgenmode" -> b.addrGenMode(line.word("a mode after 'addrgenmode'"));
        case "numtxqueues" -> b.txQueues(integer(line, "a count after 'numtxqueues'"));
        case "numrxqueues" -> b.rxQueues(integer(line, "a count after 'numrxqueues'"));
        case "gso_max_size" -> b.gsoMaxSizeBytes(line.number("bytes after 'gso_max_size'"));
        case "gso_max_segs" -> b.gsoMaxSegments(line.number("a count after 'gso_max_segs'"));
        case "tso_max_size" -> b.tsoMaxSizeBytes(line.number("bytes after 'tso_max_size'"));
        case "tso_max_segs" -> b.tsoMaxSegments(line.number("a count after 'tso_max_segs'"));
        case "gro_max_size" -> b.groMaxSizeBytes(line.number("bytes after 'gro_max_size'"));
        case "parentbus" -> b.parentBus(line.word("a bus after 'parentbus'"));
        case "parentdev" -> b.parentDevice(line.word("a device after 'parentdev'"));
        case "altname" -> b.addAltName(line.word("a name after 'altname'"));
        case "gso_ipv4_max_size", "gro_ipv4_max_size", "portname", "portid", "switchid" ->
            b.addOtherDetail(k + " " + line.word("a value after '", k, "'"));
        default -> b.addOtherDetail(k);
      }
    }
  }

  private static int integer(LineCursor line, String what) throws ParseException {
    int at = line.skipBlanks().position();
    long v = line.number(what);
    if (v > Integer.MAX_VALUE) {
      line.position(at);
      throw line.error(what + " (at most " + Integer.MAX_VALUE + ")");
    }
    return (int) v;
  }

  // ---------------------------------------------------------------- counters

  private static final List<String> RX_REQUIRED = List.of("bytes", "packets", "errors", "dropped", "mcast");
  private static final List<String> TX_REQUIRED = List.of("bytes", "packets", "errors", "dropped", "carrier", "collsns");

  private void statsHeader(LineCursor line, String name, int length) throws ParseException {
    line.expect(name);
    if (counterCount == 0 && otherCounters.isEmpty()) {
      statsLine = line.lineNumber();
    }
    List<String> found = new ArrayList<>(8);
    String w;
    while ((w = line.wordOrNull()) != null) {
      found.add(w);
    }
    if (found.isEmpty()) {
      throw line.error("column labels after '" + name + "'");
    }
    for (String label : found) {
      Counter c = Counter.ofText(name, label);
      if (c != null && found.indexOf(label) != found.lastIndexOf(label)) {
        throw line.errorAt(0, "column '" + label + "' twice under '" + name + "'");
      }
    }
    if (name.equals("RX:") || name.equals("TX:")) {
      for (String must : name.equals("RX:") ? RX_REQUIRED : TX_REQUIRED) {
        if (!found.contains(must)) {
          throw line.errorAt(0, "expected a '" + must + "' column under '" + name + "'");
        }
      }
    }
    block = name;
    labels = found;
  }

  /** What a counter row should hold at {@code label}; built only for an error. */
  private String expectedValue(String label, String name) {
    return "the '" + label + "' value under '" + name + "' (" + labels.size() + " columns: "
        + String.join(" ", labels) + ")";
  }

  private void values(LineCursor line) throws ParseException {
    String name = block;
    if (name == null) {
      throw new IllegalStateException("no pending block");
    }
    block = null; // a malformed row is not read again as the next line (lenient mode)
    for (String label : labels) {
      int at = line.skipBlanks().position();
      if (line.atEnd()) {
        throw line.error(expectedValue(label, name));
      }
      // the value read in place: no string per counter
      int from = line.lineStart() + at;
      line.skipWord();
      long v = counter(line.source(), from, line.lineStart() + line.position());
      if (v < 0) {
        line.position(at);
        throw line.error(expectedValue(label, name));
      }
      Counter c = Counter.ofText(name, label);
      if (c == null) {
        otherCounters.put(name + " " + label, v);
      } else {
        if (counters[c.ordinal()] < 0) {
          counterCount++;
        }
        counters[c.ordinal()] = v;
      }
    }
    if (!line.atEnd()) {
      throw line.error("the end of the row: '" + name + "' has " + labels.size() + " columns");
    }
  }

  /**
   * A counter as printed: plain digits, or humanised by {@code -h} ({@code 1.50k}, {@code 6.04T},
   * {@code 1.2Mi} with {@code -iec}), which sets {@link #approximate}. -1 if unreadable.
   */
  private long counter(String src, int from, int to) {
    // relative reads over [from, to) of src, as over the token string before
    int n = to - from;
    int i = 0;
    long whole = 0;
    while (i < n && src.charAt(from + i) >= '0' && src.charAt(from + i) <= '9') {
      int d = src.charAt(from + i) - '0';
      if (whole > (Long.MAX_VALUE - d) / 10) {
        return -1;
      }
      whole = whole * 10 + d;
      i++;
    }
    if (i == 0) {
      return -1;
    }
    if (i == n) {
      return whole;
    }
    int fracStart = i;
    if (src.charAt(from + i) == '.') {
      i++;
      while (i < n && src.charAt(from + i) >= '0' && src.charAt(from + i) <= '9') {
        i++;
      }
      if (i == fracStart + 1) {
        return -1;
      }
    }
    if (i >= n) {
      return -1;
    }
    int power = "kMGTPE".indexOf(src.charAt(from + i));
    if (power < 0 || i + 1 < n - 1 || (i + 1 == n - 1 && src.charAt(from + n - 1) != 'i')) {
      return -1;
    }
    double base = i + 1 < n ? 1024 : 1000;
    double value = Double.parseDouble(src.substring(from, from + i)) * Math.pow(base, power + 1);
    if (value >= Long.MAX_VALUE) {
      return -1;
    }
    approximate = true;
    return Math.round(value);
  }

  // ---------------------------------------------------------------- SR-IOV virtual functions

  /** The VF being read (its {@code vf N} line seen), or null. */
  private ImmutableVirtualFunction.@Nullable Builder vf;
  /** The VF counter block whose value row comes next ({@code RX:} or {@code TX:}), or null. */
  private @Nullable String vfBlock;
  private List<String> vfLabels = List.of();

  /** {@code RX: bytes  packets  mcast   bcast   dropped} or {@code TX: bytes  packets   dropped}. */
  private void vfStatsHeader(LineCursor line) throws ParseException {
    String name = line.lookingAt("RX:") ? "RX:" : "TX:";
    line.expect(name);
    List<String> found = new ArrayList<>(6);
    String w;
    while ((w = line.wordOrNull()) != null) {
      if (VfText.counter(name, w) == null) {
        throw line.errorAt(line.position() - w.length(), "expected a VF counter label under '" + name
            + "' (bytes, packets, mcast, bcast, dropped), found '" + w + "'");
      }
      found.add(w);
    }
    if (found.isEmpty()) {
      throw line.error("column labels after '" + name + "'");
    }
    vfBlock = name;
    vfLabels = found;
  }

  private void vfValues(LineCursor line) throws ParseException {
    String name = java.util.Objects.requireNonNull(vfBlock);
    ImmutableVirtualFunction.Builder b = java.util.Objects.requireNonNull(vf);
    vfBlock = null;
    for (String label : vfLabels) {
      long v = line.number("the VF's '" + label + "' value under '" + name + "'");
      VfText.set(b, java.util.Objects.requireNonNull(VfText.counter(name, label)), v);
    }
    if (!line.atEnd()) {
      throw line.error("the end of the row: '" + name + "' has " + vfLabels.size() + " columns");
    }
  }

  private void closeVf() {
    ImmutableVirtualFunction.Builder b = vf;
    ImmutableLink.Builder l = link;
    if (b != null && l != null) {
      l.addVirtualFunction(b.build());
    }
    vf = null;
    vfBlock = null;
  }

  private void closeLink(boolean strict) throws ParseException {
    if (vfBlock != null && strict) {
      throw new ParseException(statsLine, 1, vfBlock, "expected a row of values under the VF's '" + vfBlock + "'");
    }
    closeVf();
    ImmutableLink.Builder b = link;
    if (b == null) {
      return;
    }
    // A missing link/TYPE line is tolerated at the end: transcripts trim output (seed task08).
    if (counterCount != 0 || !otherCounters.isEmpty()) {
      Counter missing = Counter.firstMissing(counters);
      if (missing == null) {
        ImmutableLinkStats.Builder s = LinkStats.builder().approximate(approximate);
        Counter.apply(counters, s);
        s.putAllOtherCounters(otherCounters);
        b.stats(s.build());
      } else if (strict) {
        throw new ParseException(
            statsLine, 1, "", "expected both the 'RX:' and the 'TX:' rows of the counters");
      }
    }
    links.add(b.build());
    link = null;
    Arrays.fill(counters, -1);
    counterCount = 0;
    otherCounters.clear();
    approximate = false;
    block = null;
    labels = ImmutableList.of();
  }
}
