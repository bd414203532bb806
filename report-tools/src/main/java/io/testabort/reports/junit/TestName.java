package io.testabort.reports.junit;

import io.testabort.crash.CrashRecord;
import io.testabort.reports.pytest.NodeId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The names a JUnit XML writer gives a test: {@code classname} and {@code name}, as one tool writes them. */
final class TestName {
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

  // a dynamic test of a @TestFactory: [test-factory:entries()]/[dynamic-container:#2]/[dynamic-test:#1]
  private static final Pattern FACTORY_TEST = Pattern.compile(
      "/\\[test-factory:([^(\\]]+)\\(([^)]*)\\)\\]((?:/\\[dynamic-container:#\\d+\\])*)/\\[dynamic-test:#(\\d+)\\]$");
  private static final Pattern CONTAINER_INDEX = Pattern.compile("#(\\d+)");

  // the agent's TestNG display name, which is Surefire's: schedules[12:30, 90, 14:00](2), the row counted from 1
  private static final Pattern SUREFIRE_TESTNG_ROW = Pattern.compile("(.*?)\\[(.*)\\]\\((\\d+)\\)", Pattern.DOTALL);

  /** The test of {@code crash} as {@code layout}'s tool names it. */
  static TestName of(CrashRecord crash, String testfile, ReportLayout layout) {
    String testNg = "testng".equals(crash.string("framework", "")) ? crash.string("display_name", null) : null;
    return of(NodeId.of(crash.nodeid(), testfile), crash.string("unique_id", ""), testNg, layout);
  }

  /**
   * A JVM id {@code com.x.CalcTest#divides[2]} is class and method; a JUnit Platform parameterized
   * invocation is named as Surefire names it, {@code divides(int, int)[2]}, from its unique id, and so is a
   * {@code @TestFactory}'s dynamic test, {@code entries()[2][1]}. A pytest
   * id {@code tests/test_x.py::TestA::test_b} is {@code tests.test_x.TestA} and {@code test_b}, as
   * pytest's junitxml names them. A TestNG invocation has the name the agent recorded as its display
   * name, which is Surefire's ({@code schedules[09:00, 30, 09:30](1)}); Gradle names the same row
   * {@code schedules[0](09:00, 30, 09:30)}, counting from 0.
   */
  static TestName of(NodeId id, String uniqueId, String testNgDisplayName, ReportLayout layout) {
    if (!id.isPytest() && testNgDisplayName != null) {
      Matcher row = SUREFIRE_TESTNG_ROW.matcher(testNgDisplayName);
      if (layout == ReportLayout.GRADLE && row.matches()) {
        int index = Integer.parseInt(row.group(3)) - 1;
        return new TestName(id.file(), row.group(1) + "[" + index + "](" + row.group(2) + ")");
      }
      return new TestName(id.file(), testNgDisplayName);
    }
    Matcher m = TEMPLATE_INVOCATION.matcher(uniqueId);
    if (!id.isPytest() && m.find()) {
      return new TestName(id.file(), m.group(1) + "(" + simpleTypes(m.group(2)) + ")[" + m.group(3) + "]");
    }
    Matcher f = FACTORY_TEST.matcher(uniqueId);
    if (!id.isPytest() && f.find()) {
      // Surefire's name for it: entries()[2][1], a [i] per container and one for the test
      StringBuilder name = new StringBuilder(f.group(1)).append('(').append(simpleTypes(f.group(2))).append(')');
      Matcher container = CONTAINER_INDEX.matcher(f.group(3));
      while (container.find()) {
        name.append('[').append(container.group(1)).append(']');
      }
      return new TestName(id.file(), name.append('[').append(f.group(4)).append(']').toString());
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

  /** {@code int, java.lang.String} as Surefire writes parameter types: {@code int, String}. */
  private static String simpleTypes(String types) {
    return List.of(types.split(",")).stream()
        .map(String::trim)
        .filter(t -> !t.isEmpty())
        .map(t -> t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1))
        .collect(Collectors.joining(", "));
  }

  /** The simple name of the class, the part any file holding this test must contain. */
  String simpleClassName() {
    return classname.substring(Math.max(classname.lastIndexOf('.'), classname.lastIndexOf('$')) + 1);
  }

  @Override
  public String toString() {
    return classname + " " + name;
  }
}
