package io.testabort.reports.junit;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.HsErrLog;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.io.Inputs;
import io.testabort.reports.pytest.NodeId;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * JUnit XML reports (Surefire/Failsafe {@code TEST-*.xml}, Gradle, pytest {@code --junitxml}): the crash
 * becomes a {@code <testcase>} with an {@code <error>} in {@code DIR/TEST-<class>.xml}, created when
 * missing. An existing file is patched by splicing its text, so every other byte stays as written; a
 * {@code <skipped>} entry of the same test (a later run that skipped the crasher) is replaced.
 */
public final class JUnitXmlReport implements ReportPatcher {
  /** The files of a report directory this patcher reads and writes. */
  public static final String FILES = "TEST-*.xml";

  /** @param report the report directory */
  @Override
  public boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    if (Files.exists(report) && !Files.isDirectory(report)) {
      throw new BadInputException(report, "not a directory (--junit-xml takes the report directory)");
    }
    TestName test = TestName.of(NodeId.of(crash.nodeid(), testfile), crash.string("unique_id", ""),
        "testng".equals(crash.string("framework", "")) ? crash.string("display_name", null) : null);
    Path file = report.resolve("TEST-" + test.classname.replace('/', '_').replace('\0', '_') + ".xml");
    if (!Files.exists(file)) {
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<testsuite name=\"" + Xml.attribute(test.classname) + "\" time=\"" + seconds(crash) + "\" tests=\"1\" errors=\"1\" skipped=\"0\" failures=\"0\">\n"
          + testcase(test, crash, "  ") + "\n</testsuite>\n";
      AtomicFiles.write(file, xml.getBytes(StandardCharsets.UTF_8));
      return true;
    }
    String text = Inputs.readUtf8(file);
    String patched = patch(file, text, test, crash);
    if (patched == null) {
      return false;
    }
    AtomicFiles.write(file, patched.getBytes(StandardCharsets.UTF_8));
    return true;
  }

  /** The patched text, or null when the report already shows the test. */
  private static String patch(Path file, String text, TestName test, CrashRecord crash) throws BadInputException {
    String xml = text.startsWith("\ufeff") ? text.substring(1) : text;
    checkWellFormed(file, xml);
    XmlElements.Element root = XmlElements.scan(xml);
    XmlElements.Element suite = root.name.equals("testsuite") ? root : firstChild(root, "testsuite");
    if (!root.name.equals("testsuites") && !root.name.equals("testsuite") || suite == null) {
      throw new BadInputException(file, "not a JUnit XML report (no <testsuite>)");
    }
    XmlElements.Element existing = findTestcase(root, test);
    if (existing != null && (!existing.hasChild("skipped") || existing.hasChild("error") || existing.hasChild("failure"))) {
      return null;
    }
    // text splices keyed by start offset, applied from the end so earlier offsets stay valid
    TreeMap<Integer, Splice> splices = new TreeMap<>();
    XmlElements.Element target = existing != null ? existing.parent : suite;
    if (existing != null) {
      String replacement = testcase(test, crash, "").replace("\n", "\n" + indentOf(xml, existing.start));
      splices.put(existing.start, new Splice(existing.end, replacement));
    } else {
      insert(xml, target, testcase -> testcase(test, crash, testcase), splices);
    }
    recount(xml, target, existing != null ? 0 : 1, existing != null ? -1 : 0, splices);
    StringBuilder out = new StringBuilder(xml);
    for (Map.Entry<Integer, Splice> e : splices.descendingMap().entrySet()) {
      out.replace(e.getKey(), e.getValue().end, e.getValue().text);
    }
    return text.substring(0, text.length() - xml.length()) + out;
  }

  /** Adds the splice that puts a new test case (from its indentation) last into {@code suite}. */
  private static void insert(String xml, XmlElements.Element suite, Function<String, String> testcase, Map<Integer, Splice> splices) {
    if (suite.endTagStart == suite.startTagEnd - 2) {
      // <testsuite .../>: reopen it to hold the test case
      String open = xml.substring(suite.start, suite.startTagEnd - 2).replaceAll("\\s+$", "") + ">";
      String indent = indentOf(xml, suite.start);
      splices.put(suite.start, new Splice(suite.end, open + "\n" + testcase.apply(indent + "  ") + "\n" + indent + "</" + suite.name + ">"));
      return;
    }
    int lineStart = xml.lastIndexOf('\n', suite.endTagStart - 1) + 1;
    if (lineStart > 0 && xml.substring(lineStart, suite.endTagStart).isBlank()) {
      // the end tag has a line of its own: the test case gets one too, indented like its siblings
      String indent = suite.children.isEmpty() ? indentOf(xml, suite.endTagStart) + "  " : indentOf(xml, last(suite.children).start);
      splices.put(lineStart, new Splice(lineStart, testcase.apply(indent) + "\n"));
    } else {
      splices.put(suite.endTagStart, new Splice(suite.endTagStart, testcase.apply("")));
    }
  }

  /** Adds splices that adjust the counts of {@code suite} and of the {@code <testsuites>} around it. */
  private static void recount(String xml, XmlElements.Element suite, int tests, int skipped, Map<Integer, Splice> splices) {
    for (XmlElements.Element counted : countedAncestors(suite)) {
      Splice reopened = splices.get(counted.start);
      if (reopened != null) {
        // the reopened suite: its start tag begins the replacement
        int tagEnd = reopened.text.indexOf('>') + 1;
        reopened.text = recount(reopened.text.substring(0, tagEnd), counted, tests, skipped) + reopened.text.substring(tagEnd);
      } else {
        splices.put(counted.start, new Splice(counted.startTagEnd, recount(xml.substring(counted.start, counted.startTagEnd), counted, tests, skipped)));
      }
    }
  }

  /** Text that replaces the document from a start offset (the map key) to {@code end}. */
  private static final class Splice {
    final int end;
    String text;

    Splice(int end, String text) {
      this.end = end;
      this.text = text;
    }
  }

  private static void checkWellFormed(Path file, String xml) throws BadInputException {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new InputSource(new StringReader(xml)), new DefaultHandler());
    } catch (SAXParseException e) {
      throw new BadInputException(file, "not well-formed XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new BadInputException(file, "cannot parse XML: " + e.getMessage(), e);
    }
  }

  private static XmlElements.Element firstChild(XmlElements.Element parent, String name) {
    return parent.children.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
  }

  private static XmlElements.Element last(List<XmlElements.Element> list) {
    return list.get(list.size() - 1);
  }

  private static XmlElements.Element findTestcase(XmlElements.Element e, TestName test) {
    if (e.name.equals("testcase") && test.classname.equals(e.attributes.get("classname")) && test.name.equals(e.attributes.get("name"))) {
      return e;
    }
    for (XmlElements.Element c : e.children) {
      XmlElements.Element found = findTestcase(c, test);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The suite that holds the test case, and the {@code <testsuites>} around it, whose counts change. */
  private static List<XmlElements.Element> countedAncestors(XmlElements.Element suite) {
    List<XmlElements.Element> counted = new ArrayList<>();
    for (XmlElements.Element e = suite; e != null; e = e.parent) {
      if (e.name.equals("testsuite") || e.name.equals("testsuites")) {
        counted.add(e);
      }
    }
    return counted;
  }

  private static final Pattern COUNT = Pattern.compile("(\\s)(tests|errors|skipped)(\\s*=\\s*)([\"'])(\\d+)\\4");

  /** The start tag with {@code tests}, {@code errors} and {@code skipped} adjusted; a missing count is added. */
  private static String recount(String startTag, XmlElements.Element e, int tests, int skipped) {
    Map<String, Integer> delta = Map.of("tests", tests, "errors", 1, "skipped", skipped);
    Matcher m = COUNT.matcher(startTag);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      // never below 0: Surefire itself sometimes writes counts lower than its test cases
      int value = Math.max(0, Integer.parseInt(m.group(5)) + delta.get(m.group(2)));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3) + m.group(4) + value + m.group(4)));
    }
    m.appendTail(out);
    String tag = out.toString();
    // <testsuites> without counts (newer pytest) stays without; a suite always gets consistent ones
    if (e.name.equals("testsuite")) {
      for (String key : List.of("tests", "errors")) {
        if (!e.attributes.containsKey(key)) {
          int close = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
          tag = tag.substring(0, close) + " " + key + "=\"" + (key.equals("tests") ? Math.max(tests, 1) : 1) + "\"" + tag.substring(close);
        }
      }
    }
    return tag;
  }

  /** The whitespace before offset {@code at} on its line (empty when other text precedes it). */
  private static String indentOf(String xml, int at) {
    int lineStart = xml.lastIndexOf('\n', at - 1) + 1;
    String before = xml.substring(lineStart, at);
    return before.isBlank() ? before : "";
  }

  private static String testcase(TestName test, CrashRecord crash, String indent) {
    String reason = crash.reason();
    StringBuilder s = new StringBuilder()
        .append(indent).append("<testcase name=\"").append(Xml.attribute(test.name))
        .append("\" classname=\"").append(Xml.attribute(test.classname))
        .append("\" time=\"").append(seconds(crash)).append("\">\n")
        .append(indent).append("  <error message=\"").append(Xml.attribute(reason))
        .append("\" type=\"").append(Xml.attribute(errorType(crash))).append("\">")
        .append(Xml.text(reason)).append("</error>\n");
    String hsErr = hsErrHead(crash);
    if (hsErr != null) {
      s.append(indent).append("  <system-err>").append(Xml.cdata(hsErr)).append("</system-err>\n");
    }
    return s.append(indent).append("</testcase>").toString();
  }

  /** What killed the test: the signal, a System.exit, or a crash of unknown kind. */
  private static String errorType(CrashRecord crash) {
    if (crash.fields().get("signal") != null) {
      return crash.string("signal", "");
    }
    return crash.fields().get("exit_code") != null ? "exit" : "crash";
  }

  private static String seconds(CrashRecord crash) {
    return String.format(Locale.ROOT, "%.3f", crash.duration());
  }

  /** The start of the JVM's fatal error log and its Java frames, or null without one. */
  private static String hsErrHead(CrashRecord crash) {
    Object errorFile = crash.fields().get("error_file");
    if (!(errorFile instanceof String) || !Files.isRegularFile(Path.of((String) errorFile))) {
      return null;
    }
    try {
      HsErrLog log = HsErrLog.read(Path.of((String) errorFile));
      StringBuilder s = new StringBuilder(log.header()).append("\nJava frames of the crashed thread:\n");
      log.javaFrames().forEach(f -> s.append(f).append('\n'));
      return s.append("\nFull log: ").append(errorFile).append('\n').toString();
    } catch (BadInputException e) {
      return null; // the reason alone still says how the test died
    }
  }

  /** The names a JUnit XML writer gives a test: {@code classname} and {@code name}. */
  static final class TestName {
    final String classname;
    final String name;

    private TestName(String classname, String name) {
      // as the names will read back from the file: what XML cannot hold is spelled out
      this.classname = Xml.legal(classname);
      this.name = Xml.legal(name);
    }

    // JUnit Platform ids of one parameterized invocation: [test-template:divides(int, int)]/[test-template-invocation:#2]
    private static final Pattern TEMPLATE_INVOCATION =
        Pattern.compile("/\\[test-template:([^(\\]]+)\\(([^)]*)\\)\\]/\\[test-template-invocation:#(\\d+)\\]$");

    /**
     * A JVM id {@code com.x.CalcTest#divides[2]} is class and method; a JUnit Platform parameterized
     * invocation is named as Surefire names it, {@code divides(int, int)[2]}, from its unique id. A pytest
     * id {@code tests/test_x.py::TestA::test_b} is {@code tests.test_x.TestA} and {@code test_b}, as
     * pytest's junitxml names them. A TestNG invocation has the name the agent recorded as its display
     * name, which is Surefire's ({@code schedules[09:00, 30, 09:30](1)}).
     */
    static TestName of(NodeId id, String uniqueId, String surefireTestNgName) {
      if (!id.isPytest() && surefireTestNgName != null) {
        return new TestName(id.file(), surefireTestNgName);
      }
      Matcher m = TEMPLATE_INVOCATION.matcher(uniqueId);
      if (!id.isPytest() && m.find()) {
        String types = List.of(m.group(2).split(",")).stream()
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .map(t -> t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1))
            .collect(Collectors.joining(", "));
        return new TestName(id.file(), m.group(1) + "(" + types + ")[" + m.group(3) + "]");
      }
      if (!id.isPytest()) {
        return new TestName(id.file(), id.name());
      }
      String module = id.file().substring(0, id.file().length() - ".py".length()).replace('/', '.');
      String[] parts = id.id().split("::", -1);
      StringBuilder classname = new StringBuilder(module);
      for (int i = 1; i < parts.length - 1; i++) {
        classname.append('.').append(parts[i]);
      }
      return new TestName(classname.toString(), id.name());
    }
  }
}
