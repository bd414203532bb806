package io.testabort.reports.junit;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.HsErrLog;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.io.Inputs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * JUnit XML reports (Surefire/Failsafe {@code TEST-*.xml}, Gradle's {@code build/test-results/<task>},
 * pytest {@code --junitxml}): the crash becomes a {@code <testcase>} with an {@code <error>}.
 *
 * <p>The test case goes where the directory's {@link ReportLayout layout} puts it: a {@code <skipped>}
 * entry of the same test in any report of the directory (a later run that skipped the crasher) is
 * replaced; otherwise it joins the report that already holds its class (Surefire reports a JUnit Jupiter
 * {@code @Nested} class in its top-level class's file); only when no report holds the class is a file
 * created, named and shaped as the tool that wrote the directory would. An existing file is patched by
 * splicing its text, so every other byte stays as written, and its counts are then set to what its test
 * cases say ({@link SuiteCounts}).
 */
public final class JUnitXmlReport implements ReportPatcher {
  /** The files of a report directory this patcher reads and writes. */
  public static final String FILES = "TEST-*.xml";

  /** What {@link #patch} found in a directory for one crash. */
  public enum Outcome {
    /** The crash was written (a later run's skipped entry replaced, added to its class's suite, a new file). */
    WRITTEN,
    /** The directory shows it as an earlier patch wrote it. */
    OURS,
    /** The tool's own report there shows how the test ended. */
    TOOLS,
    /** No report there holds the test or its class, and none was created. */
    ABSENT
  }

  /** @param report the report directory */
  @Override
  public boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    return patch(report, crash, testfile, true) == Outcome.WRITTEN;
  }

  /**
   * Adds {@code crash} to the report directory {@code report} where its tool would show it; with
   * {@code mayCreate} false, a directory that holds nothing of the test's class is left as it is
   * ({@link Outcome#ABSENT}), so that of several directories only one gets a new file.
   */
  public Outcome patch(Path report, CrashRecord crash, String testfile, boolean mayCreate)
      throws BadInputException, IOException {
    if (Files.exists(report) && !Files.isDirectory(report)) {
      throw new BadInputException(report, "not a directory (--junit-xml takes the report directory)");
    }
    List<Path> reports = reports(report);
    ReportLayout layout = ReportLayout.detect(report, reports);
    TestName test = TestName.of(crash, testfile, layout);
    Path own = report.resolve(ReportLayout.fileName(layout.fileClass(test, crash)));

    Report target = null; // where the crash goes, best first: a skipped entry, a suite of the class, the own file
    XmlElements.Element at = null;
    int rank = 3;
    Map<Report, XmlElements.Element> ours = new LinkedHashMap<>(); // this crash as we wrote it in an earlier run
    for (Path file : reports) {
      // a report that cannot hold the test is not worth parsing, nor refusing when it is not a usable report
      if (!file.equals(own) && !new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(test.simpleClassName())) {
        continue;
      }
      Report r = Report.read(file);
      for (XmlElements.Element existing : findTestcases(r.xml, r.root, test)) {
        if (isOurs(existing, crash)) {
          ours.put(r, existing);
        } else if (!existing.hasChild("skipped") || existing.hasChild("error") || existing.hasChild("failure")) {
          return Outcome.TOOLS; // the tool's report shows how this test ended
        } else if (rank > 0) {
          target = r;
          at = existing;
          rank = 0;
        }
      }
      XmlElements.Element suite = rank > 1 ? suiteOf(r.root, test.classname) : null;
      if (suite != null || rank > 2 && file.equals(own)) {
        target = r;
        at = suite != null ? suite : r.suite;
        rank = suite != null ? 1 : 2;
      }
    }
    if (rank > 0 && !ours.isEmpty()) {
      return Outcome.OURS; // shown as we wrote it, and no later run's <skipped> entry to replace
    }
    if (rank == 0) {
      // a later run's report skipped the test the crash is already in: that entry becomes the crash, and
      // the one we wrote when no report held the class goes, so the test counts once
      for (Map.Entry<Report, XmlElements.Element> stale : ours.entrySet()) {
        Report r = stale.getKey();
        if (r == target) {
          continue; // never in practice: the tool rewrote the file we had written into
        }
        String without = r.remove(stale.getValue());
        if (XmlElements.scan(without.startsWith("\ufeff") ? without.substring(1) : without).children.stream().noneMatch(JUnitXmlReport::holdsTestcases)) {
          Files.delete(r.file);
        } else {
          AtomicFiles.write(r.file, without.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    if (target == null) {
      if (!mayCreate) {
        return Outcome.ABSENT;
      }
      String xml = layout.newReport(layout.fileClass(test, crash), testcase(test, crash, layout, "  "), seconds(crash));
      AtomicFiles.write(own, xml.getBytes(StandardCharsets.UTF_8));
      return Outcome.WRITTEN;
    }
    AtomicFiles.write(target.file, target.patch(at, test, crash, layout).getBytes(StandardCharsets.UTF_8));
    return Outcome.WRITTEN;
  }

  /** The directory's reports, in name order. */
  private static List<Path> reports(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, FILES)) {
        s.forEach(f -> {
          if (Files.isRegularFile(f)) {
            files.add(f);
          }
        });
      }
    }
    files.sort(null);
    return files;
  }

  /** One parsed report, and the element a crash goes into: a skipped test case, or a suite. */
  private static final class Report {
    final Path file;
    final String text;
    final String xml;
    final XmlElements.Element root;
    final XmlElements.Element suite;

    private Report(Path file, String text, String xml, XmlElements.Element root, XmlElements.Element suite) {
      this.file = file;
      this.text = text;
      this.xml = xml;
      this.root = root;
      this.suite = suite;
    }

    static Report read(Path file) throws BadInputException {
      String text = Inputs.readUtf8(file);
      String xml = text.startsWith("\ufeff") ? text.substring(1) : text;
      checkWellFormed(file, xml);
      XmlElements.Element root = XmlElements.scan(xml);
      XmlElements.Element suite = root.name.equals("testsuite") ? root : firstChild(root, "testsuite");
      if (!root.name.equals("testsuites") && !root.name.equals("testsuite") || suite == null) {
        throw new BadInputException(file, "not a JUnit XML report (no <testsuite>)");
      }
      return new Report(file, text, xml, root, suite);
    }

    /** The text without test case {@code testcase} (and its line, when it has one of its own); counts set. */
    String remove(XmlElements.Element testcase) {
      int from = testcase.start;
      int to = testcase.end;
      int lineStart = xml.lastIndexOf('\n', from - 1) + 1;
      int lineEnd = xml.indexOf('\n', to);
      if (xml.substring(lineStart, from).isBlank() && (lineEnd < 0 ? xml.substring(to) : xml.substring(to, lineEnd)).isBlank()) {
        from = lineStart;
        to = lineEnd < 0 ? xml.length() : lineEnd + 1;
      }
      String out = xml.substring(0, from) + xml.substring(to);
      return text.substring(0, text.length() - xml.length()) + SuiteCounts.recount(out);
    }

    /** The text with the crash in place of the skipped test case, or added to the suite; counts set. */
    String patch(XmlElements.Element at, TestName test, CrashRecord crash, ReportLayout layout) {
      // text splices keyed by start offset, applied from the end so earlier offsets stay valid
      TreeMap<Integer, Splice> splices = new TreeMap<>();
      if (at.name.equals("testcase")) {
        // the skipped entry's own indentation stays before it; only the tags' lines get it, never the text
        String replacement = testcase(test, crash, layout, "", indentOf(xml, at.start));
        splices.put(at.start, new Splice(at.end, replacement));
      } else {
        insert(xml, at, indent -> testcase(test, crash, layout, indent), splices);
      }
      StringBuilder out = new StringBuilder(xml);
      for (Map.Entry<Integer, Splice> e : splices.descendingMap().entrySet()) {
        out.replace(e.getKey(), e.getValue().end, e.getValue().text);
      }
      return text.substring(0, text.length() - xml.length()) + SuiteCounts.recount(out.toString());
    }
  }

  /** A test case as {@link #testcase} writes this crash: its error has the crash's reason and type. */
  private static boolean isOurs(XmlElements.Element testcase, CrashRecord crash) {
    return testcase.children.stream().anyMatch(c -> c.name.equals("error")
        && Xml.legal(crash.reason()).equals(c.attributes.get("message"))
        && Xml.legal(errorType(crash)).equals(c.attributes.get("type")));
  }

  private static boolean holdsTestcases(XmlElements.Element e) {
    return e.name.equals("testcase") || e.children.stream().anyMatch(JUnitXmlReport::holdsTestcases);
  }

  /** The suite holding test cases of {@code classname}, or named after it; null if none. */
  private static XmlElements.Element suiteOf(XmlElements.Element e, String classname) {
    if (e.name.equals("testsuite") && classname.equals(e.attributes.get("name"))) {
      return e;
    }
    for (XmlElements.Element c : e.children) {
      if (c.name.equals("testcase") && classname.equals(c.attributes.get("classname"))) {
        return e;
      }
      XmlElements.Element found = c.name.equals("testcase") ? null : suiteOf(c, classname);
      if (found != null) {
        return found;
      }
    }
    return null;
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

  /**
   * The test cases of {@code test} under {@code e}, in document order: by the unique id the console
   * launcher writes into a test case's {@code <system-out>}, else by class and any name a tool gives the test.
   */
  private static List<XmlElements.Element> findTestcases(String xml, XmlElements.Element e, TestName test) {
    List<XmlElements.Element> found = new ArrayList<>();
    if (e.name.equals("testcase")) {
      // a unique id, where the console launcher wrote one, decides: its names are the same for every
      // invocation of a @ParameterizedClass
      String uniqueId = test.uniqueId.isEmpty() ? null : uniqueIdOf(xml, e);
      if (uniqueId != null ? uniqueId.equals(test.uniqueId) : test.isNamed(e.attributes.get("classname"), e.attributes.get("name"))) {
        found.add(e);
      }
      return found;
    }
    for (XmlElements.Element c : e.children) {
      found.addAll(findTestcases(xml, c, test));
    }
    return found;
  }

  private static final String UNIQUE_ID_LINE = "\nunique-id: ";

  /** The {@code unique-id: } line of a test case's {@code <system-out>}, as the console launcher writes it, or null. */
  private static String uniqueIdOf(String xml, XmlElements.Element testcase) {
    for (XmlElements.Element c : testcase.children) {
      if (c.name.equals("system-out") && c.endTagStart > c.startTagEnd) {
        String out = xml.substring(c.startTagEnd, c.endTagStart);
        int at = out.indexOf(UNIQUE_ID_LINE);
        if (at >= 0) {
          int from = at + UNIQUE_ID_LINE.length();
          int end = out.indexOf('\n', from);
          return out.substring(from, end < 0 ? out.length() : end);
        }
      }
    }
    return null;
  }

  /** The whitespace before offset {@code at} on its line (empty when other text precedes it). */
  private static String indentOf(String xml, int at) {
    int lineStart = xml.lastIndexOf('\n', at - 1) + 1;
    String before = xml.substring(lineStart, at);
    return before.isBlank() ? before : "";
  }

  private static String testcase(TestName test, CrashRecord crash, ReportLayout layout, String indent) {
    return testcase(test, crash, layout, indent, indent);
  }

  /** The test case, its first line after {@code first}, its other tags' lines after {@code indent}. */
  private static String testcase(TestName test, CrashRecord crash, ReportLayout layout, String first, String indent) {
    String reason = crash.reason();
    StringBuilder s = new StringBuilder()
        .append(first).append("<testcase name=\"").append(Xml.attribute(test.name))
        .append("\" classname=\"").append(Xml.attribute(test.classname))
        .append("\" time=\"").append(seconds(crash)).append("\">\n")
        .append(indent).append("  <error message=\"").append(Xml.attribute(reason))
        .append("\" type=\"").append(Xml.attribute(errorType(crash))).append("\">")
        .append(Xml.text(reason)).append("</error>\n");
    if (layout == ReportLayout.PLATFORM && !test.uniqueId.isEmpty()) {
      // as the console launcher writes every test case: a later patch finds this one by its unique id
      String displayName = crash.string("display_name", null);
      s.append(indent).append("  <system-out>").append(Xml.cdata("\nunique-id: " + test.uniqueId + "\n"
          + (displayName == null ? "" : "display-name: " + displayName + "\n"))).append("</system-out>\n");
    }
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

  /** The crash's duration as JUnit XML writes a time; one that is negative (a clock set back) or not a number is 0. */
  private static String seconds(CrashRecord crash) {
    double d = crash.duration();
    return String.format(Locale.ROOT, "%.3f", Double.isFinite(d) && d > 0 ? d : 0.0);
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
}
