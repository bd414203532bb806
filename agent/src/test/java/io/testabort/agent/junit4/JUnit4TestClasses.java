package io.testabort.agent.junit4;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;

/** JUnit 4 test classes with and without something of their own after each test method. */
final class JUnit4TestClasses {
  private JUnit4TestClasses() {}

  public static class Plain {
    @Test
    public void works() {}
  }

  public static class WithAfter {
    @Test
    public void works() {}

    @After
    public void cleanUp() {}
  }

  public static class InheritsAfter extends WithAfter {}

  public static class WithRuleField {
    @Rule public TestRule rule = (base, description) -> base;

    @Test
    public void works() {}
  }

  public static class WithRuleMethod {
    @Rule
    public TestRule rule() {
      return (base, description) -> base;
    }

    @Test
    public void works() {}
  }

  /** Every class above. */
  static final Class<?>[] ALL = {
    Plain.class, WithAfter.class, InheritsAfter.class, WithRuleField.class, WithRuleMethod.class
  };

  /** Every class above with something after its test method. */
  static final Class<?>[] WITH_TEARDOWN = {
    WithAfter.class, InheritsAfter.class, WithRuleField.class, WithRuleMethod.class
  };
}
