package io.wgdiag.analysis.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Checks a page as a strict reader would: well-formed XML, unique ids, no broken anchor, nothing external. */
final class XhtmlCheck {
  private XhtmlCheck() {}

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setExpandEntityReferences(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e;
      }
    });
    return b.parse(new InputSource(new StringReader(html)));
  }

  static List<Element> all(Document d) {
    List<Element> out = new ArrayList<>();
    walk(d.getDocumentElement(), out);
    return out;
  }

  private static void walk(Element e, List<Element> out) {
    out.add(e);
    NodeList c = e.getChildNodes();
    for (int i = 0; i < c.getLength(); i++) {
      if (c.item(i).getNodeType() == Node.ELEMENT_NODE) {
        walk((Element) c.item(i), out);
      }
    }
  }

  /** Asserts the page's structure; returns the chart SVGs. */
  static List<Element> check(String html) throws Exception {
    Document d = parse(html);
    Element root = d.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("html");
    assertThat(root.getAttribute("lang")).isEqualTo("en");
    List<Element> els = all(d);
    Set<String> ids = new HashSet<>();
    List<String> hrefs = new ArrayList<>();
    List<Element> svgs = new ArrayList<>();
    int h1 = 0;
    boolean title = false;
    for (Element e : els) {
      String id = e.getAttribute("id");
      if (!id.isEmpty()) {
        assertThat(ids.add(id)).as("id " + id + " is unique").isTrue();
      }
      if (e.hasAttribute("href")) {
        hrefs.add(e.getAttribute("href"));
      }
      assertThat(e.hasAttribute("src")).as("nothing loaded from elsewhere: " + e.getLocalName()).isFalse();
      assertThat(e.getLocalName()).isNotIn("script", "iframe", "object", "embed", "link", "img");
      for (int i = 0; i < e.getAttributes().getLength(); i++) {
        assertThat(e.getAttributes().item(i).getNodeName()).as("no event handler attributes").doesNotStartWith("on");
      }
      if (e.getLocalName().equals("h1")) {
        h1++;
      }
      if (e.getLocalName().equals("title") && e.getParentNode().getLocalName().equals("head")) {
        title = !e.getTextContent().isBlank();
      }
      if (e.getLocalName().equals("svg")) {
        svgs.add(e);
      }
    }
    assertThat(h1).isEqualTo(1);
    assertThat(title).as("a non-empty <title>").isTrue();
    for (String h : hrefs) {
      assertThat(h).as("internal links only").startsWith("#");
      assertThat(ids).as("the target of " + h).contains(h.substring(1));
    }
    for (Element svg : svgs) {
      String labelled = svg.getAttribute("aria-labelledby");
      assertThat(svg.getAttribute("role")).isEqualTo("img");
      for (String ref : labelled.split(" ")) {
        assertThat(ids).as("svg label " + ref).contains(ref);
      }
      assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").getLength()).isPositive();
      assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()
          + svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength()).as("marks drawn").isPositive();
    }
    return svgs;
  }
}
