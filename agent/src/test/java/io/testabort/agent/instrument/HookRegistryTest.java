package io.testabort.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.SkipList;
import io.testabort.agent.exit.ExitInstrumentation;
import io.testabort.agent.junit4.JUnit4Instrumentation;
import io.testabort.agent.junitplatform.JUnitPlatformInstrumentation;
import io.testabort.agent.testng.TestNGInstrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which methods get hooks: the skip-list hooks only when a skip list is set, since every test would call them. */
class HookRegistryTest {
  @AfterEach
  void noSkipList() {
    SkipList.configure(null);
  }

  private static HookRegistry registry() {
    return HookRegistry.of(
        new JUnitPlatformInstrumentation(), new JUnit4Instrumentation(), new TestNGInstrumentation(), new ExitInstrumentation());
  }

  private static List<String> methods(HookRegistry registry, String className) {
    List<String> out = new ArrayList<>();
    for (HookPoint p : registry.pointsFor(className.replace('.', '/'))) {
      out.add(p.event);
    }
    return out;
  }

  @Test
  void withoutASkipListNoSkipHookIsWovenAndClassesHookedOnlyForItAreLeftAlone() {
    HookRegistry r = registry();
    assertThat(methods(r, HookedClasses.JUPITER_DESCRIPTOR)).isEmpty();
    assertThat(methods(r, HookedClasses.JUPITER_DYNAMIC_NODE)).isEmpty();
    assertThat(methods(r, HookedClasses.TESTNG_BASE_INVOKER)).isEmpty();
    assertThat(methods(r, HookedClasses.JUNIT4_PARENT_RUNNER)).noneMatch(e -> e.contains("runLeaf") || e.contains("classBlock"));
    assertThat(methods(r, HookedClasses.TESTNG_CONFIG_INVOKER)).noneMatch(e -> e.contains("invokeConfigurations/"));
    // the start and end hooks are there either way
    assertThat(methods(r, HookedClasses.PLATFORM_LISTENER_ADAPTER)).hasSize(2);
    assertThat(methods(r, HookedClasses.JUNIT4_PARENT_RUNNER)).anyMatch(e -> e.contains(".run/1"));
  }

  @Test
  void withASkipListTheSkipHooksAreWoven() {
    SkipList.configure(Path.of("crashes.jsonl"));
    HookRegistry r = registry();
    assertThat(methods(r, HookedClasses.JUPITER_DESCRIPTOR)).singleElement().asString().contains("shouldBeSkipped");
    assertThat(methods(r, HookedClasses.JUPITER_DYNAMIC_NODE)).singleElement().asString().contains("shouldBeSkipped");
    assertThat(methods(r, HookedClasses.TESTNG_BASE_INVOKER)).singleElement().asString().contains("runInvokedMethodListeners");
    assertThat(methods(r, HookedClasses.JUNIT4_PARENT_RUNNER)).anyMatch(e -> e.contains("runLeaf")).anyMatch(e -> e.contains("classBlock"));
    assertThat(methods(r, HookedClasses.TESTNG_CONFIG_INVOKER)).anyMatch(e -> e.contains("invokeConfigurations/"));
  }
}
