package io.testabort.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.InstalledRegistry;
import io.testabort.agent.core.RunningTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JUnit4EventsTest {
  static final String CLASS = "com.example.ParserTest";

  @RegisterExtension final InstalledRegistry registry = new InstalledRegistry();

  @Test
  void nodeidKeepsJUnit4sMethodName() {
    assertThat(JUnit4Events.nodeid(CLASS, "parses[1]")).isEqualTo(CLASS + "#parses[1]");
    assertThat(JUnit4Events.nodeid(CLASS, null)).isEqualTo(CLASS);
  }

  @Test
  void directRunRecordsTheTestUnderItsClassWithPhases() {
    String classKey = JUnit4Events.classStarted(CLASS);
    assertThat(classKey).isNotNull();
    assertThat(JUnit4Events.classStarted(CLASS)).as("Parameterized's inner runner of the same class").isNull();
    JUnit4Events.testStarted(CLASS, "parses[1]", "parses[1](" + CLASS + ")");
    RunningTest test = registry.get().currentTest();
    assertThat(test.framework()).isEqualTo("junit4");
    assertThat(test.nodeid()).isEqualTo(CLASS + "#parses[1]");
    assertThat(test.testName()).isEqualTo("parses[1]");
    assertThat(test.phase()).isEqualTo("call");
    JUnit4Events.beforesEntered();
    assertThat(test.phase()).isEqualTo("setup");
    JUnit4Events.methodEntered();
    assertThat(test.phase()).isEqualTo("call");
    JUnit4Events.methodExited();
    assertThat(test.phase()).isEqualTo("teardown");
    JUnit4Events.testFinished(CLASS, "parses[1]");
    assertThat(registry.get().currentTest()).isNull();
    JUnit4Events.classFinished(classKey);
    assertThat(registry.get().anythingRunning()).isFalse();
  }

  @Test
  void underVintageTheTestIsRecordedOnceAndOnlyItsPhaseMoves() {
    // what the JUnit Platform hooks record for Vintage before RunNotifier.fireTestStarted returns
    String vintageClass = "[engine:junit-vintage]/[runner:" + CLASS + "]";
    registry.get().started(RunningTest.builder(vintageClass, "junit-vintage", false).recordedBy("junit-platform").coversThread().nodeid(CLASS).build(), null);
    assertThat(JUnit4Events.classStarted(CLASS)).isNull();
    String vintageTest = vintageClass + "/[test:parses%5B1%5D(" + CLASS + ")]";
    registry.get().started(
        RunningTest.builder(vintageTest, "junit-vintage", true).recordedBy("junit-platform").coversThread()
            .nodeid(CLASS + "#parses[1]").phase("call").build(),
        vintageClass);

    JUnit4Events.testStarted(CLASS, "parses[1]", "parses[1](" + CLASS + ")");
    assertThat(registry.get().isRunning(JUnit4Events.key(CLASS + "#parses[1]"))).isFalse();
    RunningTest test = registry.get().currentTest();
    assertThat(test.key()).isEqualTo(vintageTest);

    JUnit4Events.beforesEntered();
    assertThat(test.phase()).isEqualTo("setup");
    JUnit4Events.methodEntered();
    assertThat(test.phase()).isEqualTo("call");
    JUnit4Events.methodExited();
    assertThat(test.phase()).isEqualTo("teardown");

    JUnit4Events.testFinished(CLASS, "parses[1]");
    assertThat(registry.get().isRunning(vintageTest)).as("Vintage's record is Vintage's to finish").isTrue();
  }

  @Test
  void phaseHooksLeaveOtherFrameworksAlone() {
    registry.get().started(RunningTest.builder("jupiter", "junit-jupiter", true).phase("call").build(), null);
    JUnit4Events.beforesEntered();
    assertThat(registry.get().currentTest().phase()).isEqualTo("call");
  }

  @Test
  void withoutARegistryNothingHappens() {
    registry.uninstall();
    JUnit4Events.testStarted(CLASS, "parses", "parses(" + CLASS + ")");
    assertThat(JUnit4Events.classStarted(CLASS)).isNull();
    JUnit4Events.methodEntered();
  }
}
