package io.testabort.maven;

import io.testabort.crash.CrashRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which report directory a crash belongs to. Surefire and Failsafe share the argLine, so their JVMs leave
 * markers in the same place; a crash goes to Failsafe's reports when its class already has a report there
 * and not in Surefire's, or when Failsafe is in the build and would run that class (its includes), else
 * to Surefire's.
 */
final class ReportDirectories {
  /** Failsafe's default includes. */
  static final List<String> FAILSAFE_DEFAULT_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");

  private final Path surefire;
  private final Path failsafe;
  private final List<Pattern> failsafeIncludes;

  /** @param failsafeIncludes Failsafe's include patterns, or null when Failsafe is not in the build */
  ReportDirectories(Path surefire, Path failsafe, List<String> failsafeIncludes) {
    this.surefire = surefire;
    this.failsafe = failsafe;
    this.failsafeIncludes = new ArrayList<>();
    if (failsafeIncludes != null) {
      for (String include : failsafeIncludes) {
        this.failsafeIncludes.add(pattern(include));
      }
    }
  }

  Path surefire() {
    return surefire;
  }

  Path failsafe() {
    return failsafe;
  }

  Path directoryFor(CrashRecord crash) {
    String className = topLevelClass(crash);
    boolean inSurefire = Files.exists(surefire.resolve("TEST-" + className + ".xml"));
    boolean inFailsafe = Files.exists(failsafe.resolve("TEST-" + className + ".xml"));
    if (inSurefire != inFailsafe) {
      return inSurefire ? surefire : failsafe;
    }
    String path = className.replace('.', '/');
    for (Pattern include : failsafeIncludes) {
      if (include.matcher(path).matches()) {
        return failsafe;
      }
    }
    return surefire;
  }

  /** The crashed test's top-level class: what Surefire and Failsafe select by their includes. */
  static String topLevelClass(CrashRecord crash) {
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
   * Surefire. {@code %regex[...]} includes are not interpreted (they never match here).
   */
  static Pattern pattern(String include) {
    String p = include.trim();
    if (p.startsWith("%regex[")) {
      return Pattern.compile("(?!)");
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
