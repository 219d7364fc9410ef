package io.wgdiag.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.model.View;
import io.wgdiag.parsers.ParserRegistry;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarded public API: {@code api/<artifact>.api} at the project root lists every public and
 * protected type, field, constructor and method in the packages each library module exports
 * (unqualified exports of its module-info), one signature a line, sorted. The build fails when the
 * compiled classes differ from the committed dump; after a deliberate change, rewrite the dumps
 * with {@code ./mvnw -B -pl examples -am verify -Dtest=ApiDumpTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true}
 * and commit them with a CHANGELOG entry.
 */
class ApiDumpTest {

  /** The API dump of the library module that holds {@code anchor}. */
  static List<String> dump(Class<?> anchor) throws Exception {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor module = ModuleFinder.of(location).findAll().iterator().next().descriptor();
    Set<String> exported = new TreeSet<>();
    module.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
    Set<String> lines = new TreeSet<>();
    lines.add("module " + module.name() + " exports " + String.join(", ", exported));
    try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
      Path root = jar == null ? location : jar.getPath("/");
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String rel = root.relativize(f).toString().replace('\\', '/');
          int slash = rel.lastIndexOf('/');
          if (!rel.endsWith(".class") || slash < 0 || !exported.contains(rel.substring(0, slash).replace('/', '.'))) {
            continue;
          }
          Class<?> c = Class.forName(rel.substring(0, rel.length() - 6).replace('/', '.'), false, anchor.getClassLoader());
          if (visible(c)) {
            add(lines, c);
          }
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static boolean visible(Class<?> c) {
    if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static void add(Set<String> lines, Class<?> c) {
    String type = c.getName();
    lines.add(type + " : " + c.toGenericString()
        + (c.getGenericSuperclass() == null || c.getSuperclass() == Object.class ? "" : " extends " + c.getGenericSuperclass().getTypeName())
        + (c.getGenericInterfaces().length == 0 ? "" : " implements " + Stream.of(c.getGenericInterfaces()).map(t -> t.getTypeName()).sorted().toList()));
    List<Member> members = new ArrayList<>();
    members.addAll(List.of(c.getDeclaredFields()));
    members.addAll(List.of(c.getDeclaredConstructors()));
    members.addAll(List.of(c.getDeclaredMethods()));
    for (Member m : members) {
      int mod = m.getModifiers();
      boolean bridge = m instanceof java.lang.reflect.Method method && method.isBridge();
      if (m.isSynthetic() || bridge || !(Modifier.isPublic(mod) || Modifier.isProtected(mod))) {
        continue;
      }
      String sig = m instanceof java.lang.reflect.Field f ? f.toGenericString()
          : m instanceof java.lang.reflect.Method method ? method.toGenericString()
          : ((java.lang.reflect.Constructor<?>) m).toGenericString();
      lines.add(type + " : " + sig);
    }
  }

  /** Fails, naming each member added or removed, when {@code actual} differs from {@code committed}. */
  static void compare(String artifact, List<String> committed, List<String> actual) {
    List<String> removed = new ArrayList<>(committed);
    removed.removeAll(actual);
    List<String> added = new ArrayList<>(actual);
    added.removeAll(committed);
    if (!removed.isEmpty() || !added.isEmpty()) {
      StringBuilder why = new StringBuilder("The public API of " + artifact + " changed without api/" + artifact
          + ".api being updated. If the change is on purpose, rerun with -Dapi.update=true, commit the dump"
          + " and note it in CHANGELOG.md.");
      removed.forEach(l -> why.append("\n  removed: ").append(l));
      added.forEach(l -> why.append("\n  added:   ").append(l));
      throw new AssertionError(why.toString());
    }
  }

  private static Class<?> anchor(String artifact) {
    return switch (artifact) {
      case "wg-model" -> View.class;
      case "wg-parsers" -> ParserRegistry.class;
      case "wg-analysis" -> Analysis.class;
      default -> throw new IllegalArgumentException(artifact);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"wg-model", "wg-parsers", "wg-analysis"})
  void theCommittedDumpMatchesTheClasses(String artifact) throws Exception {
    List<String> actual = dump(anchor(artifact));
    Path file = Path.of("..", "api", artifact + ".api");
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("api/%s.api (create it with -Dapi.update=true)", artifact).exists();
    compare(artifact, Files.readAllLines(file, StandardCharsets.UTF_8), actual);
  }

  @Test
  void anUnannouncedChangeFailsNamingTheMember() throws Exception {
    List<String> actual = dump(ParserRegistry.class);
    String member = actual.stream().filter(l -> l.contains("ParserRegistry.standard()")).findFirst().orElseThrow();
    List<String> withoutIt = new ArrayList<>(actual);
    withoutIt.remove(member);
    assertThatThrownBy(() -> compare("wg-parsers", withoutIt, actual))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("api/wg-parsers.api")
        .hasMessageContaining("added:   " + member);
    List<String> withExtra = new ArrayList<>(actual);
    withExtra.add("io.wgdiag.parsers.ParserRegistry : public static void io.wgdiag.parsers.ParserRegistry.gone()");
    assertThatThrownBy(() -> compare("wg-parsers", withExtra, actual))
        .hasMessageContaining("removed: io.wgdiag.parsers.ParserRegistry : public static void io.wgdiag.parsers.ParserRegistry.gone()");
    compare("wg-parsers", actual, actual);
  }

  @Test
  void theDumpCoversExportedPackagesOnly() throws Exception {
    List<String> parsers = dump(ParserRegistry.class);
    assertThat(parsers).anyMatch(l -> l.startsWith("module io.wgdiag.parsers exports io.wgdiag.parsers, "));
    assertThat(parsers).anyMatch(l -> l.startsWith("io.wgdiag.parsers.ParserRegistry : "));
    assertThat(parsers).noneMatch(l -> l.contains("$Lambda") || l.contains(" private "));
  }
}
