package io.testabort.agent.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stacks as the frameworks leave them (abbreviated from real thread dumps), top first. */
class StackNamingTest {
  /** No class can be loaded: the lifecycle then comes from the calling framework frames. */
  private final StackNaming framesOnly = new StackNaming((thread, c, m) -> List.of());

  private static StackTraceElement[] stack(String... frames) {
    List<StackTraceElement> out = new ArrayList<>();
    for (String f : frames) {
      int dot = f.lastIndexOf('.');
      out.add(new StackTraceElement(f.substring(0, dot), f.substring(dot + 1), null, -1));
    }
    return out.toArray(new StackTraceElement[0]);
  }

  private static final String[] JUPITER_BOTTOM = {
    "org.junit.platform.engine.support.hierarchical.NodeTestTask.execute",
    "org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute",
    "org.apache.maven.surefire.junitplatform.JUnitPlatformProvider.invoke",
    "org.apache.maven.surefire.booter.ForkedBooter.main",
  };

  private static String[] concat(String[] top, String[] bottom) {
    String[] all = new String[top.length + bottom.length];
    System.arraycopy(top, 0, all, 0, top.length);
    System.arraycopy(bottom, 0, all, top.length, bottom.length);
    return all;
  }

  @Test
  void aParameterizedJupiterTestIsCalledByItsMethodAndItsInvocationIsUnknown() {
    InFlightTest t = framesOnly.name(Thread.currentThread(), stack(concat(new String[] {
      "java.lang.Thread.sleep",
      "com.example.crash.Crash.sleepForever",
      "com.example.ledger.LedgerTest.reconciles",
      "jdk.internal.reflect.NativeMethodAccessorImpl.invoke0",
      "java.lang.reflect.Method.invoke",
      "org.junit.platform.commons.util.ReflectionUtils.invokeMethod",
      "org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.lambda$invokeTestMethod$4",
      "org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod",
      "org.junit.jupiter.engine.descriptor.TestTemplateTestDescriptor.execute",
    }, JUPITER_BOTTOM)));

    assertThat(t.nodeid()).isEqualTo("com.example.ledger.LedgerTest#reconciles");
    assertThat(t.framework).isEqualTo("junit-jupiter");
    assertThat(t.lifecycle).isEqualTo(Lifecycle.TEST);
    assertThat(t.invocationUnknown).isTrue();
  }

  @Test
  void aBeforeAllIsTheClassInSetup() {
    InFlightTest t = framesOnly.name(Thread.currentThread(), stack(concat(new String[] {
      "com.example.ledger.BootTest.boot",
      "java.lang.reflect.Method.invoke",
      "org.junit.platform.commons.util.ReflectionUtils.invokeMethod",
      "org.junit.jupiter.engine.descriptor.ClassBasedTestDescriptor.lambda$invokeBeforeAllMethods$13",
      "org.junit.jupiter.engine.descriptor.ClassBasedTestDescriptor.invokeBeforeAllMethods",
    }, JUPITER_BOTTOM)));

    assertThat(t.nodeid()).isEqualTo("com.example.ledger.BootTest");
    assertThat(t.method).isEqualTo("boot");
    assertThat(t.lifecycle.phase).isEqualTo("setup");
  }

  @Test
  void aDynamicTestIsNamedByTheFactoryThatMadeIt() {
    InFlightTest t = framesOnly.name(Thread.currentThread(), stack(concat(new String[] {
      "com.example.ledger.LedgerTest.lambda$entries$2",
      "org.junit.jupiter.engine.descriptor.DynamicTestTestDescriptor.lambda$execute$0",
      "org.junit.jupiter.engine.descriptor.DynamicTestTestDescriptor.execute",
    }, JUPITER_BOTTOM)));

    assertThat(t.nodeid()).isEqualTo("com.example.ledger.LedgerTest#entries");
    assertThat(t.invocationUnknown).isTrue();
  }

  @Test
  void junit4RunBeforesIsATestsSetupBelowRunLeafAndTheClassesAbove() {
    String[] runner = {
      "org.junit.runners.ParentRunner.run",
      "org.junit.runner.JUnitCore.run",
      "com.example.Main.main", // a user main below the framework is not the test
    };
    InFlightTest before = framesOnly.name(Thread.currentThread(), stack(concat(new String[] {
      "com.example.parser.ParserTest.newParser",
      "org.junit.runners.model.FrameworkMethod$1.runReflectiveCall",
      "org.junit.internal.runners.statements.RunBefores.evaluate",
      "org.junit.runners.ParentRunner.runLeaf",
      "org.junit.runners.BlockJUnit4ClassRunner.runChild",
    }, runner)));
    InFlightTest beforeClass = framesOnly.name(Thread.currentThread(), stack(concat(new String[] {
      "com.example.parser.ParserTest.loadUnits",
      "org.junit.runners.model.FrameworkMethod$1.runReflectiveCall",
      "org.junit.internal.runners.statements.RunBefores.evaluate",
    }, runner)));

    assertThat(before.lifecycle).isEqualTo(Lifecycle.TEST_SETUP);
    assertThat(before.framework).isEqualTo("junit4");
    assertThat(beforeClass.lifecycle).isEqualTo(Lifecycle.CLASS_SETUP);
    assertThat(beforeClass.nodeid()).isEqualTo("com.example.parser.ParserTest");
  }

  @Test
  void annotationsWinOverCallers() {
    StackNaming annotated = new StackNaming((thread, c, m) -> Map.of(
        "schedules", List.of("Test"), "newScheduler", List.of("BeforeMethod")).getOrDefault(m, List.of()));
    String[] testng = {
      "org.testng.internal.invokers.MethodInvocationHelper.invokeMethod",
      "org.testng.internal.invokers.TestInvoker.invokeMethod",
      "org.testng.TestNG.run",
    };
    InFlightTest test = annotated.name(Thread.currentThread(), stack(concat(new String[] {"com.example.scheduler.SchedulerTest.schedules"}, testng)));
    InFlightTest setup = annotated.name(Thread.currentThread(), stack(concat(new String[] {"com.example.scheduler.SchedulerTest.newScheduler"}, testng)));

    assertThat(test.framework).isEqualTo("testng");
    assertThat(test.lifecycle).isEqualTo(Lifecycle.TEST);
    assertThat(setup.lifecycle).isEqualTo(Lifecycle.TEST_SETUP);
  }

  @Test
  void threadsWithoutATestFrameworkOrUserCodeAreNotNamed() {
    assertThat(framesOnly.name(Thread.currentThread(), stack("java.lang.Thread.sleep", "com.example.Pool.work", "java.lang.Thread.run")))
        .isNull();
    assertThat(framesOnly.name(Thread.currentThread(), stack("java.lang.Object.wait", "org.junit.platform.launcher.core.Foo.bar")))
        .isNull();
  }
}
