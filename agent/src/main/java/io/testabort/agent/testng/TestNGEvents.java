package io.testabort.agent.testng;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.SkipList;
import io.testabort.agent.core.TestEvents;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the TestNG advice calls, with plain strings and numbers only. Never throws.
 *
 * <p>One invocation of a test method (a data-provider row, an {@code invocationCount} repetition, a
 * retry) runs on one thread inside {@code TestInvoker.invokeMethod}, with its {@code @BeforeMethod} and
 * {@code @AfterMethod}: that is the start/finish pair. A skipped invocation is not recorded; the thread
 * remembers its reason while it runs so the configuration and listener hooks can skip its parts.
 *
 * <p>An invocation's record covers its thread: the JUnit Platform's TestNG engine reports the same test
 * from TestNG's listener calls inside it, and that start is not recorded again.
 */
public final class TestNGEvents {
  static final String FRAMEWORK = "testng";
  /** The key handed back for an invocation that is skipped, not recorded. */
  static final String SKIPPED = "testng-skipped";
  private static final String KEY_PREFIX = "testng:";

  private static final AtomicLong sequence = new AtomicLong();
  private static final ThreadLocal<String> skipping = new ThreadLocal<>();

  private TestNGEvents() {}

  /**
   * {@code class#method}, plus {@code [i]} for the i-th data-provider row (TestNG counts rows from 0, the
   * contract from 1) or, without a data provider, the i-th of {@code invocationCount} invocations.
   */
  static String nodeid(
      String className, String methodName, boolean dataDriven, int parameterIndex, int invocationCount, int invocationsDone) {
    String id = className + '#' + methodName;
    if (dataDriven) {
      return id + '[' + (parameterIndex + 1) + ']';
    }
    if (invocationCount > 1) {
      return id + '[' + (invocationsDone + 1) + ']';
    }
    return id;
  }

  /**
   * The name Surefire's TestNG provider gives an invocation in its reports: the method name, and for a
   * parameterized one its parameters and invocation number, {@code schedules[09:00, 30, 09:30](1)}. A
   * crash is reported under the same name, so report-tools can find or add it in Surefire's XML.
   */
  static String displayName(String methodName, Object[] parameters, int invocationsDone) {
    if (parameters == null || parameters.length == 0) {
      return methodName;
    }
    try {
      return methodName + Arrays.toString(parameters) + '(' + (invocationsDone + 1) + ')';
    } catch (RuntimeException e) {
      return methodName; // a parameter's toString failed: the node id still names the invocation
    }
  }

  /** {@code invokeMethod} begins. Returns the key for {@link #invocationFinished}. */
  public static String invocationStarted(
      String className, String methodName, boolean dataDriven, int parameterIndex, int invocationCount, int invocationsDone,
      Object[] parameters) {
    try {
      String nodeid = nodeid(className, methodName, dataDriven, parameterIndex, invocationCount, invocationsDone);
      String reason = SkipList.reason(nodeid);
      if (reason != null) {
        skipping.set(reason);
        return SKIPPED;
      }
      if (!TestEvents.active()) {
        return null;
      }
      String key = KEY_PREFIX + sequence.incrementAndGet();
      TestEvents.started(
          RunningTest.builder(key, FRAMEWORK, true)
              .coversThread()
              .nodeid(nodeid)
              .testName(methodName)
              .testClass(className)
              .method(methodName)
              .displayName(displayName(methodName, parameters, invocationsDone))
              .phase(RunningTest.SETUP)
              .build(),
          null);
      return key;
    } catch (Throwable t) {
      AgentLog.error("TestNG start of " + className + '#' + methodName, t);
      return null;
    }
  }

  public static void invocationFinished(String key) {
    if (SKIPPED.equals(key)) {
      skipping.remove();
    } else if (key != null) {
      TestEvents.finished(key);
    }
  }

  /**
   * {@code TestInvoker.runTestResultListener}: TestNG tells its listeners a test started (after its
   * {@code @BeforeMethod}s, before its body) or ended (before its {@code @AfterMethod}s).
   */
  public static void resultReported(boolean started) {
    TestEvents.phaseOf(FRAMEWORK, null, started ? RunningTest.CALL : RunningTest.TEARDOWN);
  }

  /**
   * A configuration method outside a test invocation begins: its class is named while it runs, in setup
   * for {@code @BeforeClass} (and suite/test level), teardown for the after kinds. Returns the key to
   * finish.
   */
  public static String classStarted(String className, boolean after) {
    if (className == null || !TestEvents.active()) {
      return null;
    }
    try {
      String key = "testng-class:" + sequence.incrementAndGet();
      TestEvents.started(
          RunningTest.forClass(key, FRAMEWORK, className)
              .phase(after ? RunningTest.TEARDOWN : RunningTest.SETUP)
              .build(),
          null);
      return key;
    } catch (Throwable t) {
      AgentLog.error("TestNG start of " + className, t);
      return null;
    }
  }

  public static void classFinished(String key) {
    if (key != null) {
      TestEvents.finished(key);
    }
  }

  /** The skip reason of the invocation running on this thread, or null. */
  public static String skipping() {
    return skipping.get();
  }

  /**
   * Whether configuration methods must not run: {@code @BeforeMethod}/{@code @AfterMethod} of a skipped
   * invocation, {@code @BeforeClass}/{@code @AfterClass} of a class on the skip list.
   */
  public static boolean skipConfigurations(String className, boolean methodLevel, boolean classLevel) {
    try {
      return (methodLevel && skipping.get() != null) || (classLevel && SkipList.reason(className) != null);
    } catch (Throwable t) {
      AgentLog.error("TestNG skip list", t);
      return false;
    }
  }
}
