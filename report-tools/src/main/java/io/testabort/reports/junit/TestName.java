package io.testabort.reports.junit;

import io.testabort.crash.CrashRecord;
import io.testabort.reports.pytest.NodeId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names a JUnit XML writer gives a test: {@code classname} and {@code name}, as one tool writes them,
 * and the other names a tool gives the same test, by which an existing test case is recognised.
 *
 * <p>For a JUnit Jupiter test the tools differ. Surefire writes a method without parameters bare
 * ({@code posts}), and with them as the Platform's legacy reporting name does ({@code info(TestInfo)});
 * the console launcher's XML always writes that legacy name ({@code posts()}); Gradle's XML writer writes
 * the test's display name ({@code [2] 5 + 7}, a {@code @DisplayName}'s text), where its releases of 2019
 * wrote the legacy name (gradle/gradle#11445).
 * An invocation of a parameterized or repeated test, or a dynamic test, is {@code divides(int, int)[2]}
 * to Surefire and the console launcher alike.
 */
final class TestName {
  final String classname;
  /** The name this layout's tool gives the test: what a test case written for the crash carries. */
  final String name;
  /** The JUnit Platform unique id of the test, or "": the console launcher writes it into each test case. */
  final String uniqueId;
  /** Every name a tool gives the test, {@link #name} included. */
  private final Set<String> names;

  private TestName(String classname, String name, Set<String> aliases, String uniqueId) {
    // as the names will read back from the file: what XML cannot hold is spelled out
    this.classname = Xml.legal(classname);
    this.name = Xml.legal(name);
    this.names = new LinkedHashSet<>();
    names.add(this.name);
    aliases.forEach(a -> names.add(Xml.legal(a)));
    this.uniqueId = uniqueId;
  }

  private TestName(String classname, String name) {
    this(classname, name, Set.of(), "");
  }

  // a Jupiter test method: [method:info(org.junit.jupiter.api.TestInfo)]
  private static final Pattern METHOD = Pattern.compile("/\\[method:([^(\\]]+)\\(([^)]*)\\)\\]$");

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
    String framework = crash.string("framework", "");
    String displayName = crash.string("display_name", null);
    return of(NodeId.of(crash.nodeid(), testfile), crash.string("unique_id", ""),
        "testng".equals(framework) ? displayName : null, displayName, layout);
  }

  /**
   * A JVM id {@code com.x.CalcTest#divides[2]} is class and method; a JUnit Platform test is named from
   * its unique id as its tool names it (see the class comment), a parameterized invocation
   * {@code divides(int, int)[2]}, a {@code @TestFactory}'s dynamic test {@code entries()[2][1]}. A pytest
   * id {@code tests/test_x.py::TestA::test_b} is {@code tests.test_x.TestA} and {@code test_b}, as
   * pytest's junitxml names them. A TestNG invocation has the name the agent recorded as its display
   * name, which is Surefire's ({@code schedules[09:00, 30, 09:30](1)}); Gradle names the same row
   * {@code schedules[0](09:00, 30, 09:30)}, counting from 0.
   *
   * @param displayName the test's display name as the agent recorded it (Gradle's name for a Jupiter test), or null
   */
  static TestName of(NodeId id, String uniqueId, String testNgDisplayName, String displayName, ReportLayout layout) {
    if (id.isPytest()) {
      return pytest(id);
    }
    if (testNgDisplayName != null) {
      Matcher row = SUREFIRE_TESTNG_ROW.matcher(testNgDisplayName);
      if (layout == ReportLayout.GRADLE && row.matches()) {
        int index = Integer.parseInt(row.group(3)) - 1;
        return new TestName(id.file(), row.group(1) + "[" + index + "](" + row.group(2) + ")");
      }
      return new TestName(id.file(), testNgDisplayName);
    }
    String[] platform = platformNames(uniqueId); // {Surefire's, the legacy reporting name}, or null
    if (platform == null && id.name().equals(id.file())) {
      return classLevel(id.file(), layout);
    }
    if (platform == null) {
      return new TestName(id.file(), id.name());
    }
    Set<String> aliases = new LinkedHashSet<>(List.of(platform));
    String name;
    if (layout == ReportLayout.GRADLE && displayName != null && !displayName.isEmpty()) {
      name = displayName;
    } else {
      name = layout == ReportLayout.PLATFORM ? platform[1] : platform[0];
    }
    String classname = id.file();
    if (layout == ReportLayout.SUREFIRE) {
      classname += classInvocations(uniqueId);
    }
    return new TestName(classname, name, aliases, uniqueId);
  }

  // an invocation of a @ParameterizedClass: [class-template:acme.AccountTest]/[class-template-invocation:#2]
  private static final Pattern CLASS_INVOCATION = Pattern.compile("/\\[class-template-invocation:#(\\d+)\\]");

  /**
   * Surefire's suffix for a test of a {@code @ParameterizedClass}: it names the class of invocation 2
   * {@code acme.AccountTest[2]} (a {@code @Nested} class inside keeps its plain name, as Surefire writes it).
   */
  private static String classInvocations(String uniqueId) {
    if (uniqueId.indexOf("[nested-class:", Math.max(0, uniqueId.lastIndexOf("[class-template-invocation:"))) >= 0) {
      return "";
    }
    StringBuilder suffix = new StringBuilder();
    Matcher m = CLASS_INVOCATION.matcher(uniqueId);
    while (m.find()) {
      suffix.append('[').append(m.group(1)).append(']');
    }
    return suffix.toString();
  }

  /**
   * A crash of a class as a whole ({@code @BeforeClass}, {@code @BeforeAll}, a static initializer): Surefire
   * writes a class-level error or skip with an empty name, Gradle with {@code classMethod} (JUnit 4) or
   * {@code initializationError}/{@code executionError} (JUnit Platform); earlier releases of this tool
   * wrote the class's name. Elsewhere the class's name stays what a new test case carries.
   */
  private static TestName classLevel(String className, ReportLayout layout) {
    Set<String> aliases = new LinkedHashSet<>(List.of("", className, "classMethod", "initializationError", "executionError"));
    return new TestName(className, layout == ReportLayout.SUREFIRE ? "" : className, aliases, "");
  }

  /** {@code {Surefire's name, the Platform's legacy reporting name}} of a Jupiter test, or null for another id. */
  private static String[] platformNames(String uniqueId) {
    Matcher m = METHOD.matcher(uniqueId);
    if (m.find()) {
      String types = simpleTypes(m.group(2));
      String legacy = m.group(1) + "(" + types + ")";
      return new String[] {types.isEmpty() ? m.group(1) : legacy, legacy};
    }
    Matcher t = TEMPLATE_INVOCATION.matcher(uniqueId);
    if (t.find()) {
      String name = t.group(1) + "(" + simpleTypes(t.group(2)) + ")[" + t.group(3) + "]";
      return new String[] {name, name};
    }
    Matcher f = FACTORY_TEST.matcher(uniqueId);
    if (f.find()) {
      // entries()[2][1]: a [i] per container and one for the test
      StringBuilder name = new StringBuilder(f.group(1)).append('(').append(simpleTypes(f.group(2))).append(')');
      Matcher container = CONTAINER_INDEX.matcher(f.group(3));
      while (container.find()) {
        name.append('[').append(container.group(1)).append(']');
      }
      String s = name.append('[').append(f.group(4)).append(']').toString();
      return new String[] {s, s};
    }
    return null;
  }

  private static TestName pytest(NodeId id) {
    String module = id.file().substring(0, id.file().length() - ".py".length()).replace('/', '.');
    String[] parts = id.id().split("::", -1);
    StringBuilder classname = new StringBuilder(module);
    for (int i = 1; i < parts.length - 1; i++) {
      classname.append('.').append(parts[i]);
    }
    return new TestName(classname.toString(), id.name());
  }

  /**
   * {@code int, java.lang.String} as the Platform's legacy name writes parameter types, by simple name:
   * {@code int, String}. The unique id percent-encodes {@code [}, and spells an array as the JVM does
   * ({@code [Ljava.lang.String;}, {@code [I}): {@code String[]}, {@code int[]}.
   */
  static String simpleTypes(String types) {
    return List.of(decode(types).split(",")).stream()
        .map(String::trim)
        .filter(t -> !t.isEmpty())
        .map(TestName::simpleType)
        .collect(Collectors.joining(", "));
  }

  private static String simpleType(String type) {
    int dims = 0;
    while (dims < type.length() && type.charAt(dims) == '[') {
      dims++;
    }
    String element = type.substring(dims);
    if (dims > 0) {
      element = element.startsWith("L") && element.endsWith(";")
          ? element.substring(1, element.length() - 1)
          : primitive(element);
    }
    String simple = element.substring(Math.max(element.lastIndexOf('.'), element.lastIndexOf('$')) + 1);
    return simple + "[]".repeat(dims);
  }

  private static String primitive(String code) {
    switch (code) {
      case "Z": return "boolean";
      case "B": return "byte";
      case "C": return "char";
      case "S": return "short";
      case "I": return "int";
      case "J": return "long";
      case "F": return "float";
      case "D": return "double";
      default: return code;
    }
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Whether a test case {@code classname}/{@code name} is this test, by any name a tool gives it. */
  boolean isNamed(String testcaseClassname, String testcaseName) {
    return classname.equals(testcaseClassname) && names.contains(testcaseName);
  }

  /** The simple name of the class, the part any file holding this test must contain. */
  String simpleClassName() {
    String cls = className();
    return cls.substring(Math.max(cls.lastIndexOf('.'), cls.lastIndexOf('$')) + 1);
  }

  /** The class itself: {@link #classname} without Surefire's {@code [i]} of a {@code @ParameterizedClass} invocation. */
  String className() {
    int bracket = classname.indexOf('[');
    return bracket > 0 ? classname.substring(0, bracket) : classname;
  }

  @Override
  public String toString() {
    return classname + " " + name;
  }
}
