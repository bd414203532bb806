package io.testabort.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LazyTransformerTest {
  @Test
  void theFirstFilterLetsEveryHookedClassThrough() {
    assertThat(HookedClasses.all()).isNotEmpty().allSatisfy(name -> assertThat(LazyTransformer.mayBeHooked(name)).as(name).isTrue());
  }

  @Test
  void theFirstFilterStopsWhatBuildToolsAndTheJdkLoad() {
    assertThat(LazyTransformer.mayBeHooked("org/apache/maven/cli/MavenCli")).isFalse();
    assertThat(LazyTransformer.mayBeHooked("org/gradle/api/Project")).isFalse();
    assertThat(LazyTransformer.mayBeHooked("java/lang/RuntimeException")).isFalse();
    assertThat(LazyTransformer.mayBeHooked("java/util/HashMap")).isFalse();
    assertThat(LazyTransformer.mayBeHooked("org/junitpioneer/Foo")).isFalse();
  }

  @Test
  void aClassTheFilterLetsThroughIsRewrittenOnlyWhenHooked() {
    LazyTransformer t =
        new LazyTransformer(null, () -> {
          throw new AssertionError("the agent was activated for a class that is not hooked");
        });
    // not in HookedClasses: untouched, and nothing is set up (neither activation nor instrumentation)
    assertThat(t.transform(null, "org/junit/Assert", null, null, new byte[] {1, 2})).isNull();
    assertThat(t.transform(null, "org/example/Foo", null, null, new byte[] {1, 2})).isNull();
    assertThat(t.transform(null, null, null, null, new byte[] {1, 2})).isNull();
  }
}
