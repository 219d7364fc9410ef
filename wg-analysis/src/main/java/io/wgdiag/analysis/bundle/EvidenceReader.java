package io.wgdiag.analysis.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.Source;
import io.wgdiag.parsers.Detection;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.ParseResult;
import io.wgdiag.parsers.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Reads evidence into a {@link Case}: a capture bundle directory, its {@code .tar.gz}, a single
 * transcript file, an unpacked sosreport, or a capture handed over as bytes.
 *
 * <p>Every form is an {@link EvidenceSource}, a list of named byte blobs ({@link DirectorySource},
 * {@link TarGzSource}, {@link BlobSource}, one transcript file), and one reader lays them out:
 *
 * <ul>
 *   <li>A bundle's optional {@code local/} and {@code remote/} folders hold the two tunnel ends;
 *       without them the root is the local host.
 *   <li>Inside a host, optional phase folders {@code before/}, {@code during/} (under load), {@code
 *       after/} and {@code probe/} hold the phases; files outside them belong to the unnamed phase.
 *   <li>Every {@code *.txt} file is evidence: a transcript (prompt lines {@code $ CMD} or {@code
 *       user@host:path$ CMD} followed by output), or, with no prompt line, the raw output of the
 *       tool its name gives: {@code <tool-id>.txt} or {@code <tool-id>@<qualifier>.txt} (e.g.
 *       {@code ethtool-features@eth0.txt}). Other files are listed in the notes and skipped.
 *   <li>An optional {@code bundle.properties} at the root holds {@code interface}, {@code peer}
 *       (the peer's tunnel address), {@code time} and {@code label}, and any other labels.
 *   <li>A source with files under {@code sos_commands/} is a sosreport: its files map onto tool ids
 *       by their names and sos's manifest.
 * </ul>
 *
 * <p>Files are read as streams (a transcript is never copied whole into memory), within {@link
 * Limits}. Parsing is lenient: unreadable lines are returned with their {@code file:line}, never
 * dropped.
 */
public final class EvidenceReader {
  /** The most one evidence file (or one entry of a .tar.gz) may hold, in bytes. */
  static final long MAX_FILE_BYTES = Limits.FILE_BYTES;

  /** The most {@code bundle.properties} or a sosreport's manifest may hold, in bytes. */
  private static final long MAX_SMALL_BYTES = 64L << 20;

  private final ParserRegistry registry;
  private final Limits limits;

  private EvidenceReader(ParserRegistry registry, Limits limits) {
    this.registry = registry;
    this.limits = limits;
  }

  /** A reader over the standard parsers. */
  public static EvidenceReader standard() {
    return new EvidenceReader(ParserRegistry.standard(), Limits.standard());
  }

  /** A reader over {@code registry}. */
  public static EvidenceReader using(ParserRegistry registry) {
    return new EvidenceReader(registry, Limits.standard());
  }

  /** This reader within other limits. */
  public EvidenceReader withLimits(Limits newLimits) {
    return new EvidenceReader(registry, newLimits);
  }

  /** The limits this reader keeps to. */
  public Limits limits() {
    return limits;
  }

  /** Reads {@code path} (bundle, .tar.gz, transcript or sosreport) as the local host. */
  public LoadedEvidence read(Path path) throws BundleException {
    return read(path, null);
  }

  /**
   * Reads {@code local} and, if given, {@code remote} (whose local host becomes the remote end).
   */
  public LoadedEvidence read(Path local, @Nullable Path remote) throws BundleException {
    return read(EvidenceSource.of(local, limits), remote == null ? null : EvidenceSource.of(remote, limits));
  }

  /** Reads a capture from any source, as the local host. */
  public LoadedEvidence read(EvidenceSource source) throws BundleException {
    return read(source, null);
  }

  /** Reads {@code local} and, if given, {@code remote} (whose local host becomes the remote end). */
  public LoadedEvidence read(EvidenceSource local, @Nullable EvidenceSource remote) throws BundleException {
    State st = new State();
    String kind = readInto(local, st, false);
    if (remote != null) {
      readInto(remote, st, true);
    }
    return new LoadedEvidence(st.builder.build(), kind, ImmutableList.copyOf(st.unread), ImmutableList.copyOf(st.notes),
        ImmutableMap.copyOf(st.properties));
  }

  /**
   * Reads a capture handed over as bytes: a {@code .tar.gz} (by its gzip magic bytes), or else one
   * transcript file whose name is {@code name} (raw output is read as the tool its name gives).
   */
  public LoadedEvidence read(String name, byte[] bytes) throws BundleException {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return read(TarGzSource.of(name, bytes, limits));
    }
    if (bytes.length > limits.maxFileBytes()) {
      throw new BundleException(PathText.quote(name) + ": larger than " + limits.maxFileBytes() + " bytes");
    }
    return read(new SingleBlob(name, bytes));
  }

  /** As {@link #read(String, byte[])} for a stream (read to its end, within the limits; not closed), named {@code -}. */
  public LoadedEvidence read(InputStream in) throws BundleException {
    return read("-", in);
  }

  /** As {@link #read(String, byte[])} for a stream (read to its end, within the limits; not closed). */
  public LoadedEvidence read(String name, InputStream in) throws BundleException {
    byte[] bytes;
    try {
      bytes = readAll(java.nio.channels.Channels.newChannel(in), 0,
          Math.max(limits.maxFileBytes(), limits.maxArchiveBytes() / Math.max(1, limits.maxRatio())), name);
    } catch (IOException e) {
      throw BlobText.failure(e, PathText.quote(name));
    }
    return read(name, bytes);
  }

  /** One transcript handed over as bytes. */
  private static final class SingleBlob implements EvidenceSource {
    private final String name;
    private final Blob blob;

    SingleBlob(String name, byte[] bytes) {
      this.name = PathText.quote(name);
      int slash = name.lastIndexOf('/');
      this.blob = Blob.of(slash < 0 ? name : name.substring(slash + 1), bytes);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String kind() {
      return "transcript";
    }

    @Override
    public ImmutableList<Blob> blobs() {
      return ImmutableList.of(blob);
    }
  }

  private static final class State {
    final Case.Builder builder = Case.builder();
    final List<UnreadLine> unread = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, String> properties = new java.util.TreeMap<>();
  }

  private String readInto(EvidenceSource source, State st, boolean asRemote) throws BundleException {
    ImmutableList<Blob> blobs = source.blobs();
    if (source.kind().equals("transcript")) {
      Blob b = blobs.get(0);
      readFile(b, source.name(), asRemote ? Host.REMOTE : Host.LOCAL, Phase.UNNAMED, st);
      return "transcript";
    }
    boolean sos = blobs.stream().anyMatch(b -> b.path().startsWith("sos_commands/"));
    if (sos) {
      List<Blob> files = new ArrayList<>();
      for (Blob b : blobs) {
        if (DirectorySource.SOS_DIRS.stream().anyMatch(d -> b.path().startsWith(d + "/"))) {
          files.add(b); // as a sosreport directory is read: these folders only
        }
      }
      readSosFiles(files, st, asRemote);
      return "sosreport";
    }
    readBundle(blobs, source.name(), st, asRemote);
    return source.kind();
  }

  /** Whether a bundle's reader reads the file at {@code rel}: evidence ({@code .txt}) and the properties. */
  private static boolean bundleWanted(String rel) {
    return rel.endsWith(".txt") || rel.equals("bundle.properties");
  }

  /** Whether a sosreport's reader reads the file at {@code rel}: a command's output, or sos's manifest. */
  private static boolean sosWanted(String rel) {
    return sosCommand(rel, Map.of()) != null || rel.equals("sos_reports/manifest.json");
  }

  /** Whether either reader reads the file at {@code rel}: what an archive keeps. */
  static boolean mayBeEvidence(String rel) {
    return bundleWanted(rel) || sosWanted(rel);
  }

  private void readBundle(List<Blob> files, String root, State st, boolean asRemote)
      throws BundleException {
    boolean anyEvidence = false;
    for (Blob f : files) {
      String path = f.path();
      String refusal = f.refusal();
      if (refusal != null) {
        st.notes.add(PathText.quote(path) + ": " + refusal);
        continue;
      }
      if (path.equals("bundle.properties")) {
        readProperties(BlobText.small(f, PathText.quote(path), MAX_SMALL_BYTES), st);
        continue;
      }
      if (!path.endsWith(".txt")) {
        st.notes.add(PathText.quote(path) + ": skipped (evidence files end in .txt)");
        continue;
      }
      String[] parts = path.split("/");
      int i = 0;
      Host host = asRemote ? Host.REMOTE : Host.LOCAL;
      if (parts.length > 1 && (parts[0].equals("local") || parts[0].equals("remote"))) {
        if (parts[0].equals("remote")) {
          host = Host.REMOTE;
        }
        i++;
      }
      Phase phase = Phase.UNNAMED;
      if (parts.length > i + 1) {
        Optional<Phase> p = Phase.ofFolder(parts[i]);
        if (p.isPresent()) {
          phase = p.get();
          i++;
        }
      }
      if (parts.length > i + 1) {
        st.notes.add(PathText.quote(path) + ": skipped (not in a host or phase folder of the bundle layout)");
        continue;
      }
      readFile(f, PathText.quote(path), host, phase, st);
      anyEvidence = true;
    }
    if (!anyEvidence) {
      throw new BundleException(root + ": no evidence (.txt) files found");
    }
  }

  private void readProperties(String text, State st) throws BundleException {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException("bundle.properties: unreadable: " + PathText.quote(String.valueOf(e.getMessage())));
    }
    st.builder
        .tunnelInterface(p.getProperty("interface"))
        .peerTunnelAddress(p.getProperty("peer"))
        .captureTime(p.getProperty("time"))
        .label(p.getProperty("label"));
    for (String k : p.stringPropertyNames()) {
      st.properties.put(k, p.getProperty(k));
    }
  }

  /**
   * Reads one evidence file as a stream: a transcript block by block, each block's output handed
   * to its parser as a reader that ends at the next prompt line; raw output straight to the
   * parser of the tool its name gives.
   */
  private void readFile(Blob f, String sourceName, Host host, Phase phase, State st) throws BundleException {
    BlobText.Scan scan = BlobText.scan(f, sourceName, limits.maxFileBytes());
    if (scan.transcript()) {
      readTranscript(f, scan, sourceName, host, phase, st);
      return;
    }
    String name = f.name();
    String base = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    int at = base.indexOf('@');
    String tool = at < 0 ? base : base.substring(0, at);
    Optional<String> qualifier = at < 0 ? Optional.empty() : Optional.of(base.substring(at + 1));
    if (registry.find(tool).isEmpty()) {
      st.notes.add(sourceName + ": skipped (no prompt line, and '" + PathText.quote(tool)
          + "' is not a tool id; see 'wgdiag tools')");
      return;
    }
    readRaw(f, scan, tool, qualifier, false, "", sourceName, host, phase, st);
  }

  /** Parses raw output of {@code tool}; false when its parser refused the whole file. */
  private boolean readRaw(Blob f, BlobText.Scan scan, String tool, Optional<String> qualifier, boolean filtered,
      String command, String sourceName, Host host, Phase phase, State st) throws BundleException {
    Parser<?> parser = registry.parser(tool);
    try (Reader r = BlobText.reader(f, scan.charset(), sourceName, limits.maxFileBytes())) {
      ParseResult<?> res = parser.parseLenient(r);
      for (Diagnostic d : res.diagnostics()) {
        st.unread.add(new UnreadLine(sourceName + ":" + d.line(), d.message(), d.text()));
      }
      st.builder.add(host, phase, new Capture(tool, command, qualifier, filtered, new Source(sourceName, 0), res.model()));
      return true;
    } catch (ParseException e) {
      st.unread.add(new UnreadLine(sourceName + ":" + e.line(), e.problem(), e.lineText()));
      return false;
    } catch (IOException e) {
      throw BlobText.failure(e, sourceName);
    }
  }

  private void readTranscript(Blob f, BlobText.Scan scan, String sourceName, Host host, Phase phase, State st)
      throws BundleException {
    List<Diagnostic> diags = new ArrayList<>();
    try (Reader r = BlobText.reader(f, scan.charset(), sourceName, limits.maxFileBytes())) {
      BlobText.Blocks blocks = new BlobText.Blocks(r);
      int[] first = {0};
      String[] firstText = {""};
      String command = blocks.nextPrompt(first, firstText);
      if (first[0] > 0) {
        diags.add(new ParseException(first[0], 1, firstText[0], "text before the first prompt line").toDiagnostic());
      }
      while (command != null) {
        int line = blocks.lineNo();
        Reader out = blocks.output();
        Optional<Detection> d = registry.detect(command);
        if (d.isEmpty()) {
          diags.add(new ParseException(line, 1, command, "no parser for the command '" + command + "'").toDiagnostic());
        } else {
          Detection det = d.get();
          try {
            ParseResult<?> res = registry.parser(det.toolId()).parseLenient(out);
            for (Diagnostic x : res.diagnostics()) {
              diags.add(x.shifted(line));
            }
            st.builder.add(host, phase, new Capture(det.toolId(), command, det.qualifier(), det.filtered(),
                new Source(sourceName, line), res.model()));
          } catch (ParseException e) {
            diags.add((e.line() > 0 ? e.shifted(line) : new ParseException(line, 0, "", e.problem())).toDiagnostic());
          }
        }
        blocks.skipBlock(out);
        command = blocks.nextPrompt(new int[] {1}, firstText);
      }
    } catch (IOException e) {
      throw BlobText.failure(e, sourceName);
    }
    diags.sort(java.util.Comparator.comparingInt(Diagnostic::line));
    for (Diagnostic d : diags) {
      st.unread.add(new UnreadLine(sourceName + ":" + d.line(), d.message(), d.text()));
    }
  }

  // ---- sosreport ----

  private void readSosFiles(List<Blob> files, State st, boolean asRemote) throws BundleException {
    Map<String, String> manifest = new HashMap<>();
    for (Blob f : files) {
      if (f.path().equals("sos_reports/manifest.json") && f.refusal() == null) {
        manifest = manifestCommands(BlobText.small(f, PathText.quote(f.path()), MAX_SMALL_BYTES), st);
      }
    }
    int skipped = 0;
    Host host = asRemote ? Host.REMOTE : Host.LOCAL;
    for (Blob f : files) {
      String refusal = f.refusal();
      if (refusal != null) {
        st.notes.add(PathText.quote(f.path()) + ": " + refusal);
        continue;
      }
      String command = sosCommand(f.path(), manifest);
      Optional<Detection> d = command == null ? Optional.empty() : registry.detect(command);
      if (d.isEmpty() || f.path().startsWith("sos_reports/") || !f.readable()) {
        skipped++;
        continue;
      }
      Detection det = d.get();
      String name = PathText.quote(f.path());
      BlobText.Scan scan = BlobText.scan(f, name, limits.maxFileBytes());
      if (readRaw(f, scan, det.toolId(), det.qualifier(), det.filtered(), "", name, host, Phase.UNNAMED, st)) {
        st.notes.add(name + ": read as " + det.toolId() + " (" + PathText.quote(command == null ? "" : command) + ")");
      }
    }
    if (skipped > 0) {
      st.notes.add("sosreport: " + skipped + " files have no wgdiag parser and were skipped");
    }
  }

  /** The command a sosreport file holds the output of, or null. */
  static @Nullable String sosCommand(String path, Map<String, String> manifest) {
    String fromManifest = manifest.get(path);
    if (fromManifest != null) {
      return fromManifest;
    }
    if (path.startsWith("proc/")) {
      return "cat /" + path;
    }
    if (path.startsWith("sos_commands/")) {
      int slash = path.lastIndexOf('/');
      String name = path.substring(slash + 1);
      if (name.endsWith(".json") || name.endsWith(".err")) {
        return null;
      }
      // sos names a command's output after the command, blanks as underscores: ip_-s_-d_link
      return name.replace('_', ' ');
    }
    return null;
  }

  /** filepath -> command from sos 4.x's {@code sos_reports/manifest.json}. */
  private static Map<String, String> manifestCommands(String json, State st) {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      String command = null;
      String filepath = null;
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT) {
          depth++;
          command = null;
          filepath = null;
        } else if (t == JsonToken.END_OBJECT) {
          if (command != null && filepath != null) {
            out.put(filepath, command);
          }
          command = null;
          filepath = null;
          depth--;
        } else if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (v == JsonToken.VALUE_STRING && "command".equals(name)) {
            command = p.getText();
          } else if (v == JsonToken.VALUE_STRING && "filepath".equals(name)) {
            filepath = p.getText();
          } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            if (v == JsonToken.START_OBJECT) {
              depth++;
              command = null;
              filepath = null;
            }
          }
        }
      }
    } catch (IOException e) {
      st.notes.add("sos_reports/manifest.json: unreadable, file names used instead (" + e.getMessage() + ")");
    }
    return out;
  }

  // ---- bytes ----

  /** Bytes read from a file per step by {@link #readFile}. */
  private static final int READ_STEP = 64 * 1024;

  /**
   * The whole content of the file {@code p}, at most {@code maxBytes} bytes, read in 64 KiB steps
   * straight into one array of the file's size (growing it only for files whose size is not known
   * in advance, such as those under {@code /proc}).
   *
   * <p>{@link java.nio.file.Files#readAllBytes} copies through a temporary native buffer as large as the file,
   * and on a JVM that has just started the fresh pages of that buffer cost more than the copy: 40
   * ms for a 10 MB file on the 2-core machine of {@code docs/benchmarks.md}, against 6 ms here.
   *
   * @throws TooLargeException if the file holds more than {@code maxBytes} bytes
   * @throws java.nio.file.NoSuchFileException if there is no such file
   */
  public static byte[] readFile(Path p, long maxBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      return readAll(ch, ch.size(), maxBytes, p.toString());
    }
  }

  /**
   * Everything {@code ch} gives up to its end, at most {@code maxBytes} bytes, into an array of
   * {@code sizeHint} bytes when that is right (0 when not known), in {@link #READ_STEP} steps.
   */
  static byte[] readAll(ReadableByteChannel ch, long sizeHint, long maxBytes, String name) throws IOException {
    int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
    if (sizeHint > cap) {
      throw tooLarge(name, maxBytes);
    }
    byte[] buf = new byte[sizeHint > 0 ? (int) sizeHint : Math.min(READ_STEP, cap)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        // full: the end, or more than the hint said (a file that grew, or one under /proc)
        ByteBuffer probe = ByteBuffer.allocate(1);
        int r;
        do {
          r = ch.read(probe);
        } while (r == 0);
        if (r < 0) {
          return buf;
        }
        if (n >= cap) {
          throw tooLarge(name, maxBytes);
        }
        buf = Arrays.copyOf(buf, (int) Math.max(n + 1, Math.min(cap, 2L * n)));
        buf[n++] = probe.get(0);
        continue;
      }
      int r = ch.read(ByteBuffer.wrap(buf, n, Math.min(READ_STEP, buf.length - n)));
      if (r < 0) {
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
      }
      n += r;
    }
  }

  private static TooLargeException tooLarge(String name, long maxBytes) {
    return new TooLargeException(name, maxBytes);
  }

  /**
   * A file {@link #readFile} refused for holding more than its limit, checked against the size the
   * file reports and against what is read (a file that grows, one under {@code /proc}): callers
   * need no size check of their own.
   */
  public static final class TooLargeException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String file, long maxBytes) {
      super(file, null, "larger than " + maxBytes + " bytes");
    }
  }

  /**
   * Tool output as text: UTF-8, or Latin-1 when it is not valid UTF-8 (old tools in non-UTF-8
   * locales); a NUL byte means binary data, which is refused with a one-line message naming {@code
   * name}.
   */
  public static String decode(byte[] bytes, String name) throws BundleException {
    // Fast path: the JDK's decoder (an intrinsic for ASCII) gives a compact string in one pass;
    // a replacement character in the result means malformed input (or a real U+FFFD), which the
    // strict decoder below then sorts out.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\u0000') >= 0) {
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw new BundleException(name + ": binary data (a NUL byte at offset " + i + "), not tool output");
        }
      }
    }
    if (fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

}
