package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "Recorded once", in the core: a record that covers its thread keeps other hook layers' starts out. */
class RunningTestsTest {
  private static RunningTest.Builder test(String key, String layer) {
    return RunningTest.builder(key, "some-engine", true).recordedBy(layer);
  }

  @Test
  void aCoveringRecordKeepsOtherLayersStartsOnItsThreadOut() throws Exception {
    RunningTests running = new RunningTests();
    assertThat(running.add(test("inner", "testng").coversThread().build(), null)).isTrue();
    assertThat(running.add(test("outer", "junit-platform").build(), null)).as("another layer, same thread").isFalse();
    assertThat(running.add(test("same-layer", "testng").build(), null)).as("its own layer").isTrue();
    running.remove("same-layer");

    boolean[] elsewhere = new boolean[1];
    Thread other = new Thread(() -> elsewhere[0] = running.add(test("other-thread", "junit-platform").build(), null));
    other.start();
    other.join();
    assertThat(elsewhere[0]).as("another thread").isTrue();

    running.remove("inner");
    assertThat(running.add(test("outer", "junit-platform").build(), null)).as("once the cover ends").isTrue();
  }

  @Test
  void aRecordThatDoesNotCoverLetsEveryLayerRecord() {
    RunningTests running = new RunningTests();
    assertThat(running.add(test("a", "junit4").build(), null)).isTrue();
    assertThat(running.add(test("b", "junit-platform").build(), null)).isTrue();
    assertThat(running.add(test("b", "junit-platform").build(), null)).as("a key that runs already").isFalse();
  }

  @Test
  void theTopIsTheLatestTestElseTheLatestContainer() {
    RunningTests running = new RunningTests();
    running.add(RunningTest.builder("c", "junit-jupiter", false).build(), null);
    assertThat(running.top().key()).isEqualTo("c");
    running.add(test("t", "junit-platform").build(), "c");
    assertThat(running.top().key()).isEqualTo("t");
    assertThat(running.parallelTests()).isEmpty();
    running.remove("t");
    assertThat(running.top().key()).isEqualTo("c");
    assertThat(running.top().effectivePhase()).isEqualTo("teardown");
  }

  @Test
  void whenAnEarlierOneEndsTheLatestAreStillFoundAndTheOrderKept() throws Exception {
    RunningTests running = new RunningTests();
    running.add(RunningTest.builder("class", "junit-jupiter", false).build(), null);
    running.add(test("first", "junit-platform").build(), "class");
    running.add(test("second", "junit-platform").build(), "class");
    Thread other = new Thread(() -> running.add(test("elsewhere", "junit-platform").build(), "class"));
    other.start();
    other.join();
    assertThat(running.parallelTests()).extracting(RunningTest::key).containsExactly("first", "second", "elsewhere");

    running.remove("second");
    assertThat(running.latestOn(Thread.currentThread(), true).key()).isEqualTo("first");
    assertThat(running.top().key()).as("the latest test, whatever its thread").isEqualTo("elsewhere");
    running.remove("first");
    assertThat(running.latestOn(Thread.currentThread(), true)).isNull();
    assertThat(running.latestOn(Thread.currentThread(), false).key()).isEqualTo("class");
    assertThat(running.parallelTests()).as("fewer than two").isEmpty();
    running.remove("elsewhere");
    assertThat(running.top().key()).isEqualTo("class");
    assertThat(running.remove("elsewhere")).as("ended already").isNull();
  }
}
