package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;
import org.junit.AssumptionViolatedException;
import org.junit.internal.runners.statements.Fail;
import org.junit.runners.ParentRunner;
import org.junit.runners.model.Statement;
import org.junit.runners.model.TestClass;

/**
 * Inlined into {@code ParentRunner.classBlock(RunNotifier)}, on exit: a class on the skip list (it crashed
 * in {@code @BeforeClass}) runs nothing; {@code ParentRunner.run} reports its failed assumption.
 */
public final class SkipClassAdvice {
  private SkipClassAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This ParentRunner<?> runner, @Advice.Return(readOnly = false) Statement statement) {
    TestClass testClass = runner.getTestClass();
    Class<?> javaClass = testClass == null ? null : testClass.getJavaClass();
    String reason = javaClass == null ? null : JUnit4Events.skipReason(javaClass.getName(), null);
    if (reason != null) {
      statement = new Fail(new AssumptionViolatedException(reason));
    }
  }
}
