package io.testabort.agent.testng;

import net.bytebuddy.asm.Advice;
import org.testng.ITestClass;
import org.testng.ITestNGMethod;

/**
 * Inlined into {@code ConfigInvoker.invokeConfigurationMethod(Object, ITestNGMethod, Object[], ITestResult)}
 * (private, same signature 7.5 to 7.12), which runs one configuration method on one instance. Outside a
 * test invocation ({@code @BeforeClass}, {@code @AfterClass}, suite and test level) the class of the
 * instance is the running container; before/after-method ones belong to the invocation already recorded.
 */
public final class ConfigurationMethodAdvice {
  private ConfigurationMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static String enter(@Advice.Argument(0) Object instance, @Advice.Argument(1) ITestNGMethod method) {
    if (method.isBeforeMethodConfiguration() || method.isAfterMethodConfiguration()) {
      return null;
    }
    boolean after =
        method.isAfterClassConfiguration()
            || method.isAfterTestConfiguration()
            || method.isAfterSuiteConfiguration()
            || method.isAfterGroupsConfiguration();
    ITestClass testClass = method.getTestClass();
    Class<?> named = instance != null ? instance.getClass() : testClass != null ? testClass.getRealClass() : method.getRealClass();
    return TestNGEvents.classStarted(named.getName(), after);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter String key) {
    TestNGEvents.classFinished(key);
  }
}
