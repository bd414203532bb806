package io.testabort.agent.testng;

import net.bytebuddy.asm.Advice;
import org.testng.IClass;
import org.testng.ITestNGMethod;
import org.testng.internal.invokers.ConfigMethodArguments;

/**
 * Inlined into {@code ConfigInvoker.invokeConfigurations(ConfigMethodArguments)}, through which TestNG
 * runs every configuration method: for {@code @BeforeClass}/{@code @AfterClass} the class is the
 * running container.
 */
public final class ConfigurationsAdvice {
  private ConfigurationsAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static String enter(@Advice.Argument(0) ConfigMethodArguments arguments) {
    ITestNGMethod[] methods = arguments.getConfigMethods();
    if (methods == null || methods.length == 0) {
      return null;
    }
    boolean before = methods[0].isBeforeClassConfiguration();
    if (!before && !methods[0].isAfterClassConfiguration()) {
      return null;
    }
    IClass testClass = arguments.getTestClass();
    Class<?> real = testClass != null ? testClass.getRealClass() : methods[0].getRealClass();
    return TestNGEvents.classStarted(real.getName(), !before);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter String key) {
    TestNGEvents.classFinished(key);
  }
}
