package io.testabort.reports.junit;

import io.testabort.crash.CrashRecord;
import io.testabort.reports.ReportSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Map<CrashRecord, Path> placed = new IdentityHashMap<>();

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

  /**
   * The directories as {@code run --junit-xml} names them: one called {@code failsafe-reports} is taken
   * for Failsafe's, with its default includes.
   */
  public static ReportDirectories named(List<Path> directories) {
    Path failsafe = null;
    for (Path d : directories) {
      if (d.getFileName() != null && d.getFileName().toString().equals("failsafe-reports")) {
        failsafe = d;
        break;
      }
    }
    return new ReportDirectories(directories, failsafe, failsafe == null ? null : FAILSAFE_DEFAULT_INCLUDES);
  }

  public List<Path> directories() {
    return directories;
  }

  /** Where a crash that no report holds yet would be created: {@link #creationDirectory} among all. */
  public Path directoryFor(CrashRecord crash) {
    String className = topLevelClass(crash);
    List<Path> holders = new ArrayList<>();
    for (Path d : directories) {
      if (Files.exists(d.resolve("TEST-" + className + ".xml"))) {
        holders.add(d);
      }
    }
    return holders.size() == 1 ? holders.get(0) : creationDirectory(crash, directories);
  }

  /**
   * Of {@code candidates}, where a new report of the crash goes: Failsafe's when Failsafe would run its
   * class (its includes), else the first other one.
   */
  Path creationDirectory(CrashRecord crash, List<Path> candidates) {
    String path = topLevelClass(crash).replace('.', '/');
    if (failsafe != null && candidates.contains(failsafe)) {
      for (Pattern include : failsafeIncludes) {
        // a glob is matched without the file's extension, a %regex[] against the class file's path
        if (include.matcher(path).matches() || include.matcher(path + ".class").matches()) {
          return failsafe;
        }
      }
    }
    for (Path d : candidates) {
      if (!d.equals(failsafe)) {
        return d;
      }
    }
    return candidates.get(0);
  }

  /**
   * Adds the directories to {@code reports} as one unit. Each crash is offered to every directory
   * first, without creating anything: one that holds a later run's {@code <skipped>} entry or its class's
   * suite takes it, one that shows it as an earlier patch wrote it has it. Only when none did, and some
   * hold nothing of its class, is a new report created, in one of those ({@link #creationDirectory}),
   * so a crash never counts twice, and a directory whose tool shows the test as it ran (another task of
   * the build) never stops it from being recorded where it crashed.
   */
  public ReportSet addTo(ReportSet reports) {
    reports.addDirectories(directories, JUnitXmlReport.FILES, (crashes, testfile) -> {
      JUnitXmlReport junit = new JUnitXmlReport();
      Set<Path> written = new LinkedHashSet<>();
      for (CrashRecord crash : crashes) {
        boolean shown = false;
        List<Path> absent = new ArrayList<>();
        for (Path dir : directories) {
          JUnitXmlReport.Outcome o = junit.patch(dir, crash, testfile, false);
          if (o == JUnitXmlReport.Outcome.WRITTEN) {
            written.add(dir);
            placed.put(crash, dir);
          }
          shown |= o == JUnitXmlReport.Outcome.WRITTEN || o == JUnitXmlReport.Outcome.OURS;
          if (o == JUnitXmlReport.Outcome.ABSENT) {
            absent.add(dir);
          }
        }
        if (!shown && !absent.isEmpty()) {
          Path dir = creationDirectory(crash, absent);
          junit.patch(dir, crash, testfile, true);
          written.add(dir);
          placed.put(crash, dir);
        }
      }
      List<Path> inOrder = new ArrayList<>();
      for (Path d : directories) {
        if (written.contains(d)) {
          inOrder.add(d);
        }
      }
      return inOrder;
    });
    return reports;
  }

  /** Where {@link #addTo}'s last patch put each crash it wrote. */
  public Map<CrashRecord, Path> placed() {
    return placed;
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
