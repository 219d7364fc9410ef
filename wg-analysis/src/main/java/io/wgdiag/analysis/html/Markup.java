package io.wgdiag.analysis.html;

/**
 * Writes XHTML-compatible HTML5 (and SVG) into a buffer: every element closed, every attribute
 * quoted, every piece of text escaped and passed through {@link Secrets}.
 */
final class Markup {
  private final StringBuilder out;
  private final Secrets secrets;

  Markup(StringBuilder out, Secrets secrets) {
    this.out = out;
    this.secrets = secrets;
  }

  /** Opens {@code tag} with attributes given as name, value pairs. */
  Markup open(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  /** An empty element, {@code <tag .../>}. */
  Markup empty(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  /** Closes {@code tag}. */
  Markup close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** {@code <tag ...>text</tag>}. */
  Markup element(String tag, String text, String... attributes) {
    open(tag, attributes);
    text(text);
    return close(tag);
  }

  /** Escaped, masked text. */
  Markup text(String text) {
    escape(secrets.mask(text), out);
    return this;
  }

  /** A newline, to keep the source readable. */
  Markup nl() {
    out.append('\n');
    return this;
  }

  /** Markup made elsewhere by this class's rules. */
  Markup raw(String markup) {
    out.append(markup);
    return this;
  }

  private void attributes(String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"");
      escape(secrets.mask(attributes[i + 1]), out);
      out.append('"');
    }
  }

  /** Escapes {@code & < > " '} and drops the control characters XML cannot hold. */
  static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append('\uFFFD'); // ANSI escapes and other controls are not allowed in XML
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** {@code s} escaped. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    escape(s, b);
    return b.toString();
  }
}
