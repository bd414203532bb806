package io.testabort.agent.junit4;

import io.testabort.agent.instrument.EnterExitKeys;
import io.testabort.agent.instrument.Hook;
import io.testabort.agent.instrument.Reflect;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JUnit 4 hooks' agent side: reads {@code Description}s and runners (known here only as
 * {@code Object}s: JUnit may live in a class loader the agent cannot see) and hands {@link JUnit4Events}
 * plain strings; for the skip list it builds JUnit's own failed-assumption statement.
 */
final class JUnit4Advice implements Hook {
  static final int TEST_STARTED = 0;
  static final int TEST_FINISHED = 1;
  static final int CLASS_STARTED = 2;
  static final int CLASS_FINISHED = 3;
  static final int SKIP_LEAF = 4;
  static final int SKIP_CLASS = 5;
  static final int BEFORES_ENTERED = 6;
  static final int METHOD_ENTERED = 7;
  static final int METHOD_EXITED = 8;

  private static final EnterExitKeys classKeys = new EnterExitKeys();
  /**
   * JUnit's own runners of a test class, whose statement around a test method adds only the class's
   * {@code @After} methods and {@code @Rule}s after it. A subclass may add more (Spring's runner adds its
   * listeners' callbacks there), so only these exact classes count.
   */
  private static final Set<String> PLAIN_RUNNERS = new HashSet<>(Arrays.asList(
      "org.junit.runners.JUnit4",
      "org.junit.runners.BlockJUnit4ClassRunner",
      "org.junit.runners.parameterized.BlockJUnit4ClassRunnerWithParameters"));
  /** Test classes whose tests run nothing of theirs after the test method, as their runner last found. */
  private static final Map<String, Boolean> emptyTeardown = new ConcurrentHashMap<>();

  /**
   * The names read at the latest test start, so that its finish (same {@code Description}, usually right
   * after) needs no reflective calls; another Description (parallel runners) is read again.
   */
  private static volatile Started lastStarted;

  private final int hook;

  private static final class Started {
    final Object description;
    final String key;

    Started(Object description, String key) {
      this.description = description;
      this.key = key;
    }
  }

  JUnit4Advice(int hook) {
    this.hook = hook;
  }

  /** One small method per hook: a JIT compiling the hooks of every test does not compile the rare ones with them. */
  @Override
  public Object run(Object[] args) throws Exception {
    switch (hook) {
      case TEST_STARTED:
        testStarted(args[1]);
        return null;
      case TEST_FINISHED:
        testFinished(args[1]);
        return null;
      case CLASS_STARTED:
        classStarted(args[0]);
        return null;
      case CLASS_FINISHED:
        JUnit4Events.classFinished(classKeys.pop());
        return null;
      case SKIP_LEAF:
        // woven, like SKIP_CLASS, only when a skip list is set; runLeaf(Statement, Description, RunNotifier): [statement, runner, statement, description, notifier]
        return skipLeaf(args[3]);
      case SKIP_CLASS:
        // classBlock(RunNotifier), on return: [statement, runner, notifier]
        return skipClass(args[1], args[2]);
      case BEFORES_ENTERED:
        JUnit4Events.beforesEntered();
        return null;
      case METHOD_ENTERED:
        JUnit4Events.methodEntered();
        return null;
      case METHOD_EXITED:
        JUnit4Events.methodExited();
        return null;
      default:
        return null;
    }
  }

  /**
   * No reflection: {@code Description.toString()} is its display name in every JUnit 4 release, and the
   * class and method names are read from it as JUnit's getters do. Two reflective calls a test were a
   * tenth of a JUnit 4 test start while the JVM interprets the hooks (most of a short run).
   */
  private static void testStarted(Object description) {
    String displayName = description.toString();
    int open = JUnit4Events.openParenthesis(displayName); // one scan of the name for both parts
    String className = JUnit4Events.className(displayName, open);
    String methodName = JUnit4Events.methodName(displayName, open);
    boolean noTeardown = className != null && emptyTeardown.get(className) == Boolean.TRUE;
    lastStarted = new Started(description, JUnit4Events.testStarted(className, methodName, displayName, noTeardown));
  }

