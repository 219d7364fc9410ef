package io.wgdiag.analysis;

import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test cases on the classpath: a transcript file or a bundle directory, read as a user's would be. */
final class Cases {
  private Cases() {}

  static Path path(String resource) {
    URL url = Cases.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static LoadedEvidence load(String resource) throws Exception {
    return EvidenceReader.standard().read(path(resource));
  }

  static Report analyze(String resource) throws Exception {
    LoadedEvidence e = load(resource);
    if (!e.unread().isEmpty()) {
      throw new AssertionError(resource + " has unread lines: " + e.unread());
    }
    return Analysis.standard().run(e.kase());
  }
}
