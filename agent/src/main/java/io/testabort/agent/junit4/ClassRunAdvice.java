package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;
import org.junit.runners.ParentRunner;
import org.junit.runners.model.TestClass;

/**
 * Inlined into {@code ParentRunner.run(RunNotifier)}: the class container, which holds the class-level
 * statements ({@code @BeforeClass}, {@code @AfterClass}, class rules) and the children.
 */
public final class ClassRunAdvice {
  private ClassRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static String enter(@Advice.This ParentRunner<?> runner) {
    TestClass testClass = runner.getTestClass();
    Class<?> javaClass = testClass == null ? null : testClass.getJavaClass();
    return javaClass == null ? null : JUnit4Events.classStarted(javaClass.getName());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter String key) {
    JUnit4Events.classFinished(key);
  }
}
