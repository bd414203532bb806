package io.testabort.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.InstalledRegistry;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.junit4.JUnit4TestClasses.Plain;
import io.testabort.agent.junit4.JUnit4TestClasses.WithAfter;
import io.testabort.crash.json.Json;
import java.nio.file.Files;
import java.util.Map;
import org.junit.runners.BlockJUnit4ClassRunner;
import org.junit.runners.JUnit4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JUnit 4 test with nothing of its own after its method (no {@code @After}, no {@code @Rule}, JUnit's own
 * runner) keeps {@code call} in the marker until it ends; every other test's teardown is written.
 */
class JUnit4TeardownTest {
  @RegisterExtension final InstalledRegistry registry = new InstalledRegistry();

  @Test
  void jUnitsOwnRunnersOnAClassWithoutAftersOrRulesHaveAnEmptyTeardown() throws Exception {
    assertThat(JUnit4Advice.hasEmptyTeardown(new JUnit4(Plain.class))).isTrue();
    assertThat(JUnit4Advice.hasEmptyTeardown(new BlockJUnit4ClassRunner(Plain.class))).isTrue();
  }

  @Test
  void aftersAndRulesInheritedOrNotMakeATeardown() throws Exception {
    for (Class<?> c : JUnit4TestClasses.WITH_TEARDOWN) {
      assertThat(JUnit4Advice.hasEmptyTeardown(new JUnit4(c))).as(c.getSimpleName()).isFalse();
    }
  }

  @Test
  void aRunnerThatExtendsJUnitsMayAddItsOwnTeardown() throws Exception {
    assertThat(JUnit4Advice.hasEmptyTeardown(new BlockJUnit4ClassRunner(Plain.class) {})).isFalse();
  }

  @Test
  void anEmptyTeardownIsNotWrittenAndTheTestEndsAsUsual() throws Exception {
    String cls = Plain.class.getName();
    String classKey = JUnit4Events.classStarted(cls);
    JUnit4Events.testStarted(cls, "works", "works(" + cls + ")", true);
    JUnit4Events.methodEntered();
    JUnit4Events.methodExited();

    RunningTest test = registry.get().currentTest();
    assertThat(test.phase()).as("in memory").isEqualTo(RunningTest.TEARDOWN);
    assertThat(markerPhase()).as("in the marker").isEqualTo(RunningTest.CALL);

    JUnit4Events.testFinished(cls, "works");
    assertThat(registry.get().currentTest()).isNull();
    assertThat(marker().get("nodeid")).isEqualTo(cls);
    JUnit4Events.classFinished(classKey);
  }

  @Test
  void aTeardownIsWrittenOtherwise() throws Exception {
    String cls = WithAfter.class.getName();
    JUnit4Events.classStarted(cls);
    JUnit4Events.testStarted(cls, "works", "works(" + cls + ")", false);
    JUnit4Events.methodEntered();
    JUnit4Events.methodExited();
    assertThat(markerPhase()).isEqualTo(RunningTest.TEARDOWN);
  }

  // JUnitCore.runClasses inside a test (how a Rule is tested): the inner test's method hooks fire on this
  // thread, and its end moved the outer test to teardown while the outer method still ran
  @Test
  void aTestRunInsideTheMethodLeavesItsPhaseAlone() throws Exception {
    String cls = WithAfter.class.getName();
    JUnit4Events.classStarted(cls);
    JUnit4Events.testStarted(cls, "works", "works(" + cls + ")", false);
    JUnit4Events.methodEntered();
    JUnit4Events.beforesEntered(); // the inner test's @Before
    JUnit4Events.methodEntered();
    JUnit4Events.methodExited();
    assertThat(markerPhase()).isEqualTo(RunningTest.CALL);
    JUnit4Events.methodExited();
    assertThat(markerPhase()).isEqualTo(RunningTest.TEARDOWN);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> marker() throws Exception {
    return (Map<String, Object>) Json.parse(Files.readAllBytes(registry.dir().resolve("marker.json")));
  }

  private Object markerPhase() throws Exception {
    return marker().get("phase");
  }
}
