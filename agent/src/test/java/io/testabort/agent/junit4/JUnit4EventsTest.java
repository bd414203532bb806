package io.testabort.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.Registries;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnit4EventsTest {
  static final String CLASS = "com.example.ParserTest";

  @TempDir Path dir;
  TestRegistry registry;

  @BeforeEach
  void install() {
    registry = Registries.install(dir.resolve("marker.json"));
  }

  @AfterEach
  void uninstall() {
    Registries.uninstall();
  }

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
    RunningTest test = registry.currentTest();
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
    assertThat(registry.currentTest()).isNull();
    JUnit4Events.classFinished(classKey);
    assertThat(registry.anythingRunning()).isFalse();
  }

  @Test
  void underVintageTheTestIsRecordedOnceAndOnlyItsPhaseMoves() {
    // what the JUnit Platform hooks record for Vintage before RunNotifier.fireTestStarted returns
    String vintageClass = "[engine:junit-vintage]/[runner:" + CLASS + "]";
    registry.started(RunningTest.builder(vintageClass, "junit-vintage", false).nodeid(CLASS).build(), null);
    assertThat(JUnit4Events.classStarted(CLASS)).isNull();
    String vintageTest = vintageClass + "/[test:parses%5B1%5D(" + CLASS + ")]";
    registry.started(
        RunningTest.builder(vintageTest, "junit-vintage", true).nodeid(CLASS + "#parses[1]").phase("call").build(),
        vintageClass);

    JUnit4Events.testStarted(CLASS, "parses[1]", "parses[1](" + CLASS + ")");
    assertThat(registry.isRunning(JUnit4Events.key(CLASS + "#parses[1]"))).isFalse();
    RunningTest test = registry.currentTest();
    assertThat(test.key()).isEqualTo(vintageTest);

    JUnit4Events.beforesEntered();
    assertThat(test.phase()).isEqualTo("setup");
    JUnit4Events.methodEntered();
    assertThat(test.phase()).isEqualTo("call");
    JUnit4Events.methodExited();
    assertThat(test.phase()).isEqualTo("teardown");

    JUnit4Events.testFinished(CLASS, "parses[1]");
    assertThat(registry.isRunning(vintageTest)).as("Vintage's record is Vintage's to finish").isTrue();
  }

  @Test
  void phaseHooksLeaveOtherFrameworksAlone() {
    registry.started(RunningTest.builder("jupiter", "junit-jupiter", true).phase("call").build(), null);
    JUnit4Events.beforesEntered();
    assertThat(registry.currentTest().phase()).isEqualTo("call");
  }

  @Test
  void withoutARegistryNothingHappens() {
    Registries.uninstall();
    JUnit4Events.testStarted(CLASS, "parses", "parses(" + CLASS + ")");
    assertThat(JUnit4Events.classStarted(CLASS)).isNull();
    JUnit4Events.methodEntered();
  }
}
