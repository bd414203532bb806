package io.testabort.reports.junit;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.HsErrLog;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.io.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * JUnit XML reports (Surefire/Failsafe {@code TEST-*.xml}, Gradle's {@code build/test-results/<task>}, the
 * JUnit console launcher's {@code --reports-dir}, pytest {@code --junitxml}): the crash becomes a
 * {@code <testcase>} with an {@code <error>}.
 *
 * <p>The test case goes where the directory's {@link ReportLayout layout} puts it: a {@code <skipped>}
 * entry of the same test in any report of the directory (a later run that skipped the crasher) is
 * replaced; otherwise it joins the report that already holds its class (Surefire reports a JUnit Jupiter
 * {@code @Nested} class in its top-level class's file); only when no report holds the class is a file
 * created, named and shaped as the tool that wrote the directory would. An existing file is scanned once
 * ({@link ReportScan}) and written as its own bytes around the edits ({@link ReportEdits}), so every other
 * byte stays as written and no report is held in memory; its counts are set to what its test cases say
 * ({@link SuiteCounts}).
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

    ReportScan target = null; // where the crash goes, best first: a skipped entry, a suite of the class, the own file
    ReportScan.Case skippedEntry = null;
    ReportScan.Suite suite = null;
    int rank = 3;
    Map<ReportScan, ReportScan.Case> ours = new LinkedHashMap<>(); // this crash as we wrote it in an earlier run
    byte[] simpleName = test.simpleClassName().getBytes(StandardCharsets.UTF_8);
    for (Path file : reports) {
      // a report that cannot hold the test is not worth parsing, nor refusing when it is not a usable report
      if (!file.equals(own) && !contains(file, simpleName)) {
        continue;
      }
      ReportScan r = read(file);
      for (ReportScan.Case existing : findTestcases(r, test)) {
        if (isOurs(existing, crash)) {
          ours.put(r, existing);
        } else if (!existing.skipped || existing.error || existing.failure) {
          return Outcome.TOOLS; // the tool's report shows how this test ended
        } else if (rank > 0) {
          target = r;
          skippedEntry = existing;
          rank = 0;
        }
      }
      ReportScan.Suite ofClass = rank > 1 ? suiteOf(r.root, test.classname) : null;
      if (ofClass != null || rank > 2 && file.equals(own)) {
        target = r;
        suite = ofClass != null ? ofClass : r.firstSuite;
        rank = ofClass != null ? 1 : 2;
      }
    }
    if (rank > 0 && !ours.isEmpty()) {
      return Outcome.OURS; // shown as we wrote it, and no later run's <skipped> entry to replace
    }
    if (rank == 0) {
      // a later run's report skipped the test the crash is already in: that entry becomes the crash, and
      // the one we wrote when no report held the class goes, so the test counts once
      for (Map.Entry<ReportScan, ReportScan.Case> stale : ours.entrySet()) {
        ReportScan r = stale.getKey();
        if (r == target) {
          continue; // never in practice: the tool rewrote the file we had written into
        }
        if (r.cases.size() == 1) {
          Files.delete(r.file);
        } else {
          ReportEdits edits = new ReportEdits();
          Map<ReportScan.Case, int[]> changed = new HashMap<>();
          changed.put(stale.getValue(), null);
          remove(stale.getValue(), edits);
          recount(r, changed, null, null, edits);
          AtomicFiles.write(r.file, out -> edits.writeTo(r.file, out));
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
    ReportScan into = target;
    ReportEdits edits = new ReportEdits();
    int[] crashCounts = SuiteCounts.of(true, false, false);
    if (skippedEntry != null) {
      // the skipped entry's own indentation stays before it; only the tags' lines get it, never the text
      edits.replace(skippedEntry.start, skippedEntry.end, testcase(test, crash, layout, "", skippedEntry.indent));
      Map<ReportScan.Case, int[]> changed = new HashMap<>();
      changed.put(skippedEntry, crashCounts);
      recount(into, changed, null, null, edits);
    } else {
      recount(into, Map.of(), suite, crashCounts, edits);
      insert(suite, indent -> testcase(test, crash, layout, indent), edits, into);
    }
    AtomicFiles.write(into.file, out -> edits.writeTo(into.file, out));
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

  /** A report checked by a real parser, then scanned. */
  private static ReportScan read(Path file) throws BadInputException {
    checkWellFormed(file);
    try {
      return ReportScan.of(file);
    } catch (IOException e) {
      throw Inputs.unreadable(file, e);
    }
  }

  /** Whether {@code file}'s bytes hold {@code needle}, read in blocks, not whole. */
  static boolean contains(Path file, byte[] needle) throws BadInputException {
    if (needle.length == 0) {
      return true;
    }
    byte[] buf = new byte[1 << 16];
    int kept = 0; // bytes carried over from the block before, so a match across blocks is found
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf, kept, buf.length - kept)) > 0) {
        int end = kept + n;
        for (int i = 0; i + needle.length <= end; i++) {
          if (buf[i] == needle[0] && matches(buf, i, needle)) {
            return true;
          }
        }
        kept = Math.min(needle.length - 1, end);
        System.arraycopy(buf, end - kept, buf, 0, kept);
      }
      return false;
    } catch (IOException e) {
      throw Inputs.unreadable(file, e);
    }
  }

  private static boolean matches(byte[] buf, int at, byte[] needle) {
    for (int j = 1; j < needle.length; j++) {
      if (buf[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  /** Removes a test case, with its line when it has one of its own. */
  private static void remove(ReportScan.Case c, ReportEdits edits) {
    if (c.blankBefore && c.blankAfter) {
      edits.replace(c.lineStart, c.lineEnd, "");
    } else {
      edits.replace(c.start, c.end, "");
    }
  }

  /**
   * Sets every suite's counts to what its test cases say once the edits are made: {@code changed} maps a
   * test case to its new counts (null: removed), and {@code added} (when not null) joins {@code into}.
   * A suite that is about to be reopened ({@code <testsuite/>}) gets its counts from {@link #insert}.
   */
  private static int[] recount(ReportScan r, Map<ReportScan.Case, int[]> changed, ReportScan.Suite into, int[] added,
      ReportEdits edits) {
    return recount(r.root, changed, into, added, edits);
  }

  private static int[] recount(ReportScan.Suite s, Map<ReportScan.Case, int[]> changed, ReportScan.Suite into, int[] added,
      ReportEdits edits) {
    int[] counts = new int[4];
    for (ReportScan.Case c : s.cases) {
      if (changed.containsKey(c)) {
        if (changed.get(c) != null) {
          SuiteCounts.add(counts, changed.get(c));
        }
      } else {
        SuiteCounts.add(counts, SuiteCounts.of(c.error, c.failure, c.skipped));
      }
    }
    for (ReportScan.Suite child : s.suites) {
      SuiteCounts.add(counts, recount(child, changed, into, added, edits));
    }
    if (s == into) {
      SuiteCounts.add(counts, added);
    }
    String tag = SuiteCounts.startTag(s, counts);
    s.countedStartTag = tag;
    if (!tag.equals(s.startTag) && !(s == into && s.selfClosing())) {
      edits.replace(s.start, s.startTagEnd, tag);
    }
    return counts;
  }

  /** A test case as {@link #testcase} writes this crash: its error has the crash's reason and type. */
  private static boolean isOurs(ReportScan.Case c, CrashRecord crash) {
    return c.error && Xml.legal(crash.reason()).equals(c.errorMessage) && Xml.legal(errorType(crash)).equals(c.errorType);
  }

  /** The suite holding test cases of {@code classname}, or named after it; null if none. */
  private static ReportScan.Suite suiteOf(ReportScan.Suite s, String classname) {
    if (s.name.equals("testsuite") && classname.equals(s.attributes.get("name"))) {
      return s;
    }
    for (ReportScan.Case c : s.cases) {
      if (classname.equals(c.classname)) {
        return s;
      }
    }
    for (ReportScan.Suite child : s.suites) {
      ReportScan.Suite found = suiteOf(child, classname);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Adds the edit that puts a new test case (from its indentation) last into {@code suite}. */
  private static void insert(ReportScan.Suite suite, Function<String, String> testcase, ReportEdits edits, ReportScan r) {
    if (suite.selfClosing()) {
      // <testsuite .../>: reopen it to hold the test case
      String tag = suite.countedStartTag;
      String open = tag.substring(0, tag.length() - 2).replaceAll("\\s+$", "") + ">";
      edits.replace(suite.start, suite.end, open + "\n" + testcase.apply(suite.indent + "  ") + "\n" + suite.indent + "</" + suite.name + ">");
      return;
    }
    if (suite.endTagOwnLine) {
      // the end tag has a line of its own: the test case gets one too, indented like its siblings
      String indent = suite.lastChildIndent == null ? suite.endTagIndent + "  " : suite.lastChildIndent;
      edits.replace(suite.endTagLineStart, suite.endTagLineStart, testcase.apply(indent) + "\n");
    } else {
      edits.replace(suite.endTagStart, suite.endTagStart, testcase.apply(""));
    }
  }

  private static void checkWellFormed(Path file) throws BadInputException {
    try (InputStream in = Files.newInputStream(file)) {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new InputSource(in), new DefaultHandler());
    } catch (SAXParseException e) {
      throw new BadInputException(file, "not well-formed XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new BadInputException(file, "cannot parse XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw Inputs.unreadable(file, e);
    }
  }

  /**
   * The test cases of {@code test} in the report, in document order: by the unique id the console
   * launcher writes into a test case's {@code <system-out>}, else by class and any name a tool gives the test.
   */
  private static List<ReportScan.Case> findTestcases(ReportScan r, TestName test) {
    List<ReportScan.Case> found = new ArrayList<>();
    for (ReportScan.Case c : r.cases) {
      // a unique id, where the console launcher wrote one, decides: its names are the same for every
      // invocation of a @ParameterizedClass
      String uniqueId = test.uniqueId.isEmpty() ? null : c.uniqueId;
      if (uniqueId != null ? uniqueId.equals(test.uniqueId) : test.isNamed(c.classname, c.name)) {
        found.add(c);
      }
    }
    return found;
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
