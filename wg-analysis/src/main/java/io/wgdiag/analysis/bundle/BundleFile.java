package io.wgdiag.analysis.bundle;

/**
 * One text file of a bundle.
 *
 * @param path the path inside the bundle, with {@code /} separators, e.g. {@code local/during/ss.txt}
 * @param text the file's text
 */
public record BundleFile(String path, String text) {

  /** The file name: the last path component. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
