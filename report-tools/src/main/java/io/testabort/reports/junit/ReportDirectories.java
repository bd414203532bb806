package io.testabort.reports.junit;

import io.testabort.crash.CrashRecord;
import io.testabort.reports.BatchReportPatcher;
import io.testabort.reports.ReportSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which of several JUnit XML report directories a crash goes to, so that it is added to one of them, not
 * to each (a CI page that reads Surefire's and Failsafe's reports together would count it twice).
 * Surefire and Failsafe share the argLine, so their JVMs leave markers in the same place: a crash goes to
 * the one directory that already holds a report of its class; else to Failsafe's when Failsafe would run
 * that class (its includes); else to the first other directory.
 */
public final class ReportDirectories {
  /** Failsafe's default includes. */
  public static final List<String> FAILSAFE_DEFAULT_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");

  private final List<Path> directories;
  private final Path failsafe;
  private final List<Pattern> failsafeIncludes = new ArrayList<>();

  /**
   * @param directories the report directories, in order
   * @param failsafe the one of them that is Failsafe's, or null
   * @param failsafeIncludes Failsafe's include patterns, or null when Failsafe is not in the build
   */
  public ReportDirectories(List<Path> directories, Path failsafe, List<String> failsafeIncludes) {
    if (directories.isEmpty() || (failsafe != null && !directories.contains(failsafe))) {
      throw new IllegalArgumentException("no directories, or Failsafe's is not one of them: " + directories);
    }
    this.directories = List.copyOf(directories);
    this.failsafe = failsafe;
    if (failsafeIncludes != null) {
      for (String include : failsafeIncludes) {
        this.failsafeIncludes.add(pattern(include));
      }
    }
  }

  public List<Path> directories() {
    return directories;
  }

  public Path directoryFor(CrashRecord crash) {
    String className = topLevelClass(crash);
    Path holder = null;
    int holders = 0;
    for (Path d : directories) {
      if (Files.exists(d.resolve("TEST-" + className + ".xml"))) {
        holder = holders == 0 ? d : holder;
        holders++;
      }
    }
    if (holders == 1) {
      return holder;
    }
    String path = className.replace('.', '/');
    for (Pattern include : failsafeIncludes) {
      // a glob is matched without the file's extension, a %regex[] against the class file's path
      if (include.matcher(path).matches() || include.matcher(path + ".class").matches()) {
        return failsafe;
      }
    }
    for (Path d : directories) {
      if (!d.equals(failsafe)) {
        return d;
      }
    }
    return failsafe;
  }

  /**
   * Adds every directory to {@code reports}, each given only the crashes that go to it. Where each goes
   * is decided before any of them is written: a report created in one directory must not move the next
   * crash of that class.
   */
  public ReportSet addTo(ReportSet reports) {
    Map<CrashRecord, Path> decided = new IdentityHashMap<>();
    for (Path dir : directories) {
      JUnitXmlReport junit = new JUnitXmlReport();
      BatchReportPatcher routed = (report, crashes, testfile) -> {
        List<CrashRecord> mine = new ArrayList<>();
        for (CrashRecord crash : crashes) {
          decided.computeIfAbsent(crash, c -> directoryFor(c));
        }
        for (CrashRecord crash : crashes) {
          if (decided.get(crash).equals(dir)) {
            mine.add(crash);
          }
        }
        return !mine.isEmpty() && junit.addCrashes(report, mine, testfile);
      };
      reports.addDirectory(dir, JUnitXmlReport.FILES, routed);
    }
    return reports;
  }

  /** The crashed test's top-level class: what Surefire and Failsafe select by their includes. */
  public static String topLevelClass(CrashRecord crash) {
    String cls = crash.string("test_class", "");
    if (cls.isEmpty()) {
      String nodeid = crash.string("nodeid", "");
      int hash = nodeid.indexOf('#');
      cls = hash < 0 ? nodeid : nodeid.substring(0, hash);
    }
    int dollar = cls.indexOf('$');
    return dollar < 0 ? cls : cls.substring(0, dollar);
  }

  /**
   * A Surefire include ({@code **}{@code /*IT.java}, {@code IT*}, {@code com/x/**}{@code /Foo.class}) as a
   * regex over a class's path without extension; a pattern without a folder matches in any folder, as in
   * Surefire. A {@code %regex[...]} include is its regex, matched against the class file's path
   * ({@code com/x/ServiceCheck.class}) as Surefire matches it.
   */
  public static Pattern pattern(String include) {
    String p = include.trim();
    if (p.startsWith("%regex[") && p.endsWith("]")) {
      try {
        return Pattern.compile(p.substring("%regex[".length(), p.length() - 1));
      } catch (PatternSyntaxException e) {
        return Pattern.compile("(?!)"); // Surefire would refuse it; here it just matches nothing
      }
    }
    p = p.replace('\\', '/').replaceAll("\\.(java|class)$", "");
    if (!p.contains("/")) {
      p = "**/" + p;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (p.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
