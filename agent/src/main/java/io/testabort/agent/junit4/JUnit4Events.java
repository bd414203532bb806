package io.testabort.agent.junit4;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.SkipList;
import io.testabort.agent.core.TestEvents;

/**
 * What the JUnit 4 advice calls, with plain strings only. Never throws.
 *
 * <p>Recorded once: under the JUnit Platform's Vintage engine the Platform hooks already record each
 * JUnit 4 class and test (framework {@code junit-vintage}), and those records cover their thread, so
 * the starts reported here are not recorded again; this layer only moves the phase of that test.
 */
public final class JUnit4Events {
  static final String FRAMEWORK = "junit4";
  static final String VINTAGE = "junit-vintage";

  private JUnit4Events() {}

  /** JUnit 4's node id: {@code class#method} with the method name JUnit 4 reports, or the class alone. */
  static String nodeid(String className, String methodName) {
    return methodName == null ? className : className + '#' + methodName;
  }

  /**
   * {@code Description.getMethodName()} from the display name: JUnit 4 (4.12 to 4.13.2) matches
   * {@code toString()}, the display name, against {@code ([\s\S]*)\((.*)\)} each time it is asked,
   * which made its regex a visible part of the agent's cost per test (JFR, 5,000-test benchmark). The
   * greedy first group ends at the last {@code (}; {@code .} takes no line terminator. Pinned against
   * JUnit's own method by {@code JUnit4MethodNameTest}.
   */
  static String methodName(String displayName) {
    return methodName(displayName, openParenthesis(displayName));
  }

  /** The same, with {@link #openParenthesis} of the display name already found. */
  static String methodName(String displayName, int open) {
    return open < 0 ? null : displayName.substring(0, open);
  }

  /**
   * {@code Description.getClassName()} from the display name: the second group of the same pattern, or
   * the whole display name when it does not match. JUnit answers from the description's class when it
   * has one, but every public factory of a {@code Description} with a class writes that class's name
   * there ({@code name(class)}, or the class name alone for a suite); pinned by {@code JUnit4MethodNameTest}.
   */
  static String className(String displayName) {
    return className(displayName, openParenthesis(displayName));
  }

  /** The same, with {@link #openParenthesis} of the display name already found. */
  static String className(String displayName, int open) {
    return open < 0 ? displayName : displayName.substring(open + 1, displayName.length() - 1);
  }

  /** Where the pattern's {@code \(} matches in {@code displayName}, or -1 when it does not match. */
  static int openParenthesis(String displayName) {
    int n = displayName == null ? 0 : displayName.length();
    if (n < 2 || displayName.charAt(n - 1) != ')') {
      return -1;
    }
    int open = displayName.lastIndexOf('(', n - 2);
    if (open < 0) {
      return -1;
    }
    for (int i = open + 1; i < n - 1; i++) {
      char c = displayName.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return -1;
      }
    }
    return open;
  }

  static String key(String nodeid) {
    return "junit4:" + nodeid;
  }

  /**
   * After {@code RunNotifier.fireTestStarted}: every listener, Vintage's included, has seen the test.
   * Returns the test's key, for its end, or null when there is nothing to end.
   */
  public static String testStarted(String className, String methodName, String displayName) {
    return testStarted(className, methodName, displayName, false);
  }

  /**
   * The same; {@code emptyTeardown}: nothing of the test runs after its method (see
   * {@link RunningTest.Builder#emptyTeardown()}).
   */
  public static String testStarted(String className, String methodName, String displayName, boolean emptyTeardown) {
    if (className == null || !TestEvents.active()) {
      return null;
    }
    try {
      String nodeid = nodeid(className, methodName);
      RunningTest.Builder b =
          RunningTest.builder(key(nodeid), FRAMEWORK, true)
              .nodeid(nodeid)
              .testName(methodName != null ? methodName : RunningTest.simpleName(className))
              .testClass(className)
              .method(methodName)
              .displayName(displayName)
              .phase(RunningTest.CALL);
      if (emptyTeardown) {
        b.emptyTeardown();
      }
      RunningTest test = b.build();
      TestEvents.started(test, key(className));
      return test.key();
    } catch (Throwable t) {
      AgentLog.error("JUnit 4 start of " + displayName, t);
      return null;
    }
  }

  public static void testFinished(String className, String methodName) {
    TestEvents.finished(key(nodeid(className, methodName)));
  }

  /** The end of the test whose start returned {@code key}. */
  public static void testFinished(String key) {
    TestEvents.finished(key);
  }

  /**
   * A runner of a test class starts ({@code ParentRunner.run}): the class is named while its
   * {@code @BeforeClass}/{@code @AfterClass} methods run. Returns the key to finish, or null when nothing
   * was recorded (Vintage records the class, or an enclosing runner of the same class already did, as
   * {@code Parameterized} does).
   */
  public static String classStarted(String className) {
    if (className == null || !TestEvents.active()) {
      return null;
    }
    try {
      String key = key(className);
      // not recorded when Vintage's record covers it or an enclosing runner of the class recorded it
      return TestEvents.started(RunningTest.forClass(key, FRAMEWORK, className).build(), null) ? key : null;
    } catch (Throwable t) {
      AgentLog.error("JUnit 4 start of " + className, t);
      return null;
    }
  }

  public static void classFinished(String key) {
    if (key != null) {
      TestEvents.finished(key);
    }
  }

  /** {@code RunBefores.evaluate} with a test running: its {@code @Before} methods (not those of a test it runs inline). */
  public static void beforesEntered() {
    TestEvents.phaseOutsideMethod(FRAMEWORK, VINTAGE, RunningTest.SETUP);
  }

  /** {@code InvokeMethod.evaluate}: the test method itself. */
  public static void methodEntered() {
    TestEvents.testMethod(FRAMEWORK, VINTAGE, true);
  }

  /** The test method returned or threw: {@code @After} methods and rules follow. */
  public static void methodExited() {
    TestEvents.testMethod(FRAMEWORK, VINTAGE, false);
  }

  /** The skip reason for a test or class, or null to run it. */
  public static String skipReason(String className, String methodName) {
    try {
      return className == null || !SkipList.configured() ? null : SkipList.reason(nodeid(className, methodName));
    } catch (Throwable t) {
      AgentLog.error("JUnit 4 skip list", t);
      return null;
    }
  }

}
