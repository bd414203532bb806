package io.testabort.agent.attach;

import java.util.List;

/**
 * Names the test a thread is running from its stack alone, for a JVM whose agent arrived after the test
 * started. The test code is the outermost frame that is neither the JDK, nor a test framework, nor a
 * launcher (Surefire, Gradle, an IDE), above the framework's own frames; what it is (a test, a
 * {@code @BeforeAll}, an {@code @AfterEach}, ...) comes from its annotations, else from the framework
 * methods that called it.
 *
 * <p>What a stack cannot tell: the index of a parameterized, repeated or dynamic invocation in JUnit 4 and
 * Jupiter (it lives in local variables), and which test a {@code @BeforeEach}/{@code @Before} runs for.
 */
final class StackNaming {
  /** Annotation simple names (and those of their meta-annotations) of a method, by class and method name. */
  interface Annotations {
    List<String> of(Thread thread, String className, String methodName);
  }

  private static final String[] INFRASTRUCTURE = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.", "org.testng.", "org.opentest4j.",
    "org.apache.maven.surefire.", "org.gradle.", "worker.org.gradle.", "com.intellij.rt.", "org.eclipse.jdt.internal.junit",
    "io.testabort.", "kotlin.coroutines.",
  };

  private final Annotations annotations;

  StackNaming(Annotations annotations) {
    this.annotations = annotations;
  }

  /** The test or class lifecycle method {@code thread} is in, or null when its stack shows none. */
  InFlightTest name(Thread thread, StackTraceElement[] stack) {
    String framework = framework(stack);
    if (framework == null) {
      return null;
    }
    int user = userFrame(stack);
    if (user < 0) {
      return null;
    }
    StackTraceElement frame = stack[user];
    String method = frame.getMethodName();
    Lifecycle lifecycle = null;
    if (!method.startsWith("lambda$")) {
      lifecycle = fromAnnotations(annotations.of(thread, frame.getClassName(), method));
    }
    if (lifecycle == null) {
      lifecycle = fromCallers(stack, user);
    }
    if (lifecycle == null) {
      return null;
    }
    boolean unknownInvocation = lifecycle == Lifecycle.TEST && repeatsInvocations(stack, user);
    return new InFlightTest(thread, stack, framework, frame.getClassName(), lambdaOwner(method), lifecycle, unknownInvocation);
  }

  /** The framework running tests on this stack, named as the agent's hooks name it; null for none. */
  static String framework(StackTraceElement[] stack) {
    boolean jupiter = false;
    boolean junit4 = false;
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      if (c.startsWith("org.testng.")) {
        return "testng";
      }
      if (c.startsWith("org.junit.vintage.")) {
        return "junit-vintage";
      }
      jupiter |= c.startsWith("org.junit.jupiter.engine.");
      junit4 |= c.startsWith("org.junit.runners.") || c.startsWith("org.junit.internal.runners.") || c.startsWith("junit.framework.");
    }
    return jupiter ? "junit-jupiter" : junit4 ? "junit4" : null;
  }

  /** Index of the outermost non-infrastructure frame above a test framework's frames, or -1. */
  static int userFrame(StackTraceElement[] stack) {
    boolean inFramework = false;
    for (int i = stack.length - 1; i >= 0; i--) {
      String c = stack[i].getClassName();
      if (c.startsWith("org.junit.") || c.startsWith("junit.") || c.startsWith("org.testng.")) {
        inFramework = true;
      } else if (inFramework && !isInfrastructure(c)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isInfrastructure(String className) {
    for (String prefix : INFRASTRUCTURE) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static Lifecycle fromAnnotations(List<String> names) {
    for (String name : names) {
      Lifecycle l = Lifecycle.ofAnnotation(name);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  /** From the framework method that called the user code: for lambdas (dynamic tests) and unreadable classes. */
  static Lifecycle fromCallers(StackTraceElement[] stack, int user) {
    for (int i = user + 1; i < stack.length; i++) {
      String c = stack[i].getClassName();
      String m = stack[i].getMethodName();
      if (c.startsWith("org.junit.jupiter.engine.descriptor.")) {
        if (m.contains("BeforeAll")) {
          return Lifecycle.CLASS_SETUP;
        }
        if (m.contains("AfterAll")) {
          return Lifecycle.CLASS_TEARDOWN;
        }
        if (m.contains("BeforeEach") || m.contains("BeforeTestExecution") || m.contains("instantiateTestClass")) {
          return Lifecycle.TEST_SETUP;
        }
        if (m.contains("AfterEach") || m.contains("AfterTestExecution")) {
          return Lifecycle.TEST_TEARDOWN;
        }
        if (m.contains("invokeTestMethod") || c.endsWith(".DynamicTestTestDescriptor")) {
          return Lifecycle.TEST;
        }
      } else if (c.equals("org.junit.internal.runners.statements.RunBefores")) {
        return runsLeaf(stack, i) ? Lifecycle.TEST_SETUP : Lifecycle.CLASS_SETUP;
      } else if (c.equals("org.junit.internal.runners.statements.RunAfters")) {
        return runsLeaf(stack, i) ? Lifecycle.TEST_TEARDOWN : Lifecycle.CLASS_TEARDOWN;
      } else if (c.equals("org.junit.internal.runners.statements.InvokeMethod") || c.endsWith(".TestInvoker")) {
        return Lifecycle.TEST;
      }
    }
    return null;
  }

  /** JUnit 4: a statement below {@code runLeaf} belongs to one test, else to the class. */
  private static boolean runsLeaf(StackTraceElement[] stack, int from) {
    for (int i = from; i < stack.length; i++) {
      if (stack[i].getClassName().equals("org.junit.runners.ParentRunner") && stack[i].getMethodName().equals("runLeaf")) {
        return true;
      }
    }
    return false;
  }

  /** Jupiter templates (parameterized, repeated), dynamic tests, JUnit 4's Parameterized: one of several invocations. */
  private static boolean repeatsInvocations(StackTraceElement[] stack, int user) {
    for (int i = user + 1; i < stack.length; i++) {
      String c = stack[i].getClassName();
      if (c.endsWith(".TestTemplateTestDescriptor") || c.endsWith(".DynamicTestTestDescriptor")
          || c.endsWith(".BlockJUnit4ClassRunnerWithParameters")) {
        return true;
      }
    }
    return false;
  }

  /** {@code entries} for a dynamic test's {@code lambda$entries$2}; other names as they are. */
  static String lambdaOwner(String method) {
    if (method.startsWith("lambda$")) {
      int end = method.indexOf('$', "lambda$".length());
      if (end > "lambda$".length()) {
        return method.substring("lambda$".length(), end);
      }
    }
    return method;
  }
}
