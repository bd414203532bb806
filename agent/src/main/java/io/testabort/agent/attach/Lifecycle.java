package io.testabort.agent.attach;

/** What a method on a test thread's stack is to its framework, from its annotation or its callers. */
enum Lifecycle {
  /** {@code @BeforeAll}, {@code @BeforeClass}, TestNG's {@code @BeforeSuite/Test/Groups}: the class is named. */
  CLASS_SETUP(true, "setup"),
  /** {@code @BeforeEach}, {@code @Before}, {@code @BeforeMethod}: the stack does not say for which test. */
  TEST_SETUP(false, "setup"),
  /** A test method: {@code @Test}, {@code @ParameterizedTest}, a dynamic test, a data-provider row. */
  TEST(false, "call"),
  TEST_TEARDOWN(false, "teardown"),
  CLASS_TEARDOWN(true, "teardown");

  final boolean classLevel;
  final String phase;

  Lifecycle(boolean classLevel, String phase) {
    this.classLevel = classLevel;
    this.phase = phase;
  }

  /** The kind an annotation's simple name stands for in JUnit 4, Jupiter or TestNG, or null. */
  static Lifecycle ofAnnotation(String simpleName) {
    switch (simpleName) {
      case "BeforeAll":
      case "BeforeClass":
      case "BeforeSuite":
      case "BeforeTest":
      case "BeforeGroups":
      case "DataProvider": // TestNG computes the rows before the first one runs
        return CLASS_SETUP;
      case "BeforeEach":
      case "Before":
      case "BeforeMethod":
        return TEST_SETUP;
      case "Test":
      case "ParameterizedTest":
      case "RepeatedTest":
      case "TestFactory":
      case "TestTemplate":
        return TEST;
      case "AfterEach":
      case "After":
      case "AfterMethod":
        return TEST_TEARDOWN;
      case "AfterAll":
      case "AfterClass":
      case "AfterSuite":
      case "AfterTest":
      case "AfterGroups":
        return CLASS_TEARDOWN;
      default:
        return null;
    }
  }
}
