package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;
import org.junit.AssumptionViolatedException;
import org.junit.internal.runners.statements.Fail;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Inlined into {@code ParentRunner.runLeaf(Statement, Description, RunNotifier)}: a test on the skip list
 * gets, instead of its statement (before/after methods, rules, body), one that fails its assumption, which
 * JUnit 4 and every report built on it show as skipped. In JUnit 4.12 the test instance is already made.
 */
public final class SkipLeafAdvice {
  private SkipLeafAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(value = 0, readOnly = false) Statement statement, @Advice.Argument(1) Description description) {
    String reason = JUnit4Events.skipReason(description.getClassName(), description.getMethodName());
    if (reason != null) {
      statement = new Fail(new AssumptionViolatedException(reason));
    }
  }
}
