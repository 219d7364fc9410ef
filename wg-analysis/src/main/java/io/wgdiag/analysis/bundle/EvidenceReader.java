package io.wgdiag.analysis.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import io.wgdiag.analysis.Capture;
import io.wgdiag.analysis.Case;
import io.wgdiag.analysis.Host;
import io.wgdiag.analysis.Phase;
import io.wgdiag.analysis.Source;
import io.wgdiag.parsers.Detection;
import io.wgdiag.parsers.Diagnostic;
import io.wgdiag.parsers.ParseException;
import io.wgdiag.parsers.ParserRegistry;
import io.wgdiag.parsers.transcript.ParsedBlock;
import io.wgdiag.parsers.transcript.ParsedTranscript;
import io.wgdiag.parsers.transcript.TranscriptParser;
import io.wgdiag.parsers.transcript.TranscriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads evidence from disk into a {@link Case}: a capture bundle directory, its {@code .tar.gz},
 * a single transcript file, or an unpacked sosreport.
 *
 * <h2>The capture bundle format (version 1)</h2>
 *
 * <ul>
 *   <li>A bundle is a directory. Optional {@code local/} and {@code remote/} folders hold the two
 *       tunnel ends; without them the root is the local host.
 *   <li>Inside a host, optional phase folders {@code before/}, {@code during/} (under load), {@code
 *       after/} and {@code probe/} hold the phases; files outside them belong to the unnamed phase.
 *   <li>Every {@code *.txt} file is evidence: a transcript (prompt lines {@code $ CMD} or {@code
 *       user@host:path$ CMD} followed by output), or, with no prompt line, the raw output of the
 *       tool its name gives: {@code <tool-id>.txt} or {@code <tool-id>@<qualifier>.txt} (e.g.
 *       {@code ethtool-features@eth0.txt}). Other files are listed in the notes and skipped.
 *   <li>An optional {@code bundle.properties} at the root holds {@code interface}, {@code peer}
 *       (the peer's tunnel address), {@code time} and {@code label}.
 *   <li>A {@code .tar.gz} (or {@code .tgz}) of such a directory reads the same.
 * </ul>
 *
 * <p>Parsing is lenient: unreadable lines are returned with their {@code file:line}, never dropped.
 */
public final class EvidenceReader {
  /** The most one evidence file (or one entry of a .tar.gz) may hold, in bytes. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private final ParserRegistry registry;
  private final TranscriptParser transcripts;

  private EvidenceReader(ParserRegistry registry) {
    this.registry = registry;
    this.transcripts = TranscriptParser.using(registry);
  }

  /** A reader over the standard parsers. */
  public static EvidenceReader standard() {
    return new EvidenceReader(ParserRegistry.standard());
  }

  /** A reader over {@code registry}. */
  public static EvidenceReader using(ParserRegistry registry) {
    return new EvidenceReader(registry);
  }

  /** Reads {@code path} (bundle, .tar.gz, transcript or sosreport) as the local host. */
  public LoadedEvidence read(Path path) throws BundleException {
    return read(path, null);
  }

  /**
   * Reads {@code local} and, if given, {@code remote} (whose local host becomes the remote end).
   */
  public LoadedEvidence read(Path local, @Nullable Path remote) throws BundleException {
    State st = new State();
    String kind = readInto(local, st, false);
    if (remote != null) {
      readInto(remote, st, true);
    }
    return new LoadedEvidence(st.builder.build(), kind, ImmutableList.copyOf(st.unread), ImmutableList.copyOf(st.notes));
  }

  private static final class State {
    final Case.Builder builder = Case.builder();
    final List<UnreadLine> unread = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
  }

  private String readInto(Path path, State st, boolean asRemote) throws BundleException {
    if (!Files.exists(path)) {
      throw new BundleException(path + ": no such file or directory");
    }
    if (!Files.isReadable(path)) {
      throw new BundleException(path + ": not readable");
    }
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (Files.isDirectory(path)) {
      if (Files.isDirectory(path.resolve("sos_commands"))) {
        readSos(path, st, asRemote);
        return "sosreport";
      }
      readBundle(listFiles(path), path.toString(), st, asRemote);
      return "bundle";
    }
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      // The bytes of the files a bundle or a sosreport may use, with or without the one top
      // directory a tarball usually wraps; the rest (logs, binary files) are read past.
      List<TarGz.Entry> entries;
      try (InputStream in = Files.newInputStream(path)) {
        entries = TarGz.read(in, path.toString(), p -> mayBeEvidence(p) || mayBeEvidence(p.substring(p.indexOf('/') + 1)));
      } catch (IOException e) {
        throw new BundleException(path + ": cannot read: " + e.getMessage());
      }
      List<BundleFile> names = new ArrayList<>();
      for (TarGz.Entry e : entries) {
        names.add(new BundleFile(e.path(), ""));
      }
      // strip the top directory if every file is under it (same order, same count)
      List<String> rel = stripCommonTop(names).stream().map(BundleFile::path).toList();
      boolean sos = rel.stream().anyMatch(r -> r.startsWith("sos_commands/"));
      // then each file as the directory form reads it: decoded if that form reads it, else its name only
      List<BundleFile> files = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        TarGz.Entry e = entries.get(i);
        String r = rel.get(i);
        if (sos && SOS_DIRS.stream().noneMatch(d -> r.startsWith(d + "/"))) {
          continue; // as readSos, which looks in these only
        }
        boolean wanted = e.kept() && (sos ? sosWanted(r) : bundleWanted(r));
        files.add(new BundleFile(r, wanted ? decode(e.data(), path + "!" + e.path()) : ""));
      }
      if (sos) {
        readSosFiles(files, st, asRemote);
        return "sosreport";
      }
      readBundle(files, path.toString(), st, asRemote);
      return "tar.gz";
    }
    String text = decode(readBytes(path), path.toString());
    readFile(new BundleFile(name, text), path.toString(), asRemote ? Host.REMOTE : Host.LOCAL, Phase.UNNAMED, st);
    return "transcript";
  }

  private static List<BundleFile> stripCommonTop(List<BundleFile> files) {
    if (files.isEmpty()) {
      return files;
    }
    String first = files.get(0).path();
    int slash = first.indexOf('/');
    if (slash < 0) {
      return files;
    }
    String top = first.substring(0, slash + 1);
    if (Phase.ofFolder(top.substring(0, slash)).isPresent() || top.equals("local/") || top.equals("remote/")
        || top.equals("sos_commands/") || top.equals("proc/")) {
      return files;
    }
    for (BundleFile f : files) {
      if (!f.path().startsWith(top)) {
        return files;
      }
    }
    List<BundleFile> out = new ArrayList<>();
    for (BundleFile f : files) {
      out.add(new BundleFile(f.path().substring(top.length()), f.text()));
    }
    return out;
  }

  private static List<BundleFile> listFiles(Path dir) throws BundleException {
    List<BundleFile> out = new ArrayList<>();
    walk(dir, dir, EvidenceReader::bundleWanted, out);
    return out;
  }

  /** Whether a bundle's reader reads the file at {@code rel}: evidence ({@code .txt}) and the properties. */
  private static boolean bundleWanted(String rel) {
    return rel.endsWith(".txt") || rel.equals("bundle.properties");
  }

  /** Whether a sosreport's reader reads the file at {@code rel}: a command's output, or sos's manifest. */
  private static boolean sosWanted(String rel) {
    return sosCommand(rel, Map.of()) != null || rel.equals("sos_reports/manifest.json");
  }

  /** Whether either reader reads the file at {@code rel}. */
  private static boolean mayBeEvidence(String rel) {
    return bundleWanted(rel) || sosWanted(rel);
  }

  private void readBundle(List<BundleFile> files, String root, State st, boolean asRemote)
      throws BundleException {
    boolean anyEvidence = false;
    for (BundleFile f : files) {
      String path = f.path();
      if (path.equals("bundle.properties")) {
        readProperties(f.text(), st);
        continue;
      }
      if (!path.endsWith(".txt")) {
        st.notes.add(path + ": skipped (evidence files end in .txt)");
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
        st.notes.add(path + ": skipped (not in a host or phase folder of the bundle layout)");
        continue;
      }
      readFile(f, path, host, phase, st);
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
      throw new BundleException("bundle.properties: unreadable: " + e.getMessage());
    }
    st.builder
        .tunnelInterface(p.getProperty("interface"))
        .peerTunnelAddress(p.getProperty("peer"))
        .captureTime(p.getProperty("time"))
        .label(p.getProperty("label"));
  }

  private void readFile(BundleFile f, String sourceName, Host host, Phase phase, State st) {
    boolean transcript = !TranscriptReader.read(f.text()).blocks().isEmpty();
    if (transcript) {
      try {
        ParsedTranscript t = transcripts.parse(f.text(), false);
        for (Diagnostic d : t.allDiagnostics()) {
          st.unread.add(new UnreadLine(sourceName + ":" + d.line(), d.message(), d.text()));
        }
        for (ParsedBlock b : t.blocks()) {
          if (b.toolId().isPresent() && b.model().isPresent()) {
            st.builder.add(host, phase,
                new Capture(b.toolId().get(), b.command(), b.qualifier(), b.filtered(),
                    new Source(sourceName, b.line()), b.model().get()));
          }
        }
      } catch (ParseException e) {
        st.unread.add(new UnreadLine(sourceName + ":" + e.line(), e.problem(), e.lineText()));
      }
      return;
    }
    String base = f.name().endsWith(".txt") ? f.name().substring(0, f.name().length() - 4) : f.name();
    int at = base.indexOf('@');
    String tool = at < 0 ? base : base.substring(0, at);
    Optional<String> qualifier = at < 0 ? Optional.empty() : Optional.of(base.substring(at + 1));
    if (registry.find(tool).isEmpty()) {
      st.notes.add(sourceName + ": skipped (no prompt line, and '" + tool + "' is not a tool id; see 'wgdiag tools')");
      return;
    }
    try {
      ParsedTranscript t = transcripts.parseAs(f.text(), tool, false);
      ParsedBlock b = t.blocks().get(0);
      for (Diagnostic d : b.diagnostics()) {
        st.unread.add(new UnreadLine(sourceName + ":" + d.line(), d.message(), d.text()));
      }
      b.model().ifPresent(m -> st.builder.add(host, phase,
          new Capture(tool, "", qualifier, false, new Source(sourceName, 0), m)));
    } catch (ParseException e) {
      st.unread.add(new UnreadLine(sourceName + ":" + e.line(), e.problem(), e.lineText()));
    }
  }

  // ---- sosreport ----

  /** The folders of a sosreport that hold what it read: command outputs, /proc copies, its manifest. */
  private static final List<String> SOS_DIRS = List.of("sos_commands", "proc", "sos_reports");

  private void readSos(Path root, State st, boolean asRemote) throws BundleException {
    List<BundleFile> files = new ArrayList<>();
    for (String top : SOS_DIRS) {
      Path dir = root.resolve(top);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      walk(root, dir, EvidenceReader::sosWanted, files);
    }
    readSosFiles(files, st, asRemote);
  }

  private void readSosFiles(List<BundleFile> files, State st, boolean asRemote) {
    Map<String, String> manifest = new HashMap<>();
    for (BundleFile f : files) {
      if (f.path().equals("sos_reports/manifest.json")) {
        manifest = manifestCommands(f.text(), st);
      }
    }
    int skipped = 0;
    Host host = asRemote ? Host.REMOTE : Host.LOCAL;
    for (BundleFile f : files) {
      String command = sosCommand(f.path(), manifest);
      Optional<Detection> d = command == null ? Optional.empty() : registry.detect(command);
      if (d.isEmpty() || f.path().startsWith("sos_reports/")) {
        skipped++;
        continue;
      }
      Detection det = d.get();
      try {
        ParsedTranscript t = transcripts.parseAs(f.text(), det.toolId(), false);
        ParsedBlock b = t.blocks().get(0);
        for (Diagnostic diag : b.diagnostics()) {
          st.unread.add(new UnreadLine(f.path() + ":" + diag.line(), diag.message(), diag.text()));
        }
        String cmd = command;
        b.model().ifPresent(m -> st.builder.add(host, Phase.UNNAMED,
            new Capture(det.toolId(), "", det.qualifier(), det.filtered(), new Source(f.path(), 0), m)));
        st.notes.add(f.path() + ": read as " + det.toolId() + " (" + cmd + ")");
      } catch (ParseException e) {
        st.unread.add(new UnreadLine(f.path() + ":" + e.line(), e.problem(), e.lineText()));
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

  /**
   * Adds every regular file under {@code dir} (paths relative to {@code root}, sorted); the text of
   * those {@code wanted} is read, the others are listed with no text (and end up in the notes).
   */
  private static void walk(Path root, Path dir, java.util.function.Predicate<String> wanted, List<BundleFile> out)
      throws BundleException {
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new BundleException(dir + ": cannot list: " + e.getMessage());
    }
    for (Path p : paths) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      out.add(new BundleFile(rel, wanted.test(rel) ? decode(readBytes(p), p.toString()) : ""));
    }
  }

  // ---- bytes ----

  private static byte[] readBytes(Path p) throws BundleException {
    try {
      return readFile(p, MAX_FILE_BYTES);
    } catch (TooLargeException e) {
      throw new BundleException(p + ": larger than " + MAX_FILE_BYTES + " bytes");
    } catch (NoSuchFileException e) {
      throw new BundleException(p + ": no such file");
    } catch (IOException e) {
      throw new BundleException(p + ": cannot read: " + e.getMessage());
    }
  }

  /** Bytes read from a file per step by {@link #readFile}. */
  private static final int READ_STEP = 64 * 1024;

  /**
   * The whole content of the file {@code p}, at most {@code maxBytes} bytes, read in 64 KiB steps
   * straight into one array of the file's size (growing it only for files whose size is not known
   * in advance, such as those under {@code /proc}).
   *
   * <p>{@link Files#readAllBytes} copies through a temporary native buffer as large as the file,
   * and on a JVM that has just started the fresh pages of that buffer cost more than the copy: 40
   * ms for a 10 MB file on the 2-core machine of {@code docs/benchmarks.md}, against 6 ms here.
   *
   * @throws TooLargeException if the file holds more than {@code maxBytes} bytes
   * @throws NoSuchFileException if there is no such file
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
