package io.testabort.agent.attach;

/** A test or class lifecycle method found running on a thread's stack: what the marker says about it. */
final class InFlightTest {
  final Thread thread;
  final StackTraceElement[] stack;
  final String framework;
  final String testClass;
  /** The method on the stack: the test, or the lifecycle method (which then is not the test's name). */
  final String method;
  final Lifecycle lifecycle;
  /** {@code [i]} of a data-provider row read from TestNG, or null. */
  String invocation;
  /** TestNG's invocation name as Surefire reports it, or null. */
  String displayName;
  /** True when the frames show a parameterized, repeated or templated invocation whose index they cannot tell. */
  final boolean invocationUnknown;

  InFlightTest(Thread thread, StackTraceElement[] stack, String framework, String testClass, String method,
      Lifecycle lifecycle, boolean invocationUnknown) {
    this.thread = thread;
    this.stack = stack;
    this.framework = framework;
    this.testClass = testClass;
    this.method = method;
    this.lifecycle = lifecycle;
    this.invocationUnknown = invocationUnknown;
  }

  /**
   * The agent's node id: {@code Class#method[i]} for a test; the class alone in class-level setup or
   * teardown, and in a test's own setup or teardown, which the stack does not tie to one test.
   */
  String nodeid() {
    if (lifecycle != Lifecycle.TEST) {
      return testClass;
    }
    return testClass + '#' + method + (invocation != null ? invocation : "");
  }

  String testName() {
    return lifecycle == Lifecycle.TEST ? method : simpleName(testClass);
  }

  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
