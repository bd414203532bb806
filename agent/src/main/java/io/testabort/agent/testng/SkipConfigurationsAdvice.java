package io.testabort.agent.testng;

import net.bytebuddy.asm.Advice;
import org.testng.IClass;
import org.testng.ITestNGMethod;
import org.testng.internal.invokers.ConfigMethodArguments;

/**
 * Inlined into {@code ConfigInvoker.invokeConfigurations(ConfigMethodArguments)}: skips the whole call
 * (returns true) for the before/after-method configurations of a skipped invocation and the class-level
 * ones of a class on the skip list, so a skipped test runs none of its setup.
 */
public final class SkipConfigurationsAdvice {
  private SkipConfigurationsAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  static boolean enter(@Advice.Argument(0) ConfigMethodArguments arguments) {
    ITestNGMethod[] methods = arguments.getConfigMethods();
    if (methods == null || methods.length == 0) {
      return false;
    }
    ITestNGMethod first = methods[0];
    boolean methodLevel = first.isBeforeMethodConfiguration() || first.isAfterMethodConfiguration();
    boolean classLevel = first.isBeforeClassConfiguration() || first.isAfterClassConfiguration();
    IClass testClass = arguments.getTestClass();
    Class<?> real = testClass != null ? testClass.getRealClass() : first.getRealClass();
    return TestNGEvents.skipConfigurations(real.getName(), methodLevel, classLevel);
  }
}
