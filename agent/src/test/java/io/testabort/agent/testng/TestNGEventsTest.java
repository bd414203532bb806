package io.testabort.agent.testng;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.InstalledRegistry;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.SkipList;
import io.testabort.agent.junitplatform.PlatformEvents;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestNGEventsTest {
  static final String CLASS = "com.example.SchedulerTest";

  @RegisterExtension final InstalledRegistry registry = new InstalledRegistry();

  @Test
  void dataProviderRowsAreOneBased() {
    assertThat(TestNGEvents.nodeid(CLASS, "schedules", true, 1, 1, 7)).isEqualTo(CLASS + "#schedules[2]");
    assertThat(TestNGEvents.nodeid(CLASS, "schedules", true, 0, 1, 0)).isEqualTo(CLASS + "#schedules[1]");
  }

  @Test
  void invocationCountRepetitionsAreOneBased() {
    assertThat(TestNGEvents.nodeid(CLASS, "repeats", false, 0, 3, 0)).isEqualTo(CLASS + "#repeats[1]");
    assertThat(TestNGEvents.nodeid(CLASS, "repeats", false, 0, 3, 2)).isEqualTo(CLASS + "#repeats[3]");
    assertThat(TestNGEvents.nodeid(CLASS, "once", false, 0, 1, 0)).isEqualTo(CLASS + "#once");
  }

  @Test
  void anInvocationGoesFromSetupThroughCallToTeardown() {
    String key = TestNGEvents.invocationStarted(CLASS, "schedules", true, 1, 1, 1, null);
    RunningTest test = registry.get().currentTest();
    assertThat(test.nodeid()).isEqualTo(CLASS + "#schedules[2]");
    assertThat(test.testName()).isEqualTo("schedules");
    assertThat(test.framework()).isEqualTo("testng");
    assertThat(test.phase()).isEqualTo("setup");
    TestNGEvents.resultReported(true);
    assertThat(test.phase()).isEqualTo("call");
    TestNGEvents.resultReported(false);
    assertThat(test.phase()).isEqualTo("teardown");
    TestNGEvents.invocationFinished(key);
    assertThat(registry.get().anythingRunning()).isFalse();
  }

  @Test
  void sameNodeidOnTwoInstancesGetsTwoKeys() {
    String a = TestNGEvents.invocationStarted(CLASS, "once", false, 0, 1, 0, null);
    String b = TestNGEvents.invocationStarted(CLASS, "once", false, 0, 1, 0, null);
    assertThat(a).isNotEqualTo(b);
    assertThat(registry.get().isRunning(a)).isTrue();
    assertThat(registry.get().isRunning(b)).isTrue();
  }

  @Test
  void skippedInvocationIsNotRecordedAndSkipsItsMethodConfigurations() throws Exception {
    SkipList.configure(Files.writeString(registry.dir().resolve("skip.txt"), CLASS + "#schedules[2]\n"));
    String key = TestNGEvents.invocationStarted(CLASS, "schedules", true, 1, 1, 1, null);
    assertThat(registry.get().anythingRunning()).isFalse();
    assertThat(TestNGEvents.skipping()).isEqualTo("crashed in an earlier run");
    assertThat(TestNGEvents.skipConfigurations(CLASS, true, false)).isTrue();
    assertThat(TestNGEvents.skipConfigurations(CLASS, false, true)).as("the class itself is not listed").isFalse();
    TestNGEvents.invocationFinished(key);
    assertThat(TestNGEvents.skipping()).isNull();
    assertThat(TestNGEvents.skipConfigurations(CLASS, true, false)).isFalse();
  }

  @Test
  void theTestNGEngineOfTheJUnitPlatformDoesNotRecordItAgain() {
    String key = TestNGEvents.invocationStarted(CLASS, "schedules", true, 1, 1, 1, null);
    String uniqueId = "[engine:testng]/[class:" + CLASS + "]/[method:schedules(int)]";
    PlatformEvents.started(uniqueId, null, "schedules", true, CLASS, "schedules");
    assertThat(registry.get().isRunning(uniqueId)).isFalse();
    assertThat(registry.get().currentTest().key()).isEqualTo(key);
    PlatformEvents.finished(uniqueId);
    assertThat(registry.get().isRunning(key)).isTrue();
  }

  @Test
  void classLevelConfigurationsNameTheClass() {
    String key = TestNGEvents.classStarted(CLASS, false);
    assertThat(registry.get().latestOnThread().nodeid()).isEqualTo(CLASS);
    assertThat(registry.get().currentTest()).isNull();
    TestNGEvents.classFinished(key);
    assertThat(registry.get().anythingRunning()).isFalse();
  }

  @Test
  void displayNameIsWhatSurefireCallsTheInvocation() {
    assertThat(TestNGEvents.displayName("schedules", new Object[] {"09:00", 30, "09:30"}, 0))
        .isEqualTo("schedules[09:00, 30, 09:30](1)");
    assertThat(TestNGEvents.displayName("refusesOverlaps", new Object[0], 0)).isEqualTo("refusesOverlaps");
    Object broken = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("no");
      }
    };
    assertThat(TestNGEvents.displayName("schedules", new Object[] {broken}, 2)).isEqualTo("schedules");
  }
}