  private static void testFinished(Object description) {
    Started s = lastStarted;
    if (s != null && s.description == description) {
      // the Description the start just read (the usual case): the same key
      JUnit4Events.testFinished(s.key);
    } else {
      String displayName = description.toString();
      int open = JUnit4Events.openParenthesis(displayName);
      JUnit4Events.testFinished(
          JUnit4Events.className(displayName, open), JUnit4Events.methodName(displayName, open));
    }
  }

  private static void classStarted(Object runner) throws ReflectiveOperationException {
    String key = null;
    try {
      // the runner's test class read once, for its name and for its teardown
      TestClassReader reader = TestClassReader.of(runner);
      Object testClass = reader.testClass(runner);
      Class<?> javaClass = testClass == null ? null : reader.javaClass(testClass);
      if (javaClass != null) {
        emptyTeardown.put(javaClass.getName(), emptyTeardownOrNot(runner, reader, testClass));
        key = JUnit4Events.classStarted(javaClass.getName());
      }
    } finally {
      classKeys.push(key);
    }
  }

  private static Object skipLeaf(Object description) throws ReflectiveOperationException {
    // every test asks when a skip list is set: one scan of its name, as at its start
    String displayName = description.toString();
    int open = JUnit4Events.openParenthesis(displayName);
    String reason =
        JUnit4Events.skipReason(JUnit4Events.className(displayName, open), JUnit4Events.methodName(displayName, open));
    return reason == null ? null : failedAssumption(description, reason);
  }

  private static Object skipClass(Object runner, Object notifier) throws ReflectiveOperationException {
    String testClass = testClassName(runner);
    String reason = testClass == null ? null : JUnit4Events.skipReason(testClass, null);
    return reason == null ? null : failedAssumption(notifier, reason);
  }

  private static String testClassName(Object runner) throws ReflectiveOperationException {
    Class<?> javaClass = TestClassReader.of(runner).javaClassOf(runner);
    return javaClass == null ? null : javaClass.getName();
  }

  /** {@link #hasEmptyTeardown}, false (write the teardown) when the runner cannot be read. */
  private static Boolean emptyTeardownOrNot(Object runner, TestClassReader reader, Object testClass) {
    try {
      return hasEmptyTeardown(runner, reader, testClass);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Boolean.FALSE;
    }
  }

  /**
   * Whether {@code runner} runs nothing of a test's own after its method: one of JUnit's own runners, on
   * a class with no {@code @After} method and no {@code @Rule} field or method (inherited ones included).
   */
  static boolean hasEmptyTeardown(Object runner) throws ReflectiveOperationException {
    TestClassReader reader = TestClassReader.of(runner);
    Object testClass = reader.testClass(runner);
    return testClass != null && hasEmptyTeardown(runner, reader, testClass);
  }

  /** The same, with the runner's test class already read by {@code reader}. */
  private static boolean hasEmptyTeardown(Object runner, TestClassReader reader, Object testClass)
      throws ReflectiveOperationException {
    return PLAIN_RUNNERS.contains(runner.getClass().getName()) && reader.hasNoAftersOrRules(testClass);
  }

  /** {@code new Fail(new AssumptionViolatedException(reason))}, from the JUnit that {@code junitObject} comes from. */
  private static Object failedAssumption(Object junitObject, String reason) throws ReflectiveOperationException {
    Class<?> assumption = Reflect.classNear(junitObject, "org.junit.AssumptionViolatedException");
    Class<?> fail = Reflect.classNear(junitObject, "org.junit.internal.runners.statements.Fail");
    return Reflect.construct(fail, Throwable.class, Reflect.construct(assumption, String.class, reason));
  }
}
