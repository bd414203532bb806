package io.testabort.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.junit4.JUnit4TestClasses.InheritsAfter;
import io.testabort.agent.junit4.JUnit4TestClasses.Plain;
import io.testabort.agent.junit4.JUnit4TestClasses.WithAfter;
import java.util.List;
import org.junit.After;
import org.junit.Rule;
import org.junit.jupiter.api.Test;
import org.junit.runner.Runner;
import org.junit.runners.BlockJUnit4ClassRunner;
import org.junit.runners.JUnit4;
import org.junit.runners.ParentRunner;
import org.junit.runners.Suite;
import org.junit.runners.model.TestClass;

/**
 * The reader answers from JUnit's fields exactly what JUnit's getters answer, for test classes with and
 * without {@code @After} methods and {@code @Rule}s, inherited or not, and for a suite without a class.
 */
class TestClassReaderTest {
  @Test
  void readsJUnitsFieldsWhereJUnitHasThem() {
    assertThat(TestClassReader.of(runner(Plain.class)).readsFields()).isTrue();
    assertThat(TestClassReader.forJUnitOf(ParentRunner.class.getClassLoader(), false).readsFields()).isFalse();
  }

  @Test
  void theFieldsAndTheGettersGiveTheSameAnswers() throws Exception {
    TestClassReader fields = TestClassReader.forJUnitOf(ParentRunner.class.getClassLoader(), true);
    TestClassReader getters = TestClassReader.forJUnitOf(ParentRunner.class.getClassLoader(), false);
    for (Class<?> c : JUnit4TestClasses.ALL) {
      ParentRunner<?> runner = runner(c);
      TestClass junits = runner.getTestClass();
      boolean noAftersOrRules = junits.getAnnotatedMethods(After.class).isEmpty()
          && junits.getAnnotatedMethods(Rule.class).isEmpty()
          && junits.getAnnotatedFields(Rule.class).isEmpty();
      for (TestClassReader reader : new TestClassReader[] {fields, getters}) {
        String as = c.getSimpleName() + (reader.readsFields() ? ", fields" : ", getters");
        assertThat(reader.testClass(runner)).as(as).isSameAs(junits);
        assertThat(reader.javaClass(junits)).as(as).isSameAs(c);
        assertThat(reader.javaClassOf(runner)).as(as).isSameAs(c);
        assertThat(reader.hasNoAftersOrRules(junits)).as(as).isEqualTo(noAftersOrRules);
      }
    }
    assertThat(fields.hasNoAftersOrRules(runner(Plain.class).getTestClass())).isTrue();
    assertThat(fields.hasNoAftersOrRules(runner(InheritsAfter.class).getTestClass())).isFalse();
  }

  @Test
  void aSuiteOfClassesGivenOneByOneHasNoJavaClass() throws Exception {
    // what JUnitCore.runClasses builds: Request.classes -> new Suite((Class<?>) null, runners)
    Suite suite = new Suite((Class<?>) null, List.<Runner>of(runner(Plain.class))) {};
    TestClassReader reader = TestClassReader.of(suite);
    assertThat(reader.readsFields()).isTrue();
    assertThat(reader.javaClass(reader.testClass(suite))).isNull();
    assertThat(reader.javaClassOf(suite)).isNull();
  }

  @Test
  void aSubclassOfTheTestClassModelIsReadToo() throws Exception {
    ParentRunner<?> runner =
        new BlockJUnit4ClassRunner(WithAfter.class) {
          @Override
          protected TestClass createTestClass(Class<?> testClass) {
            return new TestClass(testClass) {};
          }
        };
    TestClassReader reader = TestClassReader.of(runner);
    assertThat(reader.javaClass(reader.testClass(runner))).isSameAs(WithAfter.class);
    assertThat(reader.hasNoAftersOrRules(reader.testClass(runner))).isFalse();
  }

  private static ParentRunner<?> runner(Class<?> c) {
    try {
      return new JUnit4(c);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
